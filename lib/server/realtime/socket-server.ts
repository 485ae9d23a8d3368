import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import {
  LOG_EVENT_MAX_BYTES,
  SOCKET_PATH,
  logEventSchema,
  parseHandshake,
  type ClientToServerEvents,
  type ConnectErrorData,
  type RequestErrorCode,
  type Role,
  type ServerToClientEvents,
} from "@/lib/protocol";
import { resolveClientIp } from "../security/client-ip";
import { isOriginAllowed } from "../security/origin";
import type { Services } from "../services-registry";
import { roomForSession, type Broadcast } from "./event-service";

interface SocketData {
  sessionId: string;
  role: Role;
  lastEventId: number;
  ip: string;
}
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Creates the Socket.IO server on the app's HTTP server (same port, path /socket.io). */
export function createIoServer(httpServer: HttpServer): IoServer {
  return new Server(httpServer, {
    path: SOCKET_PATH,
    // Client → server messages are small; previews only flow server → client.
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
  });
}

/** The broadcast the EventService uses: one room per session. */
export function createRoomBroadcast(io: IoServer): Broadcast {
  return (sessionId, event) => {
    io.to(roomForSession(sessionId)).emit(event.type, event.data as never);
  };
}

function refuse(code: RequestErrorCode, message: string): Error {
  const error = new Error(code) as Error & { data: ConnectErrorData };
  error.data = { code, message };
  return error;
}

/** Authenticates sockets, replays missed events, answers client messages and sends heartbeats. */
export function registerSocketHandlers(io: IoServer, services: Services, { getPort }: { getPort: () => number }): { stop: () => void } {
  const { env, metrics, rateLimits } = services;
  io.use((socket, next) => {
    const { headers } = socket.handshake;
    if (!isOriginAllowed({ origin: headers.origin, host: headers.host, allowed: env.ALLOWED_ORIGINS, port: getPort() })) {
      metrics.errors.inc({ code: "ORIGIN_NOT_ALLOWED" });
      return next(refuse("ORIGIN_NOT_ALLOWED", "This origin may not connect; see ALLOWED_ORIGINS"));
    }
    next();
  });
  io.use((socket, next) => {
    const handshake = parseHandshake(socket.handshake.auth, socket.handshake.query);
    if (!handshake.success) {
      return next(refuse("VALIDATION_ERROR", "Connect with auth: { sessionId, token, lastEventId? }"));
    }
    const { sessionId, token, lastEventId } = handshake.data;
    if (!services.store.getSession(sessionId)) return next(refuse("NOT_FOUND", "No such generation session"));
    const role = services.generations.authorize(sessionId, token);
    if (!role) return next(refuse("UNAUTHORIZED", "This token does not grant access to this session"));
    const ip = resolveClientIp(socket.handshake.headers, socket.conn.remoteAddress, env.TRUST_PROXY);
    if (!rateLimits.acquireSocket(ip)) return next(refuse("RATE_LIMITED", "Too many open connections from your address"));
    socket.data = { sessionId, role, lastEventId: lastEventId ?? 0, ip };
    next();
  });

  io.on("connection", (socket) => {
    socket.use((packet, next) => {
      void rateLimits.consumeMessage(socket.id).then((result) => {
        if (result.ok) return next();
        const error = { code: "RATE_LIMITED", message: `Slow down: at most ${env.RATE_LIMIT_MESSAGES_PER_SECOND} messages per second`, details: { retryAfterSeconds: result.retryAfterSeconds } };
        const ack = packet[packet.length - 1];
        if (typeof ack === "function") (ack as (p: unknown) => void)({ error });
        else socket.emit("request_error", error);
      });
    });
    joinAndReplay(socket, services);
    socket.on("get_stats", (...args) => {
      const stats = services.stats();
      socket.emit("stats", stats);
      ackIfWanted(args, stats);
    });
    socket.on("log_event", (...args) => handleLogEvent(socket, services, args));
    socket.on("disconnect", () => {
      const { sessionId, ip } = socket.data;
      rateLimits.releaseSocket(ip);
      const room = io.sockets.adapter.rooms.get(roomForSession(sessionId));
      // Disconnect never deletes a session: a reload must find it. Only the cached fold is dropped.
      if (!room?.size && !services.generations.isActive(sessionId)) services.events.forget(sessionId);
    });
  });

  const heartbeat = setInterval(() => {
    io.emit("heartbeat", { timestamp: new Date().toISOString() });
  }, services.env.HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  return { stop: () => clearInterval(heartbeat) };
}

/**
 * `connected`, then every logged event after `lastEventId`, then the room. All of it runs in one
 * synchronous block (the log read is synchronous), so no event can be published in between: the
 * client gets each seq exactly once, in order, with no gap between the replay and live events.
 */
function joinAndReplay(socket: IoSocket, services: Services): void {
  const { sessionId, role, lastEventId } = socket.data;
  const missed = services.events.readSince(sessionId, lastEventId);
  const lastSeq = services.events.getState(sessionId)?.last_seq ?? 0;
  const compactedThrough = services.events.compactedThrough(sessionId);
  socket.emit("connected", {
    session_id: sessionId, timestamp: new Date().toISOString(), last_seq: lastSeq, role, compacted_through: compactedThrough,
  });
  for (const event of missed) socket.emit(event.type, event.data as never);
  services.metrics.replayedEvents.inc(missed.length);
  socket.join(roomForSession(sessionId));
}

function ackIfWanted(args: unknown[], payload: unknown): void {
  const ack = args[args.length - 1];
  if (typeof ack === "function") (ack as (p: unknown) => void)(payload);
}

function handleLogEvent(socket: IoSocket, services: Services, args: unknown[]): void {
  const values = typeof args[args.length - 1] === "function" ? args.slice(0, -1) : args;
  // Accept the seed's `log_event(event_type, data)` form and the object form `{ event_type, data }`.
  const candidate = typeof values[0] === "string" ? { event_type: values[0], data: values[1] } : values[0];
  let size = Infinity;
  try {
    size = Buffer.byteLength(JSON.stringify(candidate ?? null));
  } catch {
    // Unserialisable (circular) payloads fall through to the size error.
  }
  const parsed = size <= LOG_EVENT_MAX_BYTES ? logEventSchema.safeParse(candidate) : null;
  if (!parsed?.success) {
    const error = parsed
      ? { code: "VALIDATION_ERROR", message: "log_event expects { event_type, data }", details: parsed.error.issues.map((i) => i.message) }
      : { code: "PAYLOAD_TOO_LARGE", message: `log_event payload must be at most ${LOG_EVENT_MAX_BYTES} bytes` };
    if (typeof args[args.length - 1] === "function") ackIfWanted(args, { error });
    else socket.emit("request_error", error);
    return;
  }
  services.logger.info({ sessionId: socket.data.sessionId, socketId: socket.id, clientEvent: parsed.data.event_type, data: parsed.data.data }, "client log_event");
  ackIfWanted(args, { ok: true });
}
