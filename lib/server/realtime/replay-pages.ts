import type { SessionEvent } from "@/lib/protocol";

export type ReadPage = (sessionId: string, afterSeq: number, limit: number) => Promise<SessionEvent[]>;

/** Full pages kept for other sockets replaying the same stretch of the same session. */
const MAX_CACHED_PAGES = 16;
/** A cached page unused for this long is dropped. */
const PAGE_TTL_MS = 10_000;

interface CachedPage {
  events: Promise<SessionEvent[]>;
  usedAt: number;
}

/**
 * One log read shared by every socket replaying the same page of the same session: a read in
 * flight is joined, and a *full* page is kept for a while (a full page never changes: the log is
 * append-only, and only finished, unwatched sessions are compacted). A short page — the tail — is
 * only shared while in flight, since the log may have grown since.
 */
export class ReplayPages {
  private readonly pages = new Map<string, CachedPage>();

  constructor(
    private readonly readPage: ReadPage,
    readonly pageSize: number,
  ) {}

  read(sessionId: string, afterSeq: number): Promise<SessionEvent[]> {
    const key = `${sessionId}:${afterSeq}`;
    const now = Date.now();
    const cached = this.pages.get(key);
    if (cached && now - cached.usedAt < PAGE_TTL_MS) {
      cached.usedAt = now;
      return cached.events;
    }
    const events = this.readPage(sessionId, afterSeq, this.pageSize);
    this.pages.set(key, { events, usedAt: now });
    this.trim(now);
    events.then(
      (page) => {
        if (page.length < this.pageSize && this.pages.get(key)?.events === events) this.pages.delete(key);
      },
      () => this.pages.delete(key),
    );
    return events;
  }

  private trim(now: number): void {
    for (const [key, page] of this.pages) {
      if (this.pages.size <= MAX_CACHED_PAGES && now - page.usedAt < PAGE_TTL_MS) break;
      this.pages.delete(key);
    }
  }
}

/**
 * Replay turns, shared by every socket of the process: one page per event-loop iteration, whoever
 * asks, so pending I/O (other sockets, HTTP requests) runs between any two pages. Without it, 50
 * sockets each yielding with `setImmediate` would still run all 50 pages in one check phase.
 */
export class ReplayTurns {
  private readonly waiting: Array<() => void> = [];
  private pumping = false;

  /** Resolves when it is this caller's turn to send a page. */
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
