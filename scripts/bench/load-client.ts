import type { Socket as NetSocket } from "node:net";
import { io, type Socket } from "socket.io-client";
import { nowMs, readBenchTimes } from "./driver/bench-payloads";
import { serveRpc } from "./driver/ipc-rpc";

/*
 * A bench client worker (forked by run-bench.ts): holds many real socket.io-client connections,
 * one per session, and measures what arrives — latency from the send time in each payload,
 * seq gaps (lost), repeated seqs (duplicates), bytes on the wire, reconnect and catch-up times.
 * It does not validate payloads with zod as the browser does: it is a load generator.
 */

interface Tracked {
  sessionId: string;
  /** Which set of sockets this one belongs to (scenario h: the node it is connected to). */
  group: string;
  socket: Socket;
  /** Highest seq ever seen: what a reconnect sends as lastEventId, like the app's store. */
  lastSeq: number;
  seen: Set<number>;
  dups: number;
  raw?: NetSocket;
  rawBytesAtReset: number;
  droppedAt?: number;
  reconnectedAt?: number;
  catchUpTarget?: number;
  caughtUpAt?: number;
  /** Highest reconnection attempt number since the last reset (1 = first try succeeded). */
  attempts: number;
  connectErrors: number;
}

export interface WorkerCollect {
  latencies: Float64Array;
  schedLatencies: Float64Array;
  received: number;
  unique: number;
  dups: number;
  lost: number;
  expected: number;
  firstAt: number;
  lastAt: number;
  wireBytes: number;
  payloadChars: number;
  reconnectMs: number[];
  catchUpMs: number[];
  notCaughtUp: number;
  maxReconnectAttempts: number;
  connectErrors: number;
  connectErrorSample?: string;
}

const SESSION_EVENTS = ["generation:step", "preview:updated", "preview:delta"] as const;
let tracked: Tracked[] = [];

/** What arrived on one group's sockets since the last reset. */
interface Received {
  latencies: number[];
  schedLatencies: number[];
  received: number;
  firstAt: number;
  lastAt: number;
  payloadChars: number;
}
const newReceived = (): Received => ({ latencies: [], schedLatencies: [], received: 0, firstAt: 0, lastAt: 0, payloadChars: 0 });
/** Per group ("" unless a connect named one), so one run can report sockets on different nodes apart. */
let byGroup = new Map<string, Received>();
const receivedOf = (group: string) => {
  let r = byGroup.get(group);
  if (!r) byGroup.set(group, (r = newReceived()));
  return r;
};
let connectErrorSample: string | undefined;
/**
 * Last seq this worker held per session, kept across scenarios: a new socket for a session
 * resumes there, as the app's client does after a reload. Until 2026-12-02 every scenario's
 * sockets started at 0, so OpenV0 (not the baseline, which keeps no log) replayed each session's
 * whole history from the earlier scenarios at connect, inside the next scenario's window: (d)'s
 * "88 s old" events and (f)'s "more distinct events than sent" were that replay.
 */
const resumeFrom = new Map<string, number>();

const rawSocketOf = (t: Tracked) => (t.socket.io.engine?.transport as unknown as { ws?: { _socket?: NetSocket } } | undefined)?.ws?._socket;

function onSessionEvent(t: Tracked, data: { seq?: unknown }): void {
  const at = nowMs();
  const r = receivedOf(t.group);
  const times = readBenchTimes(data);
  if (times) {
    r.latencies.push(at - times.sentAt);
    r.schedLatencies.push(at - times.scheduledAt);
  }
  if (typeof data.seq === "number") {
    if (t.seen.has(data.seq)) t.dups++;
    else t.seen.add(data.seq);
    if (data.seq > t.lastSeq) t.lastSeq = data.seq;
  }
  r.received++;
  if (!r.firstAt) r.firstAt = at;
  r.lastAt = at;
  if (t.catchUpTarget !== undefined && t.caughtUpAt === undefined && t.lastSeq >= t.catchUpTarget) t.caughtUpAt = at;
}

function openSocket(url: string, session: { sessionId: string; token: string }, group: string): Promise<Tracked | string> {
  return new Promise((resolve) => {
    // Same reconnection policy as lib/client/session-socket.ts: 800–1200 ms, doubling, no per-try jitter.
    const socket = io(url, {
      path: "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      reconnectionDelay: 800 + Math.floor(Math.random() * 400),
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0,
      // As the app's client: live previews as deltas (the full form is the seed's default).
      auth: (cb) => cb({ sessionId: session.sessionId, token: session.token, lastEventId: t.lastSeq, deltas: true }),
    });
    const t: Tracked = { sessionId: session.sessionId, group, socket, lastSeq: resumeFrom.get(session.sessionId) ?? 0, seen: new Set(), dups: 0, rawBytesAtReset: 0, attempts: 0, connectErrors: 0 };
    let settled = false;
    socket.on("connected", (d: { last_seq: number }) => {
      const at = nowMs();
      if (t.droppedAt !== undefined && t.reconnectedAt === undefined) {
        t.reconnectedAt = at;
        t.catchUpTarget = d.last_seq;
        if (t.lastSeq >= d.last_seq) t.caughtUpAt = at;
      }
      if (!settled) {
        settled = true;
        resolve(t);
      }
    });
    socket.io.on("reconnect_attempt", (attempt) => {
      t.attempts = Math.max(t.attempts, attempt);
    });
    socket.on("connect_error", (error) => {
      if (settled) {
        t.connectErrors++;
        connectErrorSample ??= error.message;
        return;
      }
      settled = true;
      socket.disconnect();
      resolve(error.message);
    });
    for (const type of SESSION_EVENTS) socket.on(type, (data: { seq?: unknown }) => onSessionEvent(t, data));
    socket.io.engine?.on("packet", (packet: { type: string; data?: unknown }) => {
      if (packet.type === "message" && typeof packet.data === "string") receivedOf(group).payloadChars += packet.data.length;
    });
  });
}

serveRpc({
  connect: async ({ url, sessions, group = "", concurrency = 100 }: { url: string; sessions: { sessionId: string; token: string }[]; group?: string; concurrency?: number }) => {
    const started = nowMs();
    let failed = 0;
    const before = tracked.length;
    let firstError: string | undefined;
    for (let i = 0; i < sessions.length; i += concurrency) {
      const results = await Promise.all(sessions.slice(i, i + concurrency).map((s) => openSocket(url, s, group)));
      for (const r of results) {
        if (typeof r === "string") {
          failed++;
          firstError ??= r;
        } else tracked.push(r);
      }
    }
    return { connected: tracked.length - before, failed, firstError, ms: nowMs() - started };
  },
  reset: () => {
    byGroup = new Map();
    connectErrorSample = undefined;
    for (const t of tracked) {
      t.attempts = 0;
      t.connectErrors = 0;
      t.seen.clear();
      t.dups = 0;
      t.raw = rawSocketOf(t);
      t.rawBytesAtReset = t.raw?.bytesRead ?? 0;
      t.droppedAt = t.reconnectedAt = t.catchUpTarget = t.caughtUpAt = undefined;
    }
    return { sockets: tracked.length };
  },
  progress: () => ({
    unique: tracked.reduce((sum, t) => sum + t.seen.size, 0),
    received: [...byGroup.values()].reduce((n, r) => n + r.received, 0),
    /** Dropped sockets not yet caught up: the drain wait must not stop while they are reconnecting. */
    pendingCatchUp: tracked.filter((t) => t.droppedAt !== undefined && t.caughtUpAt === undefined).length,
  }),
  /** Destroys every TCP connection under the sockets: to the client this is a network drop. */
  drop: () => {
    let killed = 0;
    for (const t of tracked) {
      const raw = rawSocketOf(t);
      if (!raw) continue;
      t.droppedAt = nowMs();
      raw.destroy();
      killed++;
    }
    return { killed };
  },
  /** Measures of the sockets in `group` (all sockets when it is absent). */
  collect: ({ ranges, group }: { ranges: Record<string, [number, number]>; group?: string }): WorkerCollect => {
    let lost = 0;
    let expected = 0;
    let unique = 0;
    let dups = 0;
    let wireBytes = 0;
    const reconnectMs: number[] = [];
    const catchUpMs: number[] = [];
    let notCaughtUp = 0;
    let maxReconnectAttempts = 0;
    let connectErrors = 0;
    for (const t of tracked) {
      if (group !== undefined && t.group !== group) continue;
      maxReconnectAttempts = Math.max(maxReconnectAttempts, t.attempts);
      connectErrors += t.connectErrors;
      dups += t.dups;
      unique += t.seen.size;
      const range = ranges[t.sessionId];
      if (range) {
        expected += range[1] - range[0] + 1;
        let got = 0;
        for (let seq = range[0]; seq <= range[1]; seq++) if (t.seen.has(seq)) got++;
        lost += range[1] - range[0] + 1 - got;
      }
      const raw = rawSocketOf(t);
      if (raw && raw === t.raw) wireBytes += raw.bytesRead - t.rawBytesAtReset;
      if (t.droppedAt !== undefined) {
        if (t.reconnectedAt !== undefined) reconnectMs.push(t.reconnectedAt - t.droppedAt);
        if (t.caughtUpAt !== undefined) catchUpMs.push(t.caughtUpAt - t.droppedAt);
        else notCaughtUp++;
      }
    }
    const parts = group === undefined ? [...byGroup.values()] : [receivedOf(group)];
    const firstAts = parts.map((r) => r.firstAt).filter((at) => at > 0);
    return {
      latencies: Float64Array.from(parts.flatMap((r) => r.latencies)), schedLatencies: Float64Array.from(parts.flatMap((r) => r.schedLatencies)),
      received: parts.reduce((n, r) => n + r.received, 0), unique, dups, lost, expected,
      firstAt: firstAts.length ? Math.min(...firstAts) : 0, lastAt: Math.max(0, ...parts.map((r) => r.lastAt)),
      wireBytes, payloadChars: parts.reduce((n, r) => n + r.payloadChars, 0), reconnectMs, catchUpMs, notCaughtUp,
      maxReconnectAttempts, connectErrors, connectErrorSample,
    };
  },
  disconnectAll: () => {
    for (const t of tracked) {
      t.socket.disconnect();
      resumeFrom.set(t.sessionId, Math.max(resumeFrom.get(t.sessionId) ?? 0, t.lastSeq));
    }
    const count = tracked.length;
    tracked = [];
    return { closed: count };
  },
});
