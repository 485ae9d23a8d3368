import { createInterface } from "node:readline";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchUsage } from "./driver/bench-driver";
import type { PublishPlan, PublishReport } from "./driver/publish-loop";
import { createRpcClient, type RpcCall } from "./driver/ipc-rpc";

export const ROOT = path.resolve(__dirname, "../..");

export interface BenchServer {
  name: string;
  url: string;
  pid: number;
  call: RpcCall;
  createSessions: (count: number) => Promise<{ sessionId: string; token: string }[]>;
  publish: (plan: PublishPlan) => Promise<PublishReport>;
  usage: (gc?: boolean) => Promise<BenchUsage>;
  /** Waits until the server counts `count` connections (or the timeout passes). */
  waitConnections: (count: number, timeoutMs?: number) => Promise<number>;
  stop: () => Promise<void>;
}

/** Every child and temp folder the bench made, so an exit on any path can clean them up. */
export const children = new Set<ChildProcess>();
const dataDirs = new Set<string>();
/** Synchronous last-resort cleanups (Redis, PostgreSQL of scenario h), run by killAllChildren. */
const cleanups = new Set<() => void>();

/** Registers a synchronous cleanup for every exit path; returns the function that unregisters it. */
export function onKillAll(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function killAllChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  dataDirs.clear();
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // best effort: keep cleaning up the rest
    }
  }
  cleanups.clear();
}

/** The env OpenV0 runs with during the bench: limits off, no pacing, the bench driver on. */
function openV0Env(dataDir: string): NodeJS.ProcessEnv {
  // Single node with SQLite unless a scenario passes these explicitly (scenario h does).
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.REDIS_URL;
  return {
    ...inherited,
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    TEMPLATE_STEP_MS: "0",
    RATE_LIMIT_SOCKETS_PER_IP: "0",
    RATE_LIMIT_MESSAGES_PER_SECOND: "0",
    RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
    BENCH_DRIVER: "1",
  };
}

export interface BenchServerOptions {
  /** Baseline only: permessage-deflate setting (see baseline-server.ts). */
  compression?: string;
  /** OpenV0 only: a name for tables and errors (default "openv0"). */
  name?: string;
  /** OpenV0 only: extra environment (REDIS_URL, DATABASE_URL, WORKER_IN_WEB for scenario h). */
  env?: Record<string, string>;
}

/** Starts OpenV0 (`kind: "openv0"`, production build) or the baseline, with an IPC channel. */
export async function startBenchServer(kind: "openv0" | "baseline", options: BenchServerOptions = {}): Promise<BenchServer> {
  // On disk by default, like ./data in production; BENCH_DATA_DIR=/dev/shm shows the no-fsync ceiling.
  const dataDir = mkdtempSync(path.join(process.env.BENCH_DATA_DIR || tmpdir(), "openv0-bench-"));
  dataDirs.add(dataDir);
  const script = kind === "openv0" ? "server.ts" : "scripts/bench/baseline-server.ts";
  const env = kind === "openv0" ? { ...openV0Env(dataDir), ...options.env } : { ...process.env, BASELINE_COMPRESSION: options.compression ?? "off" };
  // --expose-gc lets the driver collect before memory readings; it changes nothing else.
  // BENCH_CPU_PROF=1 writes a V8 CPU profile of OpenV0 (whole run) to bench-results/ at exit.
  const profile = kind === "openv0" && process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", "--cpu-prof-dir", path.join(ROOT, "bench-results")] : [];
  const proc = spawn(process.execPath, ["--expose-gc", ...profile, "--import", "tsx", script], {
    cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe", "ipc"], serialization: "advanced",
  });
  children.add(proc);
  const name = kind === "openv0" ? options.name ?? "openv0" : `baseline${options.compression && options.compression !== "off" ? `-deflate-${options.compression}` : ""}`;
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  proc.stderr!.on("data", (d: Buffer) => remember(d.toString().trimEnd()));
  const listening = new Promise<number>((resolve, reject) => {
    let found = false;
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s\n${tail.join("\n")}`)), 60_000);
    // Keep draining stdout for the whole run: a full pipe would block the server's logger.
    createInterface({ input: proc.stdout! }).on("line", (line) => {
      remember(line);
      if (!found && line.includes('"server listening"')) {
        found = true;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening\n${tail.join("\n")}`));
    });
  });
  let port: number;
  try {
    port = await listening;
  } catch (error) {
    // Did not start: leave nothing behind (its folder, or a process that is still booting).
    if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
    children.delete(proc);
    rmSync(dataDir, { recursive: true, force: true });
    dataDirs.delete(dataDir);
    throw error;
  }
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const call = createRpcClient(proc, name);
  const usage = (gc = false) => call<BenchUsage>("usage", { gc });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid!,
    call,
    createSessions: async (count) => (await call<{ sessions: { sessionId: string; token: string }[] }>("createSessions", { count }, 120_000)).sessions,
    publish: (plan) => call<PublishReport>("publish", plan, plan.durationMs + 120_000),
    usage,
    waitConnections: async (count, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      let seen = (await usage()).connections;
      while (seen !== count && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        seen = (await usage()).connections;
      }
      return seen;
    },
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill("SIGTERM");
        const force = setTimeout(() => proc.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(force);
      }
      children.delete(proc);
      rmSync(dataDir, { recursive: true, force: true });
      dataDirs.delete(dataDir);
    },
  };
}
