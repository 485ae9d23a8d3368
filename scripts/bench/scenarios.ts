import { nowMs } from "./driver/bench-payloads";
import type { PublishPlan, PublishReport } from "./driver/publish-loop";
import type { ClientPool, PooledCollect } from "./client-pool";
import { sampleMainThread, watchProcs, type MainThreadStates, type WatchResult } from "./proc-stats";
import { percentiles } from "./percentiles";
import { type LoadResult, type MemoryResult } from "./report";
import type { BenchServer } from "./server-control";

export interface BenchContext {
  server: BenchServer;
  pool: ClientPool;
}

type Session = { sessionId: string; token: string };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MB = 1024 * 1024;

/** Connects the pool to `sessions` and fails loudly when the server refused any. */
export async function connectAll({ server, pool }: BenchContext, sessions: Session[]) {
  const result = await pool.connect(server.url, sessions);
  if (result.failed) throw new Error(`${server.name}: ${result.failed} of ${sessions.length} sockets refused (${result.firstError})`);
  await server.waitConnections(result.connected);
  return result;
}

export async function disconnectAll({ server, pool }: BenchContext) {
  await pool.disconnectAll();
  await server.waitConnections(0);
}

/**
 * Waits until the clients hold `expected` distinct events, or nothing new arrived for `stallMs`
 * while no dropped client is still reconnecting (a server with lost events never reaches
 * `expected`), or `maxMs` passed. What is missing at that point counts as lost.
 */
export async function waitDelivered(pool: ClientPool, expected: number, stallMs = 2_000, maxMs = 15_000) {
  const deadline = Date.now() + maxMs;
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const { unique, pendingCatchUp } = await pool.progress();
    if (unique >= expected || Date.now() > deadline) return;
    if (unique !== last || pendingCatchUp > 0) {
      last = unique;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs) return;
    await sleep(50);
  }
}

export const rangeTotal = (ranges: PublishReport["ranges"]) => Object.values(ranges).reduce((n, [a, b]) => n + b - a + 1, 0);

function toLoadResult(scenario: string, ctx: BenchContext, plan: PublishPlan, report: PublishReport, got: PooledCollect, t0: number, procs: WatchResult, main: MainThreadStates): LoadResult {
  const clientCpu = Object.entries(procs).filter(([k]) => k.startsWith("client")).reduce((n, [, v]) => n + v.cpuPercent, 0);
  const deliveredWindow = (got.lastAt - t0) / 1000;
  const events = got.received || 1;
  return {
    scenario, server: ctx.server.name, connections: plan.sessionIds.length,
    targetPerSec: plan.ratePerSession > 0 ? plan.ratePerSession * plan.sessionIds.length : null,
    sentPerSec: report.sent / (report.elapsedMs / 1000),
    deliveredPerSec: deliveredWindow > 0 ? got.unique / deliveredWindow : 0,
    latencyMs: percentiles(got.latencies), schedLatencyMs: percentiles(got.schedLatencies),
    expected: got.expected, lost: got.lost, dups: got.dups,
    serverCpuPercent: procs.server?.cpuPercent ?? 0, serverPeakRssMb: (procs.server?.peakRssBytes ?? 0) / MB, clientsCpuPercent: clientCpu,
    othersCpuPercent: procs.others?.cpuPercent ?? 0,
    serverMainThread: main,
    publisherLagP99Ms: report.lagP99Ms, wireBytesPerEvent: got.wireBytes / events, payloadBytesPerEvent: got.payloadChars / events,
    publishErrors: report.errors,
    extra: {
      publisherLagMaxMs: report.lagMaxMs,
      ...(report.firstError ? { firstPublishError: report.firstError } : {}),
      ...(got.reconnectMs.length || got.notCaughtUp
        ? {
            reconnectMs: percentiles(got.reconnectMs), catchUpMs: percentiles(got.catchUpMs), notCaughtUp: got.notCaughtUp,
            maxReconnectAttempts: got.maxReconnectAttempts, connectErrors: got.connectErrors, connectErrorSample: got.connectErrorSample,
          }
        : {}),
    },
  };
}

/**
 * One load scenario: publish per `plan` inside the server, wait for the clients to drain, and
 * measure. `during` runs concurrently with publishing (the drop scenario kills transports there).
 */
export async function runLoad(scenario: string, ctx: BenchContext, plan: PublishPlan, during?: () => Promise<void>): Promise<LoadResult> {
  const { server, pool } = ctx;
  await pool.reset();
  const watch = watchProcs({ server: server.pid, ...pool.pids, orchestrator: process.pid });
  const mainThread = sampleMainThread(server.pid);
  const t0 = nowMs();
  const [report] = await Promise.all([server.publish(plan), during?.()]);
  // Main-thread states cover the publishing window only, where "idle" means spare capacity.
  const main = mainThread.stop();
  await waitDelivered(pool, rangeTotal(report.ranges));
  const procs = watch.stop();
  const got = await pool.collect(report.ranges);
  return toLoadResult(scenario, ctx, plan, report, got, t0, procs, main);
}

/** (f) Every client's TCP connection destroyed at 40 % of the run; clients reconnect with lastEventId. */
export async function runDrop(scenario: string, ctx: BenchContext, plan: PublishPlan): Promise<LoadResult> {
  let killed = 0;
  const result = await runLoad(scenario, ctx, plan, async () => {
    await sleep(plan.durationMs * 0.4);
    killed = await ctx.pool.drop();
  });
  result.extra = { ...result.extra, killed };
  return result;
}

/** (e) RSS and heap growth per idle connection, then after each connection got one 8 KB preview. */
export async function runIdleMemory(ctx: BenchContext, count: number): Promise<MemoryResult> {
  const { server, pool } = ctx;
  const sessions = await server.createSessions(count);
  await sleep(500);
  const before = await server.usage(true);
  const connected = await pool.connect(server.url, sessions);
  await server.waitConnections(connected.connected);
  await sleep(1_000);
  const idle = await server.usage(true);
  await pool.reset();
  const plan: PublishPlan = { sessionIds: sessions.map((s) => s.sessionId), ratePerSession: 2_000 / count, durationMs: (count / 2_000) * 1000, kind: "preview", maxEvents: count };
  const report = await server.publish(plan);
  await waitDelivered(pool, rangeTotal(report.ranges));
  const got = await pool.collect(report.ranges);
  await sleep(500);
  const after = await server.usage(true);
  const perConn = (bytes: number) => bytes / 1024 / Math.max(1, connected.connected);
  await disconnectAll(ctx);
  return {
    server: server.name, connections: connected.connected, failed: connected.failed, connectMs: connected.ms,
    rssPerConnKb: perConn(idle.rss - before.rss), heapPerConnKb: perConn(idle.heapUsed - before.heapUsed),
    rssPerConnAfterPreviewKb: perConn(after.rss - before.rss), heapPerConnAfterPreviewKb: perConn(after.heapUsed - before.heapUsed),
    externalPerConnAfterPreviewKb: perConn(after.external - before.external),
    previewLost: got.lost,
  };
}
