import type { Server as HttpServer } from "node:http";
import { Server, type ServerOptions, type Socket } from "socket.io";
import {
  SOCKET_PATH,
  parseHandshake,
  type ClientToServerEvents,
  type ConnectErrorData,
  type RequestError,
  type RequestErrorCode,
  type Role,
  type ServerToClientEvents,
  type Stats,
} from "@/lib/protocol";
import type { Env } from "../env";
import type { Logger } from "../logger";
import type { Metrics } from "../observability/metrics";
import { resolveClientIp } from "../security/client-ip";
import { authorizeSession } from "../security/authorize-session";
import { createClientLogHandler } from "../security/client-log";
import { guardConnections } from "../security/connection-guard";
import { isOriginAllowed } from "../security/origin";
import type { RateLimits } from "../security/rate-limits";
import type { Store } from "../storage/store";
import type { EventService } from "./event-service";
import { roomForProject, roomForProjectShare, roomForProjectSockets } from "./project-notices";
import type { LiveWire, SessionDelivery } from "./session-delivery";

interface SocketData {
  sessionId: string;
  role: Role;
  lastEventId: number;
  ip: string;
  /** The live form it asked for (handshake `deltas` / `compact`). */
  wire: LiveWire;
  /** Set when the token may see the whole project: the socket then gets its `project:turn` notices. */
  projectId: string | null;
  /** The token it logged in with, checked again once its rooms are joined (see `joinAccessRooms`). */
  token: string;
  /** Rooms a revocation of this socket's access reaches (project-notices.ts). */
  accessRooms: string[];
}
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Creates the Socket.IO server on the app's HTTP server (same port, path /socket.io). A worker
 * process passes no HTTP server: it only uses the adapter to talk to the other processes.
 */
export function createIoServer(httpServer: HttpServer | undefined, options: { adapter?: ServerOptions["adapter"] } = {}): IoServer {
  const settings: Partial<ServerOptions> = {
    path: SOCKET_PATH,
    // Client → server messages are small; previews only flow server → client.
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    // Measured in docs/BENCH.md: deflate cut 8 KB previews to 20–43 % but cost 110–236 KB of
    // memory per socket and 1.4–5× the CPU; previews already travel as small deltas.
    perMessageDeflate: false,
    ...(options.adapter ? { adapter: options.adapter } : {}),
  };
  return httpServer ? new Server(httpServer, settings) : new Server(settings);
}

function refuse(code: RequestErrorCode, message: string): Error {
  const error = new Error(code) as Error & { data: ConnectErrorData };
  error.data = { code, message };
  return error;
}

/** What the socket handlers use, and nothing more. */
export interface SocketDeps {
  env: Pick<Env, "ALLOWED_ORIGINS" | "TRUST_PROXY" | "RATE_LIMIT_MESSAGES_PER_SECOND" | "HEARTBEAT_INTERVAL_MS" | "REPLAY_CHECKPOINT_AFTER" | "MAX_CONNECTIONS" | "RATE_LIMIT_SOCKETS_PER_IP" | "SOCKET_AUTH_TIMEOUT_MS" | "RATE_LIMIT_LOG_EVENTS_PER_MINUTE">;
  logger: Logger;
  metrics: Pick<Metrics, "errors" | "rateLimited">;
  rateLimits: Pick<RateLimits, "consumeMessage">;
  store: Pick<Store, "getSession" | "getSessionSecrets">;
  events: Pick<EventService, "compactedThrough" | "forget" | "getState">;
  delivery: Pick<SessionDelivery, "attach" | "hasWatchers">;
  /** The jobs running in this process (a session with a job keeps its cached state). */
  jobs: { has(sessionId: string): boolean };
  stats: () => Promise<Stats>;
}

/** Authenticates sockets, replays missed events, answers client messages and sends heartbeats. */
export function registerSocketHandlers(io: IoServer, services: SocketDeps, { getPort }: { getPort: () => number }): { stop: () => void } {
  const { env, metrics, rateLimits } = services;
  const guard = guardConnections(io, env, (reason) => metrics.rateLimited.inc({ limit: reason }));
  const logEvent = createClientLogHandler({ logger: services.logger, perMinute: env.RATE_LIMIT_LOG_EVENTS_PER_MINUTE, onRejected: () => metrics.rateLimited.inc({ limit: "log_events" }) });
  io.use((socket, next) => {
    if (guard && !guard.claimSocket(socket.conn)) {
      metrics.rateLimited.inc({ limit: "sockets_per_connection" });
      // Refused without releasing: the slot belongs to the connection's first socket.
      return next(refuse("CONFLICT", "One socket per connection: this connection already has one"));
    }
    // Any refusal below frees the slot, so the client may try again on the same connection.
    const fail = (error: Error) => {
      guard?.releaseSocket(socket.conn);
      next(error);
    };
    void admitSocket(socket, services, getPort).then((error) => (error ? fail(error) : next()));
  });

  io.on("connection", (socket) => {
    guard?.markAuthenticated(socket.conn);
    socket.use((packet, next) => {
      const refuse = (error: RequestError) => {
        const ack = packet[packet.length - 1];
        if (typeof ack === "function") (ack as (p: unknown) => void)({ error });
        else socket.emit("request_error", error);
      };
      rateLimits.consumeMessage(socket.id).then(
        (result) => {
          if (result.ok) return next();
          refuse({ code: "RATE_LIMITED", message: `Slow down: at most ${env.RATE_LIMIT_MESSAGES_PER_SECOND} messages per second`, details: { retryAfterSeconds: result.retryAfterSeconds } });
        },
        (error: unknown) => {
          services.logger.error({ err: error, socketId: socket.id }, "message rate limit check failed");
          refuse({ code: "UNAVAILABLE", message: "The server cannot take this message right now; retry shortly" });
        },
      );
    });
    void joinAndReplay(socket, services);
    socket.on("get_stats", async (...args) => {
      try {
        const stats = await services.stats();
        socket.emit("stats", stats);
        ackIfWanted(args, stats);
      } catch (error) {
        services.logger.error({ err: error, socketId: socket.id }, "get_stats failed");
        const failure = { code: "UNAVAILABLE", message: "Statistics are unavailable right now; retry shortly" } as const;
        if (typeof args[args.length - 1] === "function") ackIfWanted(args, { error: failure });
        else socket.emit("request_error", failure);
      }
    });
    socket.on("log_event", (...args) => void logEvent(socket, args));
    socket.on("disconnect", () => {
      guard?.releaseSocket(socket.conn);
      const { sessionId } = socket.data;
      // Disconnect never deletes a session: a reload must find it. Only the cached fold is dropped.
      if (!services.delivery.hasWatchers(sessionId) && !services.jobs.has(sessionId)) services.events.forget(sessionId);
    });
  });

  const heartbeat = setInterval(() => {
    io.emit("heartbeat", { timestamp: new Date().toISOString() });
  }, services.env.HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  return { stop: () => clearInterval(heartbeat) };
}

/** Checks the origin and the session's token; fills `socket.data`, or returns the refusal. */
async function admitSocket(socket: IoSocket, services: SocketDeps, getPort: () => number): Promise<Error | null> {
  const { env, metrics } = services;
  const { headers } = socket.handshake;
  if (!isOriginAllowed({ origin: headers.origin, host: headers.host, allowed: env.ALLOWED_ORIGINS, port: getPort() })) {
    metrics.errors.inc({ code: "ORIGIN_NOT_ALLOWED" });
    return refuse("ORIGIN_NOT_ALLOWED", "This origin may not connect; see ALLOWED_ORIGINS");
  }
  const handshake = parseHandshake(socket.handshake.auth, socket.handshake.query);
  if (!handshake.success) return refuse("VALIDATION_ERROR", "Connect with auth: { sessionId, token, lastEventId? }");
  const { sessionId, token, lastEventId, deltas, compact } = handshake.data;
  try {
    const access = await authorizeSession(services.store, sessionId, token);
    if (!access.ok) return refuse(access.code, access.code === "NOT_FOUND" ? "No such generation session" : "This token does not grant access to this session");
    const ip = resolveClientIp(socket.handshake.headers, socket.conn.remoteAddress, env.TRUST_PROXY);
    const projectId = access.scope === "project" ? access.session.projectId : null;
    const wire: LiveWire = compact ? "compact" : deltas ? "delta" : "whole";
    const accessRooms = [roomForProjectSockets(access.session.projectId)];
    if (projectId) accessRooms.push(roomForProject(projectId));
    if (access.role === "viewer" && projectId) accessRooms.push(roomForProjectShare(projectId));
    socket.data = { sessionId, role: access.role, lastEventId: lastEventId ?? 0, ip, wire, projectId, token, accessRooms };
    return null;
  } catch (error) {
    services.logger.error({ err: error, sessionId }, "socket handshake failed");
    return refuse("UNAVAILABLE", "The server cannot check this session right now; retry shortly");
  }
}

/**
 * `connected`, then every logged event after `lastEventId`, then live events: the session's
 * delivery keeps a per-socket cursor, so each seq reaches the socket exactly once and in order
 * however the replay and live publishing interleave (see SessionDelivery).
 */
async function joinAndReplay(socket: IoSocket, services: SocketDeps): Promise<void> {
  const { sessionId, role, lastEventId } = socket.data;
  try {
    if (!(await joinAccessRooms(socket, services))) return;
    const [session, compactedThrough] = await Promise.all([
      services.store.getSession(sessionId),
      services.events.compactedThrough(sessionId),
    ]);
    const lastSeq = session?.lastSeq ?? 0;
    const checkpoint = await checkpointFor(socket, services, lastEventId, lastSeq);
    socket.emit("connected", {
      session_id: sessionId, timestamp: new Date().toISOString(), last_seq: Math.max(lastSeq, checkpoint), role,
      compacted_through: Math.max(compactedThrough, checkpoint),
    });
    await services.delivery.attach(socket, sessionId, Math.max(lastEventId, checkpoint), socket.data.wire);
  } catch (error) {
    services.logger.error({ err: error, sessionId }, "replay failed");
    socket.conn.close(); // the client reconnects with its lastEventId
  }
}

/**
 * Joins the rooms a revocation reaches, then checks the token once more: a share token replaced
 * or a project deleted between the handshake's check and the join would otherwise miss the
 * revocation's room-wide disconnect. Returns false (and drops the socket) when access is gone.
 */
async function joinAccessRooms(socket: IoSocket, services: SocketDeps): Promise<boolean> {
  await socket.join(socket.data.accessRooms);
  const access = await authorizeSession(services.store, socket.data.sessionId, socket.data.token);
  if (access.ok && access.role === socket.data.role) return true;
  socket.disconnect(true);
  return false;
}

/**
 * A socket that opted in (`checkpoint: true`) and is far behind starts from the folded state
 * instead of the whole log: returns the seq the fold is at (the client loads that state from the
 * snapshot API, as after a compaction), or 0 for a plain replay.
 */
async function checkpointFor(socket: IoSocket, services: SocketDeps, lastEventId: number, lastSeq: number): Promise<number> {
  const limit = services.env.REPLAY_CHECKPOINT_AFTER;
  if (limit === 0 || lastSeq - lastEventId <= limit) return 0;
  if (!parseHandshake(socket.handshake.auth, socket.handshake.query).data?.checkpoint) return 0;
  const state = await services.events.getState(socket.data.sessionId);
  return state && state.last_seq > lastEventId ? state.last_seq : 0;
}

function ackIfWanted(args: unknown[], payload: unknown): void {
  const ack = args[args.length - 1];
  if (typeof ack === "function") (ack as (p: unknown) => void)(payload);
}
