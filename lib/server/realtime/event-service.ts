import {
  createInitialState,
  reduceSessionEvent,
  sessionEventSchema,
  type GenerationState,
  type SessionEvent,
  type SessionEventData,
  type SessionEventInput,
  type SessionEventType,
} from "@/lib/protocol";
import type { Logger } from "../logger";
import type { Store } from "../storage/store";
import { GroupCommit } from "./group-commit";
import { liveFormOf } from "./live-form";

/**
 * Delivers a logged event to everyone watching its session, on this node and (clustered) others.
 * `live` is what an in-sync watcher of this node gets instead (see live-form.ts).
 */
export type Broadcast = (event: SessionEvent, live: SessionEvent) => void;

/** Called after each publish with the time from being queued to the broadcast returning. */
export type PublishListener = (event: SessionEvent, elapsedSeconds: number) => void;

type Fields<T extends SessionEventType> = Omit<SessionEventData<T>, "seq" | "session_id" | "timestamp">;

/** Folds kept in memory at most; sessions beyond it are refolded from the log on demand. */
const MAX_CACHED_STATES = 2_000;
/**
 * Bytes of folds kept in memory at most (estimated: a preview can hold three files of up to
 * 512 K characters, so a count alone does not bound memory). The oldest go first.
 */
const MAX_CACHED_BYTES = 128 * 1024 * 1024;

/** A fold's rough size in memory: its preview's text (UTF-16) plus a little per step. */
function estimateBytes(state: GenerationState): number {
  const p = state.preview;
  const text = p ? p.html_content.length + p.css_content.length + p.js_content.length : 0;
  return 2 * text + 512 * state.steps.length + 2048;
}

export interface EventServiceDeps {
  store: Store;
  broadcast: Broadcast;
  logger: Logger;
  /** Events waiting for a group commit at most before `publish` waits (backpressure). */
  maxPending?: number;
  /** Estimated bytes of cached folds at most (default 128 MiB). */
  maxCachedBytes?: number;
}

/**
 * The single publish path: validate → group commit (seq allocated, appended to the durable log
 * with every other pending event, see GroupCommit) → fold into the cached state → broadcast.
 * Everything a client sees about a session goes through `publish`.
 */
export class EventService {
  /** Folded state of sessions that are running or watched; rebuilt from the log on demand. */
  private readonly states = new Map<string, GenerationState>();
  /** Estimated bytes of each cached fold, and their sum. */
  private readonly sizes = new Map<string, number>();
  private cachedBytes = 0;
  private readonly listeners = new Set<PublishListener>();
  private readonly commits: GroupCommit;
  /** Sessions being folded from the log, with the newest seq committed or received meanwhile. */
  private readonly reading = new Map<string, { seen: number; readers: number }>();

  constructor(private readonly deps: EventServiceDeps) {
    this.commits = new GroupCommit({
      store: deps.store,
      maxPending: deps.maxPending,
      onCommitted: (event, enqueuedAt) => this.deliverCommitted(event, enqueuedAt),
      onHandError: (error, event) => deps.logger.error({ err: error, sessionId: event.data.session_id, seq: event.data.seq }, "delivering a committed event failed"),
    });
  }

  /**
   * Validates and queues one event; resolves with it (and its seq) once it is committed and
   * broadcast. Publishes resolve in call order; past `maxPending` queued events the call waits.
   */
  publish(sessionId: string, input: SessionEventInput): Promise<SessionEvent> {
    try {
      // Validate before touching the log; the placeholder seq is replaced by the allocated one.
      const draft = sessionEventSchema.parse({ type: input.type, data: { ...input.data, seq: 1 } }) as SessionEvent;
      return this.commits.enqueue(sessionId, draft);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** `publish` with the session id and timestamp filled in. */
  emit<T extends SessionEventType>(sessionId: string, type: T, fields: Fields<T>): Promise<SessionEvent> {
    const data = { ...fields, session_id: sessionId, timestamp: new Date().toISOString() };
    return this.publish(sessionId, { type, data } as unknown as SessionEventInput);
  }

  /** Resolves once every event published so far is committed and broadcast (or failed). */
  drain(): Promise<void> {
    return this.commits.drain();
  }

  /** Events published but not committed yet. */
  get backlog(): number {
    return this.commits.backlog;
  }

  private deliverCommitted(event: SessionEvent, enqueuedAt: number): void {
    const live = this.applyToCache(event);
    this.deps.broadcast(event, live);
    const elapsed = (performance.now() - enqueuedAt) / 1000;
    for (const listener of this.listeners) listener(event, elapsed);
  }

  /**
   * Keeps a cached fold current with an event published here or by another process; returns the
   * form in-sync watchers get (computed from the fold before the event).
   */
  applyToCache(event: SessionEvent): SessionEvent {
    const sessionId = event.data.session_id;
    const cached = this.states.get(sessionId);
    const reading = this.reading.get(sessionId);
    if (reading) reading.seen = Math.max(reading.seen, event.data.seq);
    if (!cached) return event;
    if (event.data.seq === cached.last_seq + 1) this.cache(sessionId, reduceSessionEvent(cached, event), false);
    else if (event.data.seq > cached.last_seq) this.uncache(sessionId); // missed one: refold on demand
    return liveFormOf(cached, event);
  }

  /** Current folded state of a session, or null when the session does not exist. */
  async getState(sessionId: string): Promise<GenerationState | null> {
    const cached = this.states.get(sessionId);
    if (cached) return cached;
    const reading = this.reading.get(sessionId) ?? { seen: 0, readers: 0 };
    this.reading.set(sessionId, reading);
    reading.readers++;
    let state: GenerationState | null;
    try {
      state = await this.foldFromLog(sessionId, reading);
    } finally {
      if (--reading.readers === 0) this.reading.delete(sessionId);
    }
    if (!state) return null;
    // Another publish may have cached a newer fold while we read: keep the newer one.
    const raced = this.states.get(sessionId);
    if (raced && raced.last_seq >= state.last_seq) return raced;
    // An event committed during the read but after it looked is not in the fold: do not cache it stale.
    if (reading.seen > state.last_seq) return state;
    this.cache(sessionId, state, true);
    return state;
  }

  /**
   * Keeps a fold, bounded by count and bytes: snapshot reads of unwatched sessions (API polling)
   * and large previews must not grow memory without bound, so the oldest folds (Map order) go; a
   * dropped one is simply refolded from the log when needed. Only a new entry evicts: an update
   * of a running session's fold must not evict that very fold.
   */
  private cache(sessionId: string, state: GenerationState, isNew: boolean): void {
    const bytes = estimateBytes(state);
    this.cachedBytes += bytes - (this.sizes.get(sessionId) ?? 0);
    this.sizes.set(sessionId, bytes);
    this.states.set(sessionId, state);
    const maxBytes = this.deps.maxCachedBytes ?? MAX_CACHED_BYTES;
    if (!isNew && this.cachedBytes <= maxBytes) return;
    for (const oldest of this.states.keys()) {
      if (this.states.size <= MAX_CACHED_STATES && this.cachedBytes <= maxBytes) break;
      if (oldest === sessionId) continue;
      this.uncache(oldest);
    }
  }

  private uncache(sessionId: string): void {
    this.cachedBytes -= this.sizes.get(sessionId) ?? 0;
    this.sizes.delete(sessionId);
    this.states.delete(sessionId);
  }

  /** Estimated bytes of the cached folds (for tests and stats). */
  get cachedStateBytes(): number {
    return this.cachedBytes;
  }

  private async foldFromLog(sessionId: string, reading: { seen: number }): Promise<GenerationState | null> {
    const session = await this.deps.store.getSession(sessionId);
    if (!session) return null;
    const snapshot = await this.deps.store.getSnapshot(sessionId);
    let state = snapshot?.state ?? createInitialState(session.id, session.projectId);
    // Events committed while we read are folded in too (a few rounds at most; the rest is refolded later).
    for (let round = 0; round < 3 && (round === 0 || reading.seen > state.last_seq); round++) {
      const events = await this.deps.store.readEvents(sessionId, Math.max(state.last_seq, snapshot?.throughSeq ?? 0));
      state = events.reduce(reduceSessionEvent, state);
    }
    return state;
  }

  /** Every logged event after `afterSeq`, in order (a generation's own history on retry). */
  readSince(sessionId: string, afterSeq: number): Promise<SessionEvent[]> {
    return this.deps.store.readEvents(sessionId, afterSeq);
  }

  /** Seq up to which the session's log was compacted away (0 when it was not). */
  async compactedThrough(sessionId: string): Promise<number> {
    return (await this.deps.store.getSnapshot(sessionId))?.throughSeq ?? 0;
  }

  /**
   * Folds the logs of sessions finished before `cutoff` into their final snapshot and deletes the
   * folded events, so old sessions cost one row. Returns how many sessions were compacted.
   */
  async compactFinishedBefore(cutoff: Date, isActive: (sessionId: string) => boolean, batch = 500): Promise<number> {
    const ids = await this.deps.store.listCompactableSessions(cutoff.toISOString(), batch);
    let done = 0;
    for (const id of ids) {
      if (isActive(id)) continue;
      const state = await this.getState(id);
      if (!state) continue;
      await this.deps.store.compactSession(id, state.last_seq, state);
      this.forget(id);
      done++;
    }
    return done;
  }

  /** Drops a session's cached state and head (both are read again if needed). */
  forget(sessionId: string): void {
    this.uncache(sessionId);
    this.commits.forgetHead(sessionId);
  }

  onPublish(listener: PublishListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
