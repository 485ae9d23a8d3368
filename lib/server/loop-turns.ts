/**
 * Turns on the event loop, shared by everyone who asks: one turn per event-loop iteration,
 * whoever asks, so pending I/O (sockets, HTTP requests) runs between any two turns. Replays take
 * a turn per slice of ≤ 100 events (session-delivery.ts), zips one per 32 KB step (zip-site.ts).
 * Without it, 50 callers each yielding with `setImmediate` would still run all 50 pieces of work
 * in one check phase. (A time budget of several turns per iteration was tried for replays: faster
 * replays, but `/api/health` p50 16.6 → 106 ms during a storm; see docs/BENCH.md.)
 */
export class LoopTurns {
  private readonly waiting: Array<() => void> = [];
  private pumping = false;

  /** Resolves when it is this caller's turn. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.pumping) {
        this.pumping = true;
        setImmediate(() => this.grant());
      }
    });
  }

  private grant(): void {
    this.waiting.shift()?.();
    // Queued from inside a check-phase callback, this runs in the next loop iteration, after I/O.
    if (this.waiting.length > 0) setImmediate(() => this.grant());
    else this.pumping = false;
  }
}
