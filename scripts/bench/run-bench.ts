import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { nowMs } from "./driver/bench-payloads";
import type { PublishPlan } from "./driver/publish-loop";
import { startClientPool } from "./client-pool";
import { renderBothPublishing, runBothPublishing, type BothPublishingResult } from "./cluster-both";
import { runCluster, startClusterNodes, type ClusterNodes, type ClusterRow } from "./cluster";
import { measureFirstEvent } from "./first-event";
import { renderCatchUpStorm, runCatchUpStorm } from "./catch-up-storm";
import { renderReplayStorm, runReplayStorm } from "./replay-storm";
import * as report from "./report";
import { connectAll, disconnectAll, runDrop, runIdleMemory, runLoad, type BenchContext } from "./scenarios";
import { killAllChildren, ROOT, startBenchServer, type BenchServer } from "./server-control";

/*
 * `npm run bench` (BENCH_QUICK=1 for a ~1 minute smoke run). Starts the production OpenV0 server
 * with its in-process bench driver and plain Socket.IO baselines (compression off and on), drives
 * them with the same client workers and payloads, prints the tables and writes bench-results/.
 * Scenarios alternate between servers (a on OpenV0, a on the baseline, b on OpenV0, ...) so that
 * other load on a shared machine hits both sides alike. Scenario (h) adds Redis, PostgreSQL and
 * four more OpenV0 nodes (two clustered, one alone on PG+Redis, one alone on SQLite). See docs/BENCH.md.
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
  // Below OpenV0's saturation on purpose: (f) measures the drop and replay, not overload (that is d).
  f: { sessions: 1_000, ratePerSession: 2, durationMs: QUICK ? 4_000 : 10_000 },
  g: { runs: QUICK ? 3 : 10 },
  // 50 sockets replay one long log at once while another client polls /api/health.
  replayStorm: { events: QUICK ? 3_000 : 12_000, sockets: 50 },
  // 1,000 sockets connect at once with lastEventId 0 to 1,000 logged sessions that go on live.
  catchUpStorm: { sessions: QUICK ? 300 : 1_000, logged: 250, ratePerSession: 5, durationMs: QUICK ? 3_000 : 5_000 },
  // Two nodes sharing PostgreSQL + Redis vs one node (same load), two watchers per session.
  h: {
    sessions: 200, ratePerSession: 5, durationMs: QUICK ? 3_000 : 10_000, warmupMs: QUICK ? 500 : 1_000,
    // Ceiling of one PG+Redis node on the same 400 sockets: asked 3,000 events/s, then 6,000, 12,000…
    // until it sends less than 95 % of what it is asked; the most it sent per second is the ceiling.
    probe: { ratePerSession: 15, durationMs: QUICK ? 1_500 : 2_000, steps: QUICK ? 3 : 5 },
  },
  compression: QUICK ? ["lean"] : ["lean", "lean-w10", "default"],
  budgetMs: QUICK ? 300_000 : 600_000,
};

const startedAt = nowMs();
const log = (line: string) => console.log(`[bench ${((nowMs() - startedAt) / 1000).toFixed(0).padStart(3)}s] ${line}`);
type Session = { sessionId: string; token: string };

/** Newest modification time of the sources Next bundles (route handlers import lib/server too). */
function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "stores"]) if (existsSync(path.join(ROOT, dir))) walk(path.join(ROOT, dir));
  for (const file of ["next.config.mjs", "package.json"]) newest = Math.max(newest, statSync(path.join(ROOT, file)).mtimeMs);
  return newest;
}

/**
 * Builds the app into DIST_DIR when it has no BUILD_ID or the sources changed since (a stale build
 * would run old route handlers against new services); BENCH_SKIP_BUILD=1 uses whatever is there.
 * Undoes the tsconfig include Next adds for the dist dir.
 */
function ensureBuild(): void {
  const buildId = path.join(ROOT, DIST_DIR, "BUILD_ID");
  if (existsSync(buildId) && (process.env.BENCH_SKIP_BUILD === "1" || statSync(buildId).mtimeMs > newestSourceMtime())) return;
  const tsconfigPath = path.join(ROOT, "tsconfig.json");
  const before = readFileSync(tsconfigPath, "utf8");
  log(`production build in ${DIST_DIR} missing or older than the sources: running next build (not counted in the run time)`);
  const built = spawnSync("npx", ["next", "build"], { cwd: ROOT, env: process.env, stdio: "inherit" });
  if (built.status !== 0) throw new Error(`next build failed (${built.status})`);
  // Next adds "<distDir>/types/**" to tsconfig's include: revert only that, never others' edits.
  const after = readFileSync(tsconfigPath, "utf8");
  const escaped = DIST_DIR.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (after.replace(new RegExp(`,\\n\\s*"${escaped}/(dev/)?types/\\*\\*/\\*\\.ts"`, "g"), "") === before) writeFileSync(tsconfigPath, before);
}

function summarise(r: report.LoadResult): string {
  return `${r.server} ${r.scenario}: sent ${Math.round(r.sentPerSec)}/s, deliv ${Math.round(r.deliveredPerSec)}/s, p50 ${r.latencyMs?.p50.toFixed(2)} ms, p99 ${r.latencyMs?.p99.toFixed(2)} ms, lost ${r.lost}, dup ${r.dups}, srv CPU ${r.serverCpuPercent.toFixed(0)}%, others ${r.othersCpuPercent.toFixed(0)}%`;
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
  const servers: BenchServer[] = [];
  const load: report.LoadResult[] = [];
  const memory: report.MemoryResult[] = [];
  let cluster: ClusterNodes | undefined;
  let clusterRows: ClusterRow[] = [];
  let clusterProblem: string | undefined;
  let bothPublishing: BothPublishingResult | undefined;
  let bothText = "";
  const clusterStarted = nowMs();
  let clusterStartMs = 0;
  // (h)'s Redis, PostgreSQL and nodes boot alongside the other servers (they sit idle until h).
  const clusterBoot = startClusterNodes(log).then(
    (nodes) => {
      cluster = nodes;
      clusterStartMs = nowMs() - clusterStarted;
    },
    (error: unknown) => {
      clusterProblem = `not run: Redis/PostgreSQL/nodes did not start: ${error instanceof Error ? error.message : String(error)}`;
      log(`h ${clusterProblem}`);
    },
  );
  try {
    const [started] = await Promise.all([
      Promise.allSettled([
        startBenchServer("openv0"), startBenchServer("baseline"),
        ...CONFIG.compression.map((compression) => startBenchServer("baseline", { compression })),
      ]),
      clusterBoot,
    ]);
    for (const s of started) if (s.status === "fulfilled") servers.push(s.value);
    const failedStart = started.find((s) => s.status === "rejected");
    if (failedStart) throw failedStart.reason;
    const [openv0, baseline] = servers as [BenchServer, BenchServer];
    const main = [openv0, baseline];
    for (const s of [...servers, ...(cluster?.servers ?? [])]) log(`${s.name} listening on ${s.url} (pid ${s.pid})`);
    const ctxOf = (server: BenchServer): BenchContext => ({ server, pool });

    // (e) first, on fresh processes: later scenarios leave heap and allocator state that turns RSS deltas into noise.
    for (const server of servers) {
      const e = await runIdleMemory(ctxOf(server), CONFIG.e.connections);
      memory.push(e);
      log(`${server.name} e: ${e.connections} idle sockets, RSS ${e.rssPerConnKb.toFixed(1)} KB/conn, after one 8 KB preview ${e.rssPerConnAfterPreviewKb.toFixed(1)} KB/conn`);
    }
    const sessions = new Map<BenchServer, { small: Session[]; large: Session[] }>();
    for (const server of servers) {
      const created = await server.createSessions(CONFIG.a.sessions + CONFIG.b.sessions);
      sessions.set(server, { small: created.slice(0, CONFIG.a.sessions), large: created.slice(CONFIG.a.sessions) });
    }
    const scenario = async (name: string, on: BenchServer[], size: "small" | "large", plan: Omit<PublishPlan, "sessionIds">, drop = false) => {
      for (const server of on) {
        const ctx = ctxOf(server);
        const chosen = sessions.get(server)![size];
        await connectAll(ctx, chosen);
        const full = { ...plan, sessionIds: chosen.map((s) => s.sessionId) };
        const result = drop ? await runDrop(name, ctx, full) : await runLoad(name, ctx, full);
        load.push(result);
        log(summarise(result));
        await disconnectAll(ctx);
      }
    };
    await scenario("a 100×20/s", main, "small", { ratePerSession: CONFIG.a.ratePerSession, durationMs: CONFIG.a.durationMs, kind: "step" });
    await scenario("b 1k×10/s", main, "large", { ratePerSession: CONFIG.b.ratePerSession, durationMs: CONFIG.b.durationMs, kind: "step" });
    await scenario("c 1k×2/s 8KB", servers, "large", { ratePerSession: CONFIG.c.ratePerSession, durationMs: CONFIG.c.durationMs, kind: "preview", previewBytes: CONFIG.c.previewBytes });
    await scenario("d saturation", main, "large", { ratePerSession: 0, durationMs: CONFIG.d.durationMs, kind: "step", batch: CONFIG.d.batch });
    await scenario("f drop 1k×2/s", main, "large", { ratePerSession: CONFIG.f.ratePerSession, durationMs: CONFIG.f.durationMs, kind: "step" }, true);
    const firstEvent = await measureFirstEvent(openv0.url, CONFIG.g.runs);
    log(report.renderFirstEvent(firstEvent));
    const replayStorm = await runReplayStorm(ctxOf(openv0), CONFIG.replayStorm);
    log(renderReplayStorm(replayStorm));
    const catchUpStorm = await runCatchUpStorm(ctxOf(openv0), CONFIG.catchUpStorm);
    log(renderCatchUpStorm(catchUpStorm));
    const clusterRunStarted = nowMs();
    if (cluster) {
      try {
        clusterRows = await runCluster(cluster, pool, CONFIG.h, log);
        bothPublishing = await runBothPublishing(cluster, pool, CONFIG.h);
        const probe = clusterRows.find((r) => r.setup === "1 node, PG+Redis" && r.scenario.startsWith("h ceiling"));
        bothText = renderBothPublishing(bothPublishing, probe?.sentPerSec);
        log(bothText);
      } catch (error) {
        clusterProblem = `failed: ${error instanceof Error ? error.message : String(error)}`;
        log(`h ${clusterProblem}`);
        process.exitCode = 1;
      }
    }
    const clusterRunMs = nowMs() - clusterRunStarted;
    const ratios = report.clusterRatios(clusterRows);

    const durationSec = (nowMs() - runStarted) / 1000;
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${os.release()}, Node ${process.version}`;
    const mainLoad = load.filter((r) => r.server === "openv0" || r.server === "baseline");
    const compression = servers.slice(1).map((server) => ({
      setting: server === baseline ? "off" : server.name.replace("baseline-", ""),
      load: load.find((r) => r.server === server.name && r.scenario.startsWith("c")),
      memory: memory.find((m) => m.server === server.name),
    }));
    compression.unshift({ setting: "off (OpenV0 today)", load: load.find((r) => r.server === "openv0" && r.scenario.startsWith("c")), memory: memory.find((m) => m.server === "openv0") });
    const text = [
      `OpenV0 bench — ${new Date().toISOString()} — ${QUICK ? "QUICK" : "full"} run in ${durationSec.toFixed(0)} s`,
      `machine: ${machine}; load average at start ${loadAtStart}; OpenV0 SQLite under ${dataRoot}`,
      `note: each server under test and ${CONFIG.clientWorkers} client worker processes share these cores over loopback;`,
      `      "srv CPU%" and "cli CPU%" are from /proc (100 = one core). Latency = receive time − publish-call time in the payload;`,
      `      "p99 sched" counts from the time the rate plan scheduled the event (includes publisher lag);`,
      `      "other CPU%" is CPU used meanwhile by processes outside the bench (noise); "main R/S/D %" samples the server's`,
      `      event-loop thread while publishing: R running or waiting for a core, S idle in epoll, D blocked on disk.`,
      "", report.renderLoadTable(mainLoad),
      "", report.renderRatioTable(mainLoad),
      "", report.renderMemoryTable(memory.filter((m) => m.server === "openv0" || m.server === "baseline")),
      "", report.renderFirstEvent(firstEvent),
      "", report.renderDropSummary(mainLoad),
      "", renderReplayStorm(replayStorm),
      renderCatchUpStorm(catchUpStorm),
      "", "compression (c: 8 KB previews to 1,000 sockets; e: idle sockets, then one 8 KB preview each)",
      report.renderCompressionTable(compression),
      "", `h two nodes: ${CONFIG.h.sessions} sessions × ${CONFIG.h.ratePerSession} step events/s for ${CONFIG.h.durationMs / 1000} s, published by one node's driver, ` +
        `2 watchers per session (2 nodes: one on A, one on B; 1 node: both on it); each run after ${CONFIG.h.warmupMs / 1000} s unmeasured warm-up`,
      ...(clusterProblem ? [`h ${clusterProblem}`] : []),
      ...(clusterRows.length
        ? [
            report.renderClusterTable(clusterRows), "", report.renderClusterCpuTable(clusterRows), "", report.renderClusterRatios(ratios),
            bothText,
            `h took ${(clusterRunMs / 1000).toFixed(0)} s (+ ${(clusterStartMs / 1000).toFixed(0)} s to start Redis, PostgreSQL and 4 nodes, alongside the other servers)`,
          ]
        : []),
    ].join("\n");
    console.log(`\n${text}\n`);
    const h = { rows: clusterRows, bothPublishing, ratios, problem: clusterProblem, startMs: clusterStartMs, runMs: clusterRunMs };
    const file = report.writeResults(ROOT, { durationSec, machine, loadAtStart, dataRoot, config: CONFIG, load, memory, firstEvent, replayStorm, catchUpStorm, compression, h }, text);
    log(`results written to ${path.relative(ROOT, file)} (and bench-results/latest.json, latest.txt)`);
  } finally {
    clearTimeout(watchdog);
    pool.stop();
    await clusterBoot; // a failure before it finished: wait, so its processes are stopped too
    await Promise.all([...servers.map((s) => s.stop()), cluster?.stop()]);
    killAllChildren();
  }
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
