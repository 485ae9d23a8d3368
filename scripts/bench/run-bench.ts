import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { nowMs } from "@/lib/server/bench/bench-payloads";
import { startClientPool, type ClientPool } from "./client-pool";
import { measureFirstEvent, type FirstEventResult } from "./first-event";
import { renderCompressionTable, renderLoadTable, renderMemoryTable, renderRatioTable, writeResults, type LoadResult, type MemoryResult } from "./report";
import { connectAll, disconnectAll, runDrop, runIdleMemory, runLoad, type BenchContext } from "./scenarios";
import { killAllChildren, ROOT, startBenchServer } from "./server-control";

/*
 * `npm run bench` (BENCH_QUICK=1 for a ~1 minute smoke run). Starts the production OpenV0 server
 * with its in-process bench driver, then a plain Socket.IO baseline, drives both with the same
 * client workers and payloads, prints the tables and writes bench-results/. See docs/BENCH.md.
 */

const QUICK = process.env.BENCH_QUICK === "1";
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
process.env.NEXT_DIST_DIR = DIST_DIR;

const D = QUICK ? 3_000 : 10_000;
const CONFIG = {
  quick: QUICK,
  clientWorkers: 2,
  a: { sessions: 100, ratePerSession: 20, durationMs: D },
  b: { sessions: 1_000, ratePerSession: 10, durationMs: D },
  c: { sessions: 1_000, ratePerSession: 2, durationMs: D, previewBytes: 8_192 },
  d: { sessions: 1_000, durationMs: QUICK ? 2_000 : 5_000, batch: 50 },
  e: { connections: QUICK ? 1_000 : 5_000 },
  f: { sessions: 1_000, ratePerSession: 5, durationMs: QUICK ? 5_000 : 10_000 },
  g: { runs: QUICK ? 3 : 10 },
  compression: { settings: ["lean", "lean-w10", "default"], durationMs: QUICK ? 3_000 : 8_000 },
  budgetMs: QUICK ? 150_000 : 300_000,
};

const ids = (sessions: { sessionId: string }[]) => sessions.map((s) => s.sessionId);
const log = (line: string) => console.log(`[bench ${((nowMs() - startedAt) / 1000).toFixed(0).padStart(3)}s] ${line}`);
const startedAt = nowMs();

/** Builds the app into DIST_DIR when it has no BUILD_ID, undoing the tsconfig include Next adds. */
function ensureBuild(): void {
  if (existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) return;
  const tsconfigPath = path.join(ROOT, "tsconfig.json");
  const before = readFileSync(tsconfigPath, "utf8");
  log(`no production build in ${DIST_DIR}: running next build (not counted in the run time)`);
  const built = spawnSync("npx", ["next", "build"], { cwd: ROOT, env: process.env, stdio: "inherit" });
  if (built.status !== 0) throw new Error(`next build failed (${built.status})`);
  // Next adds "<distDir>/types/**" to tsconfig's include: revert only that, never others' edits.
  const after = readFileSync(tsconfigPath, "utf8");
  const stripped = after.replace(new RegExp(`,\\n\\s*"${DIST_DIR.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(dev/)?types/\\*\\*/\\*\\.ts"`, "g"), "");
  if (stripped === before) writeFileSync(tsconfigPath, before);
}

function summarise(r: LoadResult): string {
  return `${r.server} ${r.scenario}: deliv ${Math.round(r.deliveredPerSec)}/s, p50 ${r.latencyMs?.p50.toFixed(2)} ms, p99 ${r.latencyMs?.p99.toFixed(2)} ms, lost ${r.lost}, dup ${r.dups}, srv CPU ${r.serverCpuPercent.toFixed(0)}%`;
}

/** Scenarios (a)–(f) on one server, plus (g) on OpenV0. */
async function benchServer(kind: "openv0" | "baseline", pool: ClientPool, load: LoadResult[], memory: MemoryResult[]): Promise<FirstEventResult | null> {
  const server = await startBenchServer(kind);
  log(`${server.name} listening on ${server.url} (pid ${server.pid})`);
  const push = (r: LoadResult) => {
    load.push(r);
    log(summarise(r));
  };
  try {
    const ctx: BenchContext = { server, pool };
    // (e) first, on the fresh process: later scenarios leave heap and page-cache state that makes RSS deltas noise.
    const idle = await runIdleMemory(ctx, CONFIG.e.connections);
    memory.push(idle);
    log(`${server.name} e: ${idle.connections} idle sockets, RSS ${idle.rssPerConnKb.toFixed(1)} KB/conn, after one 8 KB preview ${idle.rssPerConnAfterPreviewKb.toFixed(1)} KB/conn`);
    const sessions = await server.createSessions(CONFIG.a.sessions + CONFIG.b.sessions);
    const small = sessions.slice(0, CONFIG.a.sessions);
    const large = sessions.slice(CONFIG.a.sessions);
    await connectAll(ctx, small);
    push(await runLoad("a 100×20/s", ctx, { sessionIds: ids(small), ratePerSession: CONFIG.a.ratePerSession, durationMs: CONFIG.a.durationMs, kind: "step" }));
    await disconnectAll(ctx);
    const connected = await connectAll(ctx, large);
    log(`${server.name}: ${connected.connected} sockets connected in ${(connected.ms / 1000).toFixed(1)} s`);
    push(await runLoad("b 1k×10/s", ctx, { sessionIds: ids(large), ratePerSession: CONFIG.b.ratePerSession, durationMs: CONFIG.b.durationMs, kind: "step" }));
    push(await runLoad("c 1k×2/s 8KB", ctx, { sessionIds: ids(large), ratePerSession: CONFIG.c.ratePerSession, durationMs: CONFIG.c.durationMs, kind: "preview", previewBytes: CONFIG.c.previewBytes }));
    push(await runLoad("d saturation", ctx, { sessionIds: ids(large), ratePerSession: 0, durationMs: CONFIG.d.durationMs, kind: "step", batch: CONFIG.d.batch }));
    push(await runDrop("f drop 1k×5/s", ctx, { sessionIds: ids(large), ratePerSession: CONFIG.f.ratePerSession, durationMs: CONFIG.f.durationMs, kind: "step" }));
    await disconnectAll(ctx);
    if (kind !== "openv0") return null;
    const first = await measureFirstEvent(server.url, CONFIG.g.runs);
    log(`openv0 g: POST → first event p50 ${first.firstEventMs?.p50.toFixed(1)} ms over ${first.runs} generations (${first.failed} failed)`);
    return first;
  } finally {
    await server.stop();
  }
}

/** Scenario (c) and (e) on the baseline with each permessage-deflate setting. */
async function benchCompression(setting: string, pool: ClientPool) {
  const server = await startBenchServer("baseline", { compression: setting });
  try {
    const ctx: BenchContext = { server, pool };
    const e = await runIdleMemory(ctx, CONFIG.e.connections);
    log(`${server.name} e: RSS ${e.rssPerConnKb.toFixed(1)} KB/conn idle, ${e.rssPerConnAfterPreviewKb.toFixed(1)} KB/conn after one 8 KB preview`);
    const sessions = await server.createSessions(CONFIG.c.sessions);
    await connectAll(ctx, sessions);
    const c = await runLoad("c 1k×2/s 8KB", ctx, { sessionIds: ids(sessions), ratePerSession: CONFIG.c.ratePerSession, durationMs: CONFIG.compression.durationMs, kind: "preview", previewBytes: CONFIG.c.previewBytes });
    log(summarise(c));
    await disconnectAll(ctx);
    return { setting: `deflate-${setting}`, load: c, memory: e };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  ensureBuild();
  const runStarted = nowMs();
  const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  const dataRoot = process.env.BENCH_DATA_DIR || os.tmpdir();
  log(`load average at start: ${loadAtStart} (other work on the machine skews every number: see "other CPU%")`);
  const watchdog = setTimeout(() => {
    console.error(`bench: over the ${CONFIG.budgetMs / 1000} s budget; killing its servers and clients`);
    killAllChildren();
    process.exit(2);
  }, CONFIG.budgetMs);
  const pool = startClientPool(CONFIG.clientWorkers);
  const load: LoadResult[] = [];
  const memory: MemoryResult[] = [];
  try {
    const firstEvent = await benchServer("openv0", pool, load, memory);
    await benchServer("baseline", pool, load, memory);
    const compression: { setting: string; load?: LoadResult; memory?: MemoryResult }[] = [
      { setting: "off (OpenV0 today)", load: load.find((r) => r.server === "openv0" && r.scenario.startsWith("c")), memory: memory.find((m) => m.server === "openv0") },
      { setting: "off", load: load.find((r) => r.server === "baseline" && r.scenario.startsWith("c")), memory: memory.find((m) => m.server === "baseline") },
    ];
    for (const setting of CONFIG.compression.settings) compression.push(await benchCompression(setting, pool));
    const durationSec = (nowMs() - runStarted) / 1000;
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${os.release()}, Node ${process.version}`;
    const text = [
      `OpenV0 bench — ${new Date().toISOString()} — ${QUICK ? "QUICK" : "full"} run in ${durationSec.toFixed(0)} s`,
      `machine: ${machine}; load average at start ${loadAtStart}; OpenV0 SQLite under ${dataRoot}`,
      `note: the server under test and ${CONFIG.clientWorkers} client worker processes share these cores over loopback;`,
      `      "srv CPU%" and "cli CPU%" are from /proc (100 = one core). Latency = receive time − publish-call time in the payload;`,
      `      "p99 sched" counts from the time the rate plan scheduled the event (includes publisher lag);`,
      `      "other CPU%" is CPU used meanwhile by processes outside the bench (noise).`,
      "",
      renderLoadTable(load),
      "",
      renderRatioTable(load),
      "",
      renderMemoryTable(memory),
      "",
      firstEvent
        ? `g POST /api/generations → first event (openv0, ${firstEvent.runs} real generations after 1 warm-up, TEMPLATE_STEP_MS=0): p50 ${firstEvent.firstEventMs?.p50.toFixed(1)} ms, p95 ${firstEvent.firstEventMs?.p95.toFixed(1)} ms, p99 ${firstEvent.firstEventMs?.p99.toFixed(1)} ms; cold first run ${firstEvent.coldFirstEventMs?.toFixed(1)} ms (POST alone p50 ${firstEvent.postMs?.p50.toFixed(1)} ms; POST → completed p50 ${firstEvent.completedMs?.p50.toFixed(0)} ms; ${firstEvent.failed} failed)`
        : "",
      "",
      dropSummary(load),
      "",
      "compression (scenario c: 8 KB previews to 1,000 sockets; e: idle sockets, then one 8 KB preview each)",
      renderCompressionTable(compression),
    ].join("\n");
    console.log(`\n${text}\n`);
    const file = writeResults(ROOT, { startedAt: new Date(Date.now() - durationSec * 1000).toISOString(), durationSec, machine, loadAtStart, dataRoot, config: CONFIG, load, memory, firstEvent, compression }, text);
    log(`results written to ${path.relative(ROOT, file)} (and bench-results/latest.json, latest.txt)`);
  } finally {
    clearTimeout(watchdog);
    pool.stop();
    killAllChildren();
  }
}

function dropSummary(load: LoadResult[]): string {
  return load
    .filter((r) => r.scenario.startsWith("f"))
    .map((r) => {
      const extra = (r.extra ?? {}) as { killed?: number; reconnectMs?: { p50: number; max: number } | null; catchUpMs?: { p50: number; p95: number; max: number } | null; notCaughtUp?: number; maxReconnectAttempts?: number; connectErrors?: number; connectErrorSample?: string };
      return `f ${r.server}: ${extra.killed ?? 0} transports killed; lost ${r.lost} of ${r.expected}, dup ${r.dups}; reconnected p50 ${extra.reconnectMs?.p50.toFixed(0)} ms / max ${extra.reconnectMs?.max.toFixed(0)} ms after the kill (client backoff 800–1200 ms); caught up p50 ${extra.catchUpMs?.p50.toFixed(0)} ms / p95 ${extra.catchUpMs?.p95.toFixed(0)} ms / max ${extra.catchUpMs?.max.toFixed(0)} ms; not caught up ${extra.notCaughtUp ?? 0}; max attempts ${extra.maxReconnectAttempts ?? 0}; connect errors ${extra.connectErrors ?? 0}${extra.connectErrorSample ? ` (${extra.connectErrorSample})` : ""}`;
    })
    .join("\n");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}
process.on("exit", killAllChildren);
main().catch((error: unknown) => {
  console.error(error);
  killAllChildren();
  process.exit(1);
});
