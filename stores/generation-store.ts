import { createStore } from "zustand/vanilla";
import { generationStateSchema, reduceSessionEvent, type GenerationState, type Role, type SessionEvent } from "@/lib/protocol";

/*
 * The workspace's client state. What an event *means* is decided by the protocol's shared
 * `reduceSessionEvent` (the server folds its log with the very same function); this store only
 * adds delivery concerns: duplicates, gaps, resync and the connection's health.
 */

export type ConnectionStatus = "idle" | "connecting" | "live" | "reconnecting" | "offline" | "refused";

export interface ConnectionState {
  status: ConnectionStatus;
  /** Reconnection attempt in progress or scheduled next (1-based); 0 while live. */
  attempt: number;
  /** When the next reconnection attempt starts (client epoch ms); null while one is running. */
  nextRetryAt: number | null;
  /** Why the server refused the socket, or the last transport error. */
  error: { code: string; message: string } | null;
  /** Client time of the last heartbeat or connect, for the stale-connection watchdog. */
  lastHeartbeatAt: number | null;
  /** Client time the live link was lost (null while live or before it ever was): clocks pause there. */
  lostAt: number | null;
}

export interface GenerationStoreState {
  generation: GenerationState;
  /** Who we are for this session; confirmed by the server on connect and in the snapshot. */
  role: Role | null;
  /** Only known after an authorised snapshot fetch (the server render leaves it out). */
  prompt: string | null;
  /** A gap in `seq` was seen: the state must be re-synced from the snapshot API. */
  needsResync: boolean;
  /** Events received after a gap, kept to be applied once the gap is filled. */
  pending: SessionEvent[];
  connection: ConnectionState;
  /** Client clock minus server clock (ms), so countdowns use the server's notion of "now". */
  clockOffsetMs: number;
}

export interface GenerationStoreActions {
  /** Applies one validated event; returns true when it changed the generation. */
  receiveEvent: (event: SessionEvent) => boolean;
  receiveSnapshot: (snapshot: GenerationState, extra?: { role?: Role; prompt?: string }) => void;
  setConnection: (patch: Partial<ConnectionState>) => void;
  setRole: (role: Role) => void;
  /** The server compacted the log through this seq: events up to it will never be replayed. */
  noteCompaction: (compactedThrough: number) => void;
  /** Records a server timestamp seen now (heartbeat, connect) to estimate clock skew. */
  noteServerTime: (timestamp: string, receivedAt?: number) => void;
}

export type GenerationStore = GenerationStoreState & GenerationStoreActions;

/** Past this many buffered out-of-order events, keep only the newest (the snapshot covers the rest). */
const MAX_PENDING = 500;

const idleConnection: ConnectionState = { status: "idle", attempt: 0, nextRetryAt: null, error: null, lastHeartbeatAt: null, lostAt: null };

/** Merges a connection change, noting when a live link is lost and forgetting it once live again. */
export function applyConnection(connection: ConnectionState, patch: Partial<ConnectionState>, now = Date.now()): ConnectionState {
  const next = { ...connection, ...patch };
  if (next.status === "live") return { ...next, lostAt: null };
  if (connection.status === "live" && (next.status === "reconnecting" || next.status === "offline")) return { ...next, lostAt: now };
  return next;
}

/** The store's state before any socket traffic, seeded from a server-rendered snapshot. */
export function createInitialStoreState(generation: GenerationState, role: Role | null = null): GenerationStoreState {
  return { generation, role, prompt: null, needsResync: false, pending: [], connection: idleConnection, clockOffsetMs: 0 };
}

/** Applies buffered events that have become contiguous; drops ones already covered. */
function drainPending(state: GenerationStoreState): GenerationStoreState {
  let generation = state.generation;
  const pending = [...state.pending].sort((a, b) => a.data.seq - b.data.seq);
  const rest: SessionEvent[] = [];
  for (const event of pending) {
    if (event.data.seq <= generation.last_seq) continue;
    if (event.data.seq === generation.last_seq + 1) generation = reduceSessionEvent(generation, event);
    else rest.push(event);
  }
  return { ...state, generation, pending: rest, needsResync: rest.length > 0 };
}

/**
 * Pure: duplicates (seq ≤ last applied) are ignored; a gap (seq > last + 1) is not applied but
 * flags `needsResync` and is buffered; the next contiguous event is folded by the protocol reducer.
 */
export function applyEvent(state: GenerationStoreState, event: SessionEvent): GenerationStoreState {
  const { generation } = state;
  if (event.data.session_id !== generation.session_id) return state;
  const seq = event.data.seq;
  if (seq <= generation.last_seq) return state;
  if (seq > generation.last_seq + 1) {
    if (state.pending.some((e) => e.data.seq === seq)) return { ...state, needsResync: true };
    return { ...state, needsResync: true, pending: [...state.pending, event].slice(-MAX_PENDING) };
  }
  return drainPending({ ...state, generation: reduceSessionEvent(generation, event) });
}

/** Pure: adopts a snapshot unless it is older than what we already applied, then drains the buffer. */
export function applySnapshot(state: GenerationStoreState, snapshot: GenerationState): GenerationStoreState {
  if (snapshot.session_id !== state.generation.session_id) return state;
  const generation = snapshot.last_seq >= state.generation.last_seq ? snapshot : state.generation;
  return drainPending({ ...state, generation });
}

/**
 * Pure: a log compacted past our last applied seq replays nothing for the missing part, so no gap
 * would ever show; flag a resync so the snapshot API fills it instead of waiting forever.
 */
export function applyCompaction(state: GenerationStoreState, compactedThrough: number): GenerationStoreState {
  if (compactedThrough <= state.generation.last_seq || state.needsResync) return state;
  return { ...state, needsResync: true };
}

/**
 * Keeps only the protocol's state fields, so a richer snapshot body never leaks into the fold
 * (zod objects drop unknown keys; the field list lives in the schema alone).
 */
function toGenerationState(s: GenerationState): GenerationState {
  return generationStateSchema.parse(s);
}

/** Vanilla store factory: one per workspace (and one per test), never a module-level global. */
export function createGenerationStore(initial: GenerationStoreState) {
  return createStore<GenerationStore>()((set, get) => ({
    ...initial,
    receiveEvent: (event) => {
      const before = get();
      const after = applyEvent(before, event);
      if (after !== before) set(after);
      return after.generation !== before.generation;
    },
    receiveSnapshot: (snapshot, extra = {}) =>
      set((s) => ({
        ...applySnapshot(s, toGenerationState(snapshot)),
        ...(extra.role ? { role: extra.role } : {}),
        ...(extra.prompt !== undefined ? { prompt: extra.prompt } : {}),
      })),
    setConnection: (patch) => set((s) => ({ connection: applyConnection(s.connection, patch) })),
    setRole: (role) => set({ role }),
    noteCompaction: (compactedThrough) => {
      const before = get();
      const after = applyCompaction(before, compactedThrough);
      if (after !== before) set(after);
    },
    noteServerTime: (timestamp, receivedAt = Date.now()) => {
      const serverMs = Date.parse(timestamp);
      if (Number.isFinite(serverMs)) set({ clockOffsetMs: receivedAt - serverMs });
    },
  }));
}

export type GenerationStoreApi = ReturnType<typeof createGenerationStore>;
