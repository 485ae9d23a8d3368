import type { IncomingMessage } from "node:http";
import type { Server, Socket } from "socket.io";
import { resolveClientIp } from "./client-ip";

export interface ConnectionGuardOptions {
  /** Engine.IO connections this process holds at most (0 = no cap). */
  maxConnections: number;
  /** Connections per client IP, authenticated or not (0 = no cap). */
  perIp: number;
  /** A connection that has not authenticated a socket after this long is closed. */
  authTimeoutMs: number;
  trustProxyHops: number;
  onRefused: (reason: "max_connections" | "connections_per_ip" | "auth_timeout") => void;
}

type Engine = Server["engine"];
type EngineSocket = Socket["conn"];

/** How long a handshake may take between being allowed and becoming a connection. */
const HANDSHAKE_GRACE_MS = 10_000;

/**
 * Counts Engine.IO connections before any authentication, so a flood of raw connections that never
 * log in cannot exhaust the process's file descriptors: a process-wide cap and a per-IP cap are
 * checked at the handshake (`allowRequest`, a clear 403 with the reason), and a connection that
 * has not authenticated a socket within `authTimeoutMs` is closed. A connection carries one
 * socket at a time (`claimSocket`), so counting connections per address counts sockets.
 */
export class ConnectionGuard {
  private total = 0;
  private readonly perIp = new Map<string, number>();
  /** Handshakes allowed but not yet connected: counted already, released if they never connect. */
  private readonly reserved = new Map<IncomingMessage, { ip: string; timer: NodeJS.Timeout }>();
  private readonly authTimers = new WeakMap<EngineSocket, NodeJS.Timeout>();
  /** Connections with a socket, pending (logging in) or connected. */
  private readonly claimed = new WeakSet<EngineSocket>();

  constructor(private readonly options: ConnectionGuardOptions) {}

  /** Installs the handshake check and the connection bookkeeping on an Engine.IO server. */
  attach(engine: Engine): void {
    engine.opts.allowRequest = (req, callback) => {
      const refusal = this.admit(req);
      callback(refusal, refusal === null);
    };
    engine.on("connection", (conn: EngineSocket) => this.track(conn));
  }

  /** Called once a socket on this connection passed authentication: the connection may stay. */
  markAuthenticated(conn: EngineSocket): void {
    clearTimeout(this.authTimers.get(conn));
    this.authTimers.delete(conn);
  }

  /**
   * Takes the connection's one socket slot; false when it has one already. Socket.IO would accept
   * any number of namespace CONNECTs on one Engine.IO connection (hundreds in one polling POST),
   * each replaying its session and with its own message budget, past every per-connection cap.
   */
  claimSocket(conn: EngineSocket): boolean {
    if (this.claimed.has(conn)) return false;
    this.claimed.add(conn);
    return true;
  }

  /** Frees the slot: the socket was refused or disconnected. */
  releaseSocket(conn: EngineSocket): void {
    this.claimed.delete(conn);
  }

  get connections(): number {
    return this.total;
  }

  private admit(req: IncomingMessage): string | null {
    const { maxConnections, perIp, trustProxyHops } = this.options;
    const ip = resolveClientIp(req.headers, req.socket.remoteAddress, trustProxyHops);
    if (maxConnections > 0 && this.total >= maxConnections) {
      this.options.onRefused("max_connections");
      return "UNAVAILABLE: the server is at its connection limit; retry shortly";
    }
    if (perIp > 0 && (this.perIp.get(ip) ?? 0) >= perIp) {
      this.options.onRefused("connections_per_ip");
      return "RATE_LIMITED: too many open connections from your address";
    }
    this.count(ip, +1);
    const timer = setTimeout(() => this.release(req), HANDSHAKE_GRACE_MS);
    timer.unref();
    this.reserved.set(req, { ip, timer });
    return null;
  }

  private track(conn: EngineSocket): void {
    const reservation = this.reserved.get(conn.request);
    if (!reservation) return; // allowed before the guard was attached
    clearTimeout(reservation.timer);
    this.reserved.delete(conn.request);
    const authTimer = setTimeout(() => {
      this.options.onRefused("auth_timeout");
      // Discard the transport: a long-polling client that holds no GET would otherwise keep the
      // slot until Engine.IO's 30 s polling close timeout, not this one.
      conn.close(true);
    }, this.options.authTimeoutMs);
    authTimer.unref();
    this.authTimers.set(conn, authTimer);
    conn.once("close", () => {
      this.markAuthenticated(conn);
      this.count(reservation.ip, -1);
    });
  }

  private release(req: IncomingMessage): void {
    const reservation = this.reserved.get(req);
    if (!reservation) return;
    this.reserved.delete(req);
    this.count(reservation.ip, -1);
  }

  private count(ip: string, delta: 1 | -1): void {
    this.total += delta;
    const next = (this.perIp.get(ip) ?? 0) + delta;
    if (next <= 0) this.perIp.delete(ip);
    else this.perIp.set(ip, next);
  }
}

/** Guards the Engine.IO server of `io` with the env's caps; none for a process without HTTP server (a worker). */
export function guardConnections(
  io: Server,
  env: { MAX_CONNECTIONS: number; RATE_LIMIT_SOCKETS_PER_IP: number; SOCKET_AUTH_TIMEOUT_MS: number; TRUST_PROXY: number },
  onRefused: ConnectionGuardOptions["onRefused"],
): ConnectionGuard | null {
  if (!io.engine) return null;
  const guard = new ConnectionGuard({
    maxConnections: env.MAX_CONNECTIONS,
    perIp: env.RATE_LIMIT_SOCKETS_PER_IP,
    authTimeoutMs: env.SOCKET_AUTH_TIMEOUT_MS,
    trustProxyHops: env.TRUST_PROXY,
    onRefused,
  });
  guard.attach(io.engine);
  return guard;
}
