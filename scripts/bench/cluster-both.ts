import { nowMs } from "./driver/bench-payloads";
import type { PublishPlan, PublishReport } from "./driver/publish-loop";
import type { ClientPool } from "./client-pool";
import type { ClusterConfig, ClusterNodes } from "./cluster";
import { watchProcs } from "./proc-stats";
import { percentiles, type Percentiles } from "./percentiles";
import { rangeTotal, waitDelivered } from "./scenarios";
import type { BenchServer } from "./server-control";

/*
 * (h) both nodes publishing: does a second node add capacity? A and B each publish to their own
 * sessions at the ceiling probe's rate (each asked what the single PG+Redis node is asked), every
 * session watched once on A and once on B, like the single node's probe (two watchers per session).
 * Compared with that probe's sent/s: the ratio is what two nodes deliver per what one node does.
 */

export interface BothPublishingResult {
  askedPerSec: number;
  sentPerSec: { a: number; b: number; total: number };
  deliveredPerSec: number;
  latencyMs: Percentiles | null;
  lost: number;
  dups: number;
  cpu: { a: number; b: number; redis: number; postgres: number; others: number };
}

export async function runBothPublishing(nodes: ClusterNodes, pool: ClientPool, cfg: ClusterConfig): Promise<BothPublishingResult> {
  const { a, b } = nodes;
  const [onA, onB] = await Promise.all([a.createSessions(cfg.sessions), b.createSessions(cfg.sessions)]);
  const all = [...onA, ...onB];
  for (const [server, group] of [[a, "A"], [b, "B"]] as [BenchServer, string][]) {
    const result = await pool.connect(server.url, all, group);
    if (result.failed) throw new Error(`${server.name}: ${result.failed} sockets refused (${result.firstError})`);
  }
  await Promise.all([a.waitConnections(all.length), b.waitConnections(all.length)]);
  const planOf = (sessions: typeof onA, durationMs: number): PublishPlan => ({
    sessionIds: sessions.map((s) => s.sessionId), ratePerSession: cfg.probe.ratePerSession, durationMs, kind: "step",
  });
  const publishBoth = (durationMs: number) => Promise.all([a.publish(planOf(onA, durationMs)), b.publish(planOf(onB, durationMs))]);
  const rangesOf = (reports: PublishReport[]) => Object.assign({}, ...reports.map((r) => r.ranges)) as PublishReport["ranges"];
  try {
    await pool.reset();
    const warm = await publishBoth(cfg.warmupMs);
    await waitDelivered(pool, rangeTotal(rangesOf(warm)) * 2, 1_000, 5_000);
    await pool.reset();
    const trees = { redis: nodes.redis.proc.pid!, postgres: nodes.postgres.proc.pid! };
    const watch = watchProcs({ a: a.pid, b: b.pid, ...pool.pids, orchestrator: process.pid }, 200, trees);
    const t0 = nowMs();
    const [ra, rb] = await publishBoth(cfg.probe.durationMs);
    const ranges = rangesOf([ra, rb]);
    await waitDelivered(pool, rangeTotal(ranges) * 2);
    const procs = watch.stop();
    const got = await pool.collect(ranges);
    const rate = (r: PublishReport) => r.sent / (r.elapsedMs / 1000);
    return {
      askedPerSec: 2 * cfg.probe.ratePerSession * cfg.sessions,
      sentPerSec: { a: rate(ra), b: rate(rb), total: rate(ra) + rate(rb) },
      deliveredPerSec: got.unique / ((got.lastAt - t0) / 1000),
      latencyMs: percentiles(got.latencies), lost: got.lost, dups: got.dups,
      cpu: {
        a: procs.a?.cpuPercent ?? 0, b: procs.b?.cpuPercent ?? 0, redis: procs.redis?.cpuPercent ?? 0,
        postgres: procs.postgres?.cpuPercent ?? 0, others: procs.others?.cpuPercent ?? 0,
      },
    };
  } finally {
    await pool.disconnectAll();
    await Promise.all([a.waitConnections(0), b.waitConnections(0)]);
  }
}

export function renderBothPublishing(r: BothPublishingResult, oneNodeSentPerSec: number | undefined): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const ratio = oneNodeSentPerSec ? (r.sentPerSec.total / oneNodeSentPerSec).toFixed(2) : "–";
  return (
    `h both nodes publishing (asked ${n(r.askedPerSec)}/s, 2 watchers per session, one on each node): sent ${n(r.sentPerSec.total)}/s ` +
    `(A ${n(r.sentPerSec.a)} + B ${n(r.sentPerSec.b)}), delivered ${n(r.deliveredPerSec)} socket events/s, p50 ${r.latencyMs?.p50.toFixed(1)} ms, ` +
    `p99 ${r.latencyMs?.p99.toFixed(1)} ms, lost ${r.lost}, dup ${r.dups}; CPU A ${r.cpu.a.toFixed(0)}%, B ${r.cpu.b.toFixed(0)}%, ` +
    `redis ${r.cpu.redis.toFixed(0)}%, postgres ${r.cpu.postgres.toFixed(0)}%, others ${r.cpu.others.toFixed(0)}%; ` +
    `vs one PG+Redis node's ceiling ${oneNodeSentPerSec ? n(oneNodeSentPerSec) : "–"}/s: × ${ratio}`
  );
}
