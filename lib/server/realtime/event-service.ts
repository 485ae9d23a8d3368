import {
  createInitialState,
  nextSessionStatus,
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

/** Delivers a logged event to everyone watching its session, on this node and (clustered) others. */
export type Broadcast = (event: SessionEvent) => void;

/** Called after each publish with the time it took from validation to the broadcast returning. */
export type PublishListener = (event: SessionEvent, elapsedSeconds: number) => void;

type Fields<T extends SessionEventType> = Omit<SessionEventData<T>, "seq" | "session_id" | "timestamp">;

/** Folds kept in memory at most; sessions beyond it are refolded from the log on demand. */
const MAX_CACHED_STATES = 2_000;

/** The Socket.IO room of a session. */
export const roomForSession = (sessionId: string) => `session:${sessionId}`;

/**
 * The single publish path: validate → allocate the next seq and append to the durable log (one
 * transaction) → broadcast. Everything a client sees about a session goes through `publish`.
 */
export class EventService {
  /** Folded state of sessions that are running or watched; rebuilt from the log on demand. */
  private readonly states = new Map<string, GenerationState>();
  private readonly listeners = new Set<PublishListener>();
  /** Publishes of one session run one after another, so this process never reorders them. */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: { store: Store; broadcast: Broadcast; logger: Logger }) {}

  /** Validates, sequences, persists and broadcasts one event; resolves with it (and its seq). */
  publish(sessionId: string, input: SessionEventInput): Promise<SessionEvent> {
    const previous = this.chains.get(sessionId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.publishNow(sessionId, input));
    this.chains.set(sessionId, run);
    void run.finally(() => {
      if (this.chains.get(sessionId) === run) this.chains.delete(sessionId);
    }).catch(() => undefined);
    return run;
  }

  private async publishNow(sessionId: string, input: SessionEventInput): Promise<SessionEvent> {
    const startedAt = performance.now();
    // Validate before touching the log; the placeholder seq is replaced by the allocated one.
    const draft = sessionEventSchema.parse({ type: input.type, data: { ...input.data, seq: 1 } });
    const event = await this.deps.store.appendEvent(sessionId, (seq, status) => {
      const sequenced = { ...draft, data: { ...draft.data, seq } } as SessionEvent;
      return { event: sequenced, status: nextSessionStatus(status, sequenced) };
    });
    this.applyToCache(event);
    this.deps.broadcast(event);
    const elapsed = (performance.now() - startedAt) / 1000;
    for (const listener of this.listeners) listener(event, elapsed);
    this.deps.logger.debug({ sessionId, type: event.type, seq: event.data.seq }, "event published");
    return event;
  }

  /** Keeps a cached fold current with an event published here or by another process. */
  applyToCache(event: SessionEvent): void {
    const sessionId = event.data.session_id;
    const cached = this.states.get(sessionId);
    if (!cached) return;
    if (event.data.seq === cached.last_seq + 1) this.states.set(sessionId, reduceSessionEvent(cached, event));
    else if (event.data.seq > cached.last_seq) this.states.delete(sessionId); // missed one: refold on demand
  }

  /** Current folded state of a session, or null when the session does not exist. */
  async getState(sessionId: string): Promise<GenerationState | null> {
    const cached = this.states.get(sessionId);
    if (cached) return cached;
    const session = await this.deps.store.getSession(sessionId);
    if (!session) return null;
    const snapshot = await this.deps.store.getSnapshot(sessionId);
    const events = await this.deps.store.readEvents(sessionId, snapshot?.throughSeq ?? 0);
    const state = events.reduce(reduceSessionEvent, snapshot?.state ?? createInitialState(session.id, session.projectId));
    // Another publish may have cached a newer fold while we read: keep the newer one.
    const raced = this.states.get(sessionId);
    if (raced && raced.last_seq >= state.last_seq) return raced;
    this.states.set(sessionId, state);
    // Snapshot reads of unwatched sessions (API polling) must not grow memory without bound: drop
    // the oldest folds (Map order); a dropped one is simply refolded from the log when needed.
    for (const oldest of this.states.keys()) {
      if (this.states.size <= MAX_CACHED_STATES) break;
      this.states.delete(oldest);
    }
    return state;
  }

  /** Logged events after `afterSeq`, in order (the replay a reconnecting client needs). */
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

  /** Drops a session's cached state (it is rebuilt from the log if needed again). */
  forget(sessionId: string): void {
    this.states.delete(sessionId);
  }

  onPublish(listener: PublishListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // The seed's helpers, as thin wrappers over `publish`.

  emitGenerationStarted(sessionId: string, data: Fields<"generation:started">) {
    return this.publish(sessionId, { type: "generation:started", data: this.stamp(sessionId, data) });
  }
  emitGenerationStep(sessionId: string, data: Fields<"generation:step">) {
    return this.publish(sessionId, { type: "generation:step", data: this.stamp(sessionId, data) });
  }
  emitGenerationCompleted(sessionId: string, data: Fields<"generation:completed">) {
    return this.publish(sessionId, { type: "generation:completed", data: this.stamp(sessionId, data) });
  }
  emitError(sessionId: string, data: Fields<"generation:error">) {
    return this.publish(sessionId, { type: "generation:error", data: this.stamp(sessionId, data) });
  }
  emitPreviewUpdated(sessionId: string, data: Fields<"preview:updated">) {
    return this.publish(sessionId, { type: "preview:updated", data: this.stamp(sessionId, data) });
  }
  emitPreviewDelta(sessionId: string, data: Fields<"preview:delta">) {
    return this.publish(sessionId, { type: "preview:delta", data: this.stamp(sessionId, data) });
  }
  emitPreviewError(sessionId: string, data: Fields<"preview:error">) {
    return this.publish(sessionId, { type: "preview:error", data: this.stamp(sessionId, data) });
  }

  private stamp<T extends object>(sessionId: string, data: T) {
    return { ...data, session_id: sessionId, timestamp: new Date().toISOString() };
  }
}
