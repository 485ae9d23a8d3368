import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createRpcClient, type RpcCall } from "./driver/ipc-rpc";
import type { WorkerCollect } from "./load-client";
import { children, ROOT } from "./server-control";

type Session = { sessionId: string; token: string };

export interface PooledCollect extends Omit<WorkerCollect, "latencies" | "schedLatencies"> {
  latencies: Float64Array;
  schedLatencies: Float64Array;
}

export interface ClientPool {
  pids: Record<string, number>;
  /** Opens one socket per session to `url`; `group` labels them so `collect` can report them apart. */
  connect: (url: string, sessions: Session[], group?: string) => Promise<{ connected: number; failed: number; firstError?: string; ms: number }>;
  reset: () => Promise<void>;
  progress: () => Promise<{ unique: number; pendingCatchUp: number }>;
  drop: () => Promise<number>;
  /** Measures of the sockets in `group` (every socket when absent) since the last reset. */
  collect: (ranges: Record<string, [number, number]>, group?: string) => Promise<PooledCollect>;
  disconnectAll: () => Promise<void>;
  stop: () => void;
}

function concat(arrays: Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/**
 * Forks `count` client worker processes. One Node process cannot drive 5,000 sockets and measure
 * them without its own event loop becoming the bottleneck, so sessions are split between them.
 */
export function startClientPool(count: number): ClientPool {
  const procs: ChildProcess[] = [];
  const calls: RpcCall[] = [];
  for (let i = 0; i < count; i++) {
    const proc = fork(path.join(ROOT, "scripts/bench/load-client.ts"), [], {
      cwd: ROOT, execArgv: ["--import", "tsx"], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.add(proc);
    procs.push(proc);
    calls.push(createRpcClient(proc, `client-${i}`));
  }
  const all = <T>(cmd: string, args?: unknown, timeoutMs?: number) => Promise.all(calls.map((call) => call<T>(cmd, args, timeoutMs)));
  return {
    pids: Object.fromEntries(procs.map((p, i) => [`client${i}`, p.pid!])),
    async connect(url, sessions, group) {
      // Session i goes to worker i mod count, so each worker holds every count-th session.
      const parts = calls.map((_, w) => sessions.filter((_, i) => i % count === w));
      const results = await Promise.all(calls.map((call, w) => call<{ connected: number; failed: number; firstError?: string; ms: number }>("connect", { url, sessions: parts[w], group }, 180_000)));
      return {
        connected: results.reduce((n, r) => n + r.connected, 0),
        failed: results.reduce((n, r) => n + r.failed, 0),
        firstError: results.find((r) => r.firstError)?.firstError,
        ms: Math.max(...results.map((r) => r.ms)),
      };
    },
    async reset() {
      await all("reset");
    },
    async progress() {
      const parts = await all<{ unique: number; pendingCatchUp: number }>("progress");
      return { unique: parts.reduce((n, r) => n + r.unique, 0), pendingCatchUp: parts.reduce((n, r) => n + r.pendingCatchUp, 0) };
    },
    async drop() {
      return (await all<{ killed: number }>("drop")).reduce((n, r) => n + r.killed, 0);
    },
    async collect(ranges, group) {
      const parts = await all<WorkerCollect>("collect", { ranges, group }, 120_000);
      const sum = (key: "received" | "unique" | "dups" | "lost" | "expected" | "wireBytes" | "payloadChars" | "notCaughtUp") => parts.reduce((n, p) => n + p[key], 0);
      return {
        latencies: concat(parts.map((p) => p.latencies)),
        schedLatencies: concat(parts.map((p) => p.schedLatencies)),
        received: sum("received"), unique: sum("unique"), dups: sum("dups"), lost: sum("lost"), expected: sum("expected"),
        wireBytes: sum("wireBytes"), payloadChars: sum("payloadChars"), notCaughtUp: sum("notCaughtUp"),
        firstAt: Math.min(...parts.map((p) => p.firstAt || Infinity)),
        lastAt: Math.max(...parts.map((p) => p.lastAt)),
        reconnectMs: parts.flatMap((p) => p.reconnectMs),
        maxReconnectAttempts: Math.max(...parts.map((p) => p.maxReconnectAttempts)),
        connectErrors: parts.reduce((n, p) => n + p.connectErrors, 0),
        connectErrorSample: parts.find((p) => p.connectErrorSample)?.connectErrorSample,
        catchUpMs: parts.flatMap((p) => p.catchUpMs),
      };
    },
    async disconnectAll() {
      await all("disconnectAll");
    },
    stop() {
      for (const proc of procs) {
        proc.kill("SIGTERM");
        children.delete(proc);
      }
    },
  };
}
