import { nextSessionStatus, type SessionEvent } from "@/lib/protocol";
import { MAX_APPEND_BATCH, SeqConflictError, type SessionAdvance, type SessionHead, type Store } from "../storage/store";

/** A validated event waiting for its seq; `data.seq` is a placeholder until it is sequenced. */
interface Entry {
  sessionId: string;
  draft: SessionEvent;
  enqueuedAt: number;
  resolve: (event: SessionEvent) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  store: Pick<Store, "getSessionHeads" | "appendEvents">;
  /** Called once per committed event, in commit order (seq order within a session), before its publisher resumes. */
  onCommitted: (event: SessionEvent, enqueuedAt: number) => void;
  /** A throwing `onCommitted` is reported here; the event stays committed and its publish resolves. */
  onHandError?: (error: unknown, event: SessionEvent) => void;
  /** Events queued for the next flush at most; past it `enqueue` waits (backpressure). */
  maxPending?: number;
  /** Events written per transaction at most. */
  maxBatch?: number;
}

/** Sessions whose head is remembered; older ones are read again on their next publish. */
const MAX_HEADS = 10_000;
/** Tries after a seq conflict (another writer moved a head) before the batch's publishes fail. */
const MAX_CONFLICT_RETRIES = 5;

/**
 * Group commit for the event log. `enqueue` takes validated events in call order; one flusher
 * per process writes every queued event of every session in one transaction (see event-log.ts),
 * then hands them out in order. Seqs are allocated here, in memory, from each session's head;
 * the store fences every head (`last_seq` must still be what was read), so another process
 * publishing to the same session costs a reload and a retry, never a gap or a duplicate.
 *
 * Nothing reaches `onCommitted` (and so no client) before its transaction committed.
 */
export class GroupCommit {
  private readonly queue: Entry[] = [];
  /** Publishes past `maxPending`, admitted into `queue` in call order as flushes free room. */
  private readonly waiting: Entry[] = [];
  private readonly heads = new Map<string, SessionHead>();
  private readonly maxPending: number;
  private readonly maxBatch: number;
  private flushing = false;
  private scheduled = false;
  private drained: Array<() => void> = [];
  /** Events of the batch being written. */
  private inFlight = 0;

  constructor(private readonly options: GroupCommitOptions) {
    this.maxPending = options.maxPending ?? 5_000;
    this.maxBatch = Math.min(options.maxBatch ?? MAX_APPEND_BATCH, MAX_APPEND_BATCH, this.maxPending);
  }

  /** Resolves with the event and its seq once it is committed and handed to `onCommitted`. */
  enqueue(sessionId: string, draft: SessionEvent): Promise<SessionEvent> {
    return new Promise((resolve, reject) => {
      const entry = { sessionId, draft, enqueuedAt: performance.now(), resolve, reject };
      // FIFO even under pressure: a publish never overtakes an earlier one that is waiting.
      if (this.waiting.length > 0 || this.queue.length >= this.maxPending) this.waiting.push(entry);
      else this.queue.push(entry);
      this.schedule();
    });
  }

  /** Events not committed yet: being written, queued, and waiting for room. */
  get backlog(): number {
    return this.inFlight + this.queue.length + this.waiting.length;
  }

  /** Resolves once every event queued so far is committed (or failed): for an orderly shutdown. */
  drain(): Promise<void> {
    if (this.backlog === 0 && !this.flushing) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Forgets a session's head (it is read again on its next publish). */
  forgetHead(sessionId: string): void {
    this.heads.delete(sessionId);
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // One macrotask of publishes (every job and timer that ran) goes into one transaction.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        this.admitWaiting();
        this.inFlight = batch.length;
        await this.commit(batch);
        this.inFlight = 0;
      }
    } finally {
      this.inFlight = 0;
      this.flushing = false;
      if (this.backlog > 0) this.schedule();
      else for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.queue.length < this.maxPending) this.queue.push(this.waiting.shift()!);
  }

  private async commit(batch: Entry[]): Promise<void> {
    let live = batch;
    for (let attempt = 0; ; attempt++) {
      try {
        live = await this.withHeads(live);
        if (live.length === 0) return;
        const { events, advances } = this.sequence(live);
        await this.options.store.appendEvents(events, advances);
        for (const advance of advances) this.rememberHead(advance.sessionId, { lastSeq: advance.toSeq, status: advance.status });
        live.forEach((entry, i) => this.hand(entry, events[i]!));
        return;
      } catch (error) {
        // Unknown heads either way: after a conflict they moved, after a failure we cannot tell.
        for (const entry of live) this.heads.delete(entry.sessionId);
        if (error instanceof SeqConflictError && attempt < MAX_CONFLICT_RETRIES) continue;
        for (const entry of live) entry.reject(error);
        return;
      }
    }
  }

  /** Loads missing heads; entries of sessions that do not exist are rejected and left out. */
  private async withHeads(entries: Entry[]): Promise<Entry[]> {
    const missing = [...new Set(entries.filter((e) => !this.heads.has(e.sessionId)).map((e) => e.sessionId))];
    if (missing.length === 0) return entries;
    const loaded = await this.options.store.getSessionHeads(missing);
    for (const [id, head] of loaded) this.rememberHead(id, head);
    return entries.filter((entry) => {
      if (this.heads.has(entry.sessionId)) return true;
      entry.reject(new Error(`no such session: ${entry.sessionId}`));
      return false;
    });
  }

  /** Numbers the entries from their sessions' heads (without moving the heads: not committed yet). */
  private sequence(entries: Entry[]): { events: SessionEvent[]; advances: SessionAdvance[] } {
    const next = new Map<string, SessionAdvance>();
    const events = entries.map(({ sessionId, draft }) => {
      let advance = next.get(sessionId);
      if (!advance) {
        const head = this.heads.get(sessionId)!;
        advance = { sessionId, fromSeq: head.lastSeq, toSeq: head.lastSeq, status: head.status, fromStatus: head.status, updatedAt: draft.data.timestamp };
        next.set(sessionId, advance);
      }
      // The draft is this publish's own object (EventService.publish parsed it into a fresh one):
      // numbering it in place saves two copies per event; a retry after a conflict renumbers it.
      const event = draft;
      event.data.seq = advance.toSeq + 1;
      advance.toSeq = event.data.seq;
      advance.status = nextSessionStatus(advance.status, event);
      advance.updatedAt = event.data.timestamp;
      return event;
    });
    return { events, advances: [...next.values()] };
  }

  private hand(entry: Entry, event: SessionEvent): void {
    try {
      this.options.onCommitted(event, entry.enqueuedAt);
    } catch (error) {
      // Committed is committed: a failing consumer must not fail the publish or the batch.
      this.options.onHandError?.(error, event);
    }
    entry.resolve(event);
  }

  private rememberHead(sessionId: string, head: SessionHead): void {
    this.heads.delete(sessionId);
    this.heads.set(sessionId, head);
    if (this.heads.size > MAX_HEADS) this.heads.delete(this.heads.keys().next().value!);
  }
}
