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

/** Delivers a logged event to everyone watching the session (a Socket.IO room emit in production). */
export type Broadcast = (sessionId: string, event: SessionEvent) => void;

/** Called after each publish with the time it took from validation to the room emit returning. */
export type PublishListener = (event: SessionEvent, elapsedSeconds: number) => void;

type Fields<T extends SessionEventType> = Omit<SessionEventData<T>, "seq" | "session_id" | "timestamp">;

/** The Socket.IO room of a session. */
export const roomForSession = (sessionId: string) => `session:${sessionId}`;

/**
 * The single publish path: validate → assign the next seq → append to the durable log → emit to
 * the session's room. Everything a client sees about a session goes through `publish`.
 */
export class EventService {
  /** Folded state of sessions that are running or watched; rebuilt from the log on demand. */
  private readonly states = new Map<string, GenerationState>();
  private readonly listeners = new Set<PublishListener>();

  constructor(
    private readonly deps: { store: Store; broadcast: Broadcast; logger: Logger },
  ) {}

  /** Validates, sequences, persists and emits one event; returns it with its seq. */
  publish(sessionId: string, input: SessionEventInput): SessionEvent {
    const startedAt = performance.now();
    const state = this.getState(sessionId);
    if (!state) throw new Error(`publish to unknown session ${sessionId}`);
    const event = sessionEventSchema.parse({
      type: input.type,
      data: { ...input.data, seq: state.last_seq + 1 },
    });
    const next = reduceSessionEvent(state, event);
    this.deps.store.appendEvent(event, next.status);
    this.states.set(sessionId, next);
    this.deps.broadcast(sessionId, event);
    const elapsed = (performance.now() - startedAt) / 1000;
    for (const listener of this.listeners) listener(event, elapsed);
    this.deps.logger.debug({ sessionId, type: event.type, seq: event.data.seq }, "event published");
    return event;
  }

  /** Current folded state of a session, or null when the session does not exist. */
  getState(sessionId: string): GenerationState | null {
    const cached = this.states.get(sessionId);
    if (cached) return cached;
    const session = this.deps.store.getSession(sessionId);
    if (!session) return null;
    const snapshot = this.deps.store.getSnapshot(sessionId);
    const events = this.deps.store.readEvents(sessionId, snapshot?.throughSeq ?? 0);
    const state = events.reduce(reduceSessionEvent, snapshot?.state ?? createInitialState(session.id, session.projectId));
    this.states.set(sessionId, state);
    return state;
  }

  /** Logged events after `afterSeq`, in order (the replay a reconnecting client needs). */
  readSince(sessionId: string, afterSeq: number): SessionEvent[] {
    return this.deps.store.readEvents(sessionId, afterSeq);
  }

  /** Seq up to which the session's log was compacted away (0 when it was not). */
  compactedThrough(sessionId: string): number {
    return this.deps.store.getSnapshot(sessionId)?.throughSeq ?? 0;
  }

  /**
   * Folds the logs of sessions finished before `cutoff` into their final snapshot and deletes the
   * folded events, so old sessions cost one row. Returns how many sessions were compacted.
   */
  compactFinishedBefore(cutoff: Date, isActive: (sessionId: string) => boolean, batch = 500): number {
    const ids = this.deps.store.listCompactableSessions(cutoff.toISOString(), batch);
    let done = 0;
    for (const id of ids) {
      if (isActive(id)) continue;
      const state = this.getState(id);
      if (!state) continue;
      this.deps.store.compactSession(id, state.last_seq, state);
      this.forget(id);
      done++;
    }
    return done;
  }

  /** Drops a session's cached state (it is rebuilt from the log if needed again). */
  forget(sessionId: string): void {
    this.states.delete(sessionId);
  }

  cachedSessionCount(): number {
    return this.states.size;
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
  emitPreviewError(sessionId: string, data: Fields<"preview:error">) {
    return this.publish(sessionId, { type: "preview:error", data: this.stamp(sessionId, data) });
  }

  private stamp<T extends object>(sessionId: string, data: T) {
    return { ...data, session_id: sessionId, timestamp: new Date().toISOString() };
  }
}
