import { io, type Socket } from "socket.io-client";
import {
  SOCKET_PATH,
  connectErrorDataSchema,
  connectedSchema,
  expandPreviewPatch,
  heartbeatSchema,
  parseSessionEvent,
  projectTurnNoticeSchema,
  sessionEventTypes,
  type ProjectTurnNotice,
  type SessionEvent,
} from "@/lib/protocol";
import type { ConnectionState, GenerationStoreApi } from "@/stores/generation-store";
import { fetchSnapshot } from "./generation-api";
import { probeServerWhileDown, watchHeartbeat } from "./link-watch";

/** Attempts before the status turns Offline and waits for the user (or the network coming back). */
export const MAX_RECONNECT_ATTEMPTS = 15;
const MAX_DELAY_MS = 5_000;
const RESYNC_RETRY_MS = 2_000;
const RESYNC_MAX_TRIES = 5;

/** Delay before reconnection attempt `attempt` (1-based): the manager's backoff without jitter. */
export function reconnectDelay(attempt: number, baseMs: number, maxMs = MAX_DELAY_MS): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);
}

export interface SessionSocketOptions {
  sessionId: string;
  token: string;
  store: GenerationStoreApi;
  heartbeatIntervalMs: number;
  /** Called for each event that changed the state (never for duplicates or events held back by a gap). */
  onEvent?: (event: SessionEvent) => void;
  /** A `project:turn` notice (sent only to sockets whose token may see the whole project). */
  onProjectTurn?: (notice: ProjectTurnNotice) => void;
  url?: string;
}

export interface SessionSocket {
  // Untyped on purpose: payloads arrive as `unknown` and are parsed, never trusted as typed.
  socket: Socket;
  /** Drops the current transport and connects again at once (the Offline "Reconnect" button). */
  reconnectNow: () => void;
  close: () => void;
}

/**
 * Opens the session's socket and feeds the store. Every listener is registered here and removed
 * in `close` with the same handler. Reconnects resume after the store's last applied seq.
 */
export function connectSessionSocket(options: SessionSocketOptions): SessionSocket {
  const { sessionId, token, store, heartbeatIntervalMs, onEvent } = options;
  // Jitter is chosen once per client instead of per attempt, so the countdown shown is exact
  // while clients reconnecting after a server restart still spread out.
  const baseDelay = 800 + Math.floor(Math.random() * 400);
  const socketOptions = {
    path: SOCKET_PATH,
    // A function, so *every* (re)connect — backoff, watchdog restart, manual — sends the current seq.
    auth: (cb: (data: object) => void) => cb({ sessionId, token, lastEventId: store.getState().generation.last_seq, deltas: true, compact: true }),
    reconnection: true,
    reconnectionAttempts: MAX_RECONNECT_ATTEMPTS,
    reconnectionDelay: baseDelay,
    reconnectionDelayMax: MAX_DELAY_MS,
    randomizationFactor: 0,
    autoConnect: false,
  };
  const socket: Socket = options.url ? io(options.url, socketOptions) : io(socketOptions);
  const setConnection = (patch: Partial<ConnectionState>) => store.getState().setConnection(patch);
  const scheduleRetry = (attempt: number) => setConnection({ status: "reconnecting", attempt, nextRetryAt: Date.now() + reconnectDelay(attempt, baseDelay) });
  let managerAttempt = 0;
  let gaveUp = false;
  let restarting = false;
  let closed = false;

  const receive = (type: string, event: SessionEvent | null) => {
    if (!event) {
      socket.emit("log_event", { event_type: "client:invalid_event", data: { type } });
      return;
    }
    if (store.getState().receiveEvent(event)) onEvent?.(event);
  };
  // Live deltas come compact (`preview:patch`, asked for in the handshake): expanded to the full
  // `preview:delta` and validated by the same schema before the reducer sees them.
  const sessionHandlers = [
    ...sessionEventTypes.map((type) => [type, (data: unknown) => receive(type, parseSessionEvent(type, data))] as const),
    ["preview:patch", (data: unknown) => receive("preview:patch", expandPreviewPatch(sessionId, data))] as const,
  ];

  const onProjectNotice = (data: unknown) => {
    const parsed = projectTurnNoticeSchema.safeParse(data);
    if (parsed.success) options.onProjectTurn?.(parsed.data);
  };

  const markAlive = () => setConnection({ lastHeartbeatAt: Date.now() });
  const onConnected = (data: unknown) => {
    const parsed = connectedSchema.safeParse(data);
    if (!parsed.success) return;
    store.getState().setRole(parsed.data.role);
    store.getState().noteServerTime(parsed.data.timestamp);
    markAlive();
    // Events up to `compacted_through` are gone from the log: the replay that follows cannot
    // bring us up to date, only the snapshot can.
    const compactedThrough = parsed.data.compacted_through ?? 0;
    if (compactedThrough <= store.getState().generation.last_seq) return;
    // Flagging starts a load (syncSnapshots watches the flag); an earlier flag may have used up
    // its retries, so then start over explicitly.
    if (store.getState().needsResync) resync.now();
    else store.getState().noteCompaction(compactedThrough);
  };
  const onHeartbeat = (data: unknown) => {
    const parsed = heartbeatSchema.safeParse(data);
    if (!parsed.success) return;
    store.getState().noteServerTime(parsed.data.timestamp);
    markAlive();
  };
  const onConnect = () => {
    managerAttempt = 0;
    gaveUp = false;
    setConnection({ status: "live", attempt: 0, nextRetryAt: null, error: null, lastHeartbeatAt: Date.now() });
  };
  const onDisconnect = (reason: string) => {
    if (restarting || closed) return;
    if (reason === "io server disconnect") {
      setConnection({ status: "offline", nextRetryAt: null, error: { code: "DISCONNECTED", message: "The server closed the connection." } });
      return;
    }
    managerAttempt = 0;
    scheduleRetry(1);
  };
  const onConnectError = (err: Error & { data?: unknown }) => {
    if (!socket.active) {
      // Refused by the server's auth middleware (bad or expired token, unknown session): retrying cannot help.
      const data = connectErrorDataSchema.safeParse(err.data);
      setConnection({ status: "refused", nextRetryAt: null, error: data.success ? data.data : { code: err.message, message: "The server refused the connection." } });
      return;
    }
    setConnection({ error: { code: "TRANSPORT", message: err.message } });
    // A failed first open (no reconnect loop yet): the manager schedules attempt 1 itself.
    if (managerAttempt === 0 && !gaveUp) scheduleRetry(1);
  };
  const onReconnectAttempt = (attempt: number) => {
    managerAttempt = attempt;
    setConnection({ status: "reconnecting", attempt, nextRetryAt: null });
  };
  const onReconnectError = () => {
    if (!gaveUp) scheduleRetry(managerAttempt + 1);
  };
  const onReconnectFailed = () => {
    gaveUp = true;
    setConnection({ status: "offline", nextRetryAt: null });
  };

  /** Starts over with a fresh transport; the auth callback resumes from the last applied seq. */
  const restart = (error: ConnectionState["error"]) => {
    restarting = true;
    socket.disconnect();
    restarting = false;
    managerAttempt = 0;
    gaveUp = false;
    setConnection({ status: "reconnecting", attempt: 1, nextRetryAt: null, error });
    socket.connect();
  };

  const stopWatchdog = watchHeartbeat(store, heartbeatIntervalMs, () =>
    restart({ code: "STALE", message: "No heartbeat from the server; reconnecting." }),
  );

  const onOnline = () => {
    const { status } = store.getState().connection;
    if (status === "reconnecting" || status === "offline") restart(null);
  };
  // The backoff may be seconds away when the server comes back: reconnect the moment it answers.
  const stopProbe = probeServerWhileDown(store, options.url ?? "", () => restart(null));

  const resync = syncSnapshots(store, sessionId, token);

  /** Adds (`on`) or removes (`off`) every socket and manager listener, each time with the same handlers. */
  const listen = (method: "on" | "off") => {
    for (const [type, handler] of sessionHandlers) socket[method](type, handler);
    socket[method]("connected", onConnected);
    socket[method]("heartbeat", onHeartbeat);
    socket[method]("project:turn", onProjectNotice);
    socket[method]("connect", onConnect);
    socket[method]("disconnect", onDisconnect);
    socket[method]("connect_error", onConnectError);
    socket.io[method]("reconnect_attempt", onReconnectAttempt);
    socket.io[method]("reconnect_error", onReconnectError);
    socket.io[method]("reconnect_failed", onReconnectFailed);
  };
  listen("on");
  window.addEventListener("online", onOnline);

  setConnection({ status: "connecting", attempt: 0, nextRetryAt: null, error: null });
  socket.connect();

  return {
    socket,
    reconnectNow: () => restart(null),
    close: () => {
      closed = true;
      stopWatchdog();
      stopProbe();
      resync.stop();
      window.removeEventListener("online", onOnline);
      listen("off");
      socket.disconnect();
      setConnection({ status: "idle", nextRetryAt: null });
    },
  };
}

/**
 * Loads the snapshot once (prompt and role are only in it), and again whenever the store flags a
 * gap or `now()` is called, retrying a failed load a few times while the gap is still there.
 */
function syncSnapshots(store: GenerationStoreApi, sessionId: string, token: string): { now: () => void; stop: () => void } {
  let stopped = false;
  let tries = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = async () => {
    try {
      const snapshot = await fetchSnapshot({ sessionId, token });
      if (!stopped) store.getState().receiveSnapshot(snapshot, { role: snapshot.role, prompt: snapshot.prompt });
    } catch {
      // Access problems are reported by the socket; a failed resync is retried below while needed.
    }
    if (!stopped && store.getState().needsResync && tries++ < RESYNC_MAX_TRIES) {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), RESYNC_RETRY_MS);
    }
  };
  /** Loads at once and starts a fresh round of tries (an older answer arriving later is ignored by the store). */
  const now = () => {
    if (stopped) return;
    clearTimeout(timer);
    tries = 0;
    void load();
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.needsResync && !previous.needsResync) now();
  });
  void load();
  return {
    now,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
