import { startPostgres, type RunningPostgres } from "../../__tests__/helpers/postgres-server";
import { startRedis, type RunningRedis } from "../../__tests__/helpers/redis-server";
import { nowMs } from "./driver/bench-payloads";
import type { PublishPlan } from "./driver/publish-loop";
import type { ClientPool } from "./client-pool";
import { sampleMainThread, watchProcs } from "./proc-stats";
import { percentiles } from "./percentiles";
import { type LoadResult } from "./report";
import { rangeTotal, waitDelivered } from "./scenarios";
import { onKillAll, startBenchServer, type BenchServer } from "./server-control";

/*
 * Scenario (h): the cluster path. Two production OpenV0 nodes A and B share one Redis (Socket.IO
 * Redis Streams adapter; `openv0:event` reaches other nodes through `io.serverSideEmit`) and one
 * PostgreSQL. Every session has two watchers: one on A, which publishes, and one on B, which gets
 * each event from Redis. The same load (same sessions × rate, two watchers per session) then runs
 * on ONE node with the same PostgreSQL + Redis configuration, and on one node with the default
 * SQLite and no Redis, so the table separates "PostgreSQL + Redis" from "another node".
 */

export interface ClusterConfig {
  sessions: number;
  ratePerSession: number;
  durationMs: number;
  /** Unmeasured publishing at the same rate right before each measured run (JIT, pools, caches). */
  warmupMs: number;
  /**
   * After its measured run, the 1-node PG+Redis set-up is asked for `ratePerSession` × sessions
   * events/s for `durationMs` on the same sockets, then twice that, and so on (at most `steps`
   * rates) until it sends less than 95 % of what it is asked: the most it sent per second is its
   * ceiling. `ratePerSession` is left at the rate that saturated it (what cluster-both asks).
   */
  probe: { ratePerSession: number; durationMs: number; steps?: number };
}

export interface ClusterNodes {
  redis: RunningRedis;
  postgres: RunningPostgres;
  /** Publisher of the two-node run. */
  a: BenchServer;
  /** The other node of the two-node run: its sockets get every event through Redis. */
  b: BenchServer;
  /** One node, PostgreSQL + Redis, alone on its own Redis database (so A and B never see its events). */
  single: BenchServer;
  /** One node, SQLite, no Redis: the default deployment. */
  sqlite: BenchServer;
  servers: BenchServer[];
  stop: () => Promise<void>;
}

export interface ClusterRow extends LoadResult {
  /** "2 nodes, PG+Redis", "1 node, PG+Redis", "1 node, SQLite". */
  setup: string;
  /** Which sockets the row measures. */
  clients: string;
  /** CPU % (100 = one core) over the measured run; null where the process took no part. */
  cpu: { publisher: number; otherNode: number | null; redis: number | null; postgres: number | null };
}

/**
 * Starts Redis and PostgreSQL (the test helpers' throw-away servers), node A alone (it runs the
 * migrations on the empty database), then B, the single PG+Redis node and the SQLite node. On any
 * failure it stops what it started and rethrows; every exit path of the bench also kills them.
 */
export async function startClusterNodes(log: (line: string) => void): Promise<ClusterNodes> {
  const started: BenchServer[] = [];
  let redis: RunningRedis | undefined;
  let postgres: RunningPostgres | undefined;
  const unregister: (() => void)[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((s) => s.stop()));
    await Promise.allSettled([redis?.stop(), postgres?.stop()]);
    unregister.forEach((u) => u());
  };
  const booting: Promise<unknown>[] = [];
  const boot = (name: string, env?: Record<string, string>) => {
    const promise = startBenchServer("openv0", { name, env }).then((s) => (started.push(s), s));
    booting.push(promise);
    // Awaited later (or only settled on failure): never an unhandled rejection meanwhile.
    promise.catch(() => undefined);
    return promise;
  };
  try {
    // The SQLite node needs neither Redis nor PostgreSQL: it boots meanwhile.
    const sqliteNode = boot("h-sqlite");
    const [r, p] = await Promise.allSettled([startRedis(), startPostgres()]);
    if (r.status === "fulfilled") redis = r.value;
    if (p.status === "fulfilled") postgres = p.value;
    // Last resort for a killed or timed-out bench (the helpers' reapers also act when we exit).
    if (redis) unregister.push(onKillAll(() => redis!.proc.kill("SIGKILL")));
    if (postgres) unregister.push(onKillAll(() => postgres!.proc.kill("SIGQUIT")));
    if (r.status === "rejected") throw r.reason;
    if (p.status === "rejected") throw p.reason;
    const pg = postgres!;
    const rd = redis!;
    log(`h: redis ${rd.url}, postgres ${pg.url}`);
    const clusterEnv = { REDIS_URL: rd.url, DATABASE_URL: pg.url, WORKER_IN_WEB: "0" };
    const a = await boot("h-node-A", clusterEnv);
    const [b, single, sqlite] = await Promise.all([
      boot("h-node-B", clusterEnv),
      // Same Redis server and PostgreSQL, but Redis database 1: its adapter traffic never reaches A or B.
      boot("h-single-pg", { ...clusterEnv, REDIS_URL: `${rd.url}/1` }),
      sqliteNode,
    ]);
    return { redis: rd, postgres: pg, a, b, single, sqlite, servers: [a, b, single, sqlite], stop };
  } catch (error) {
    // Let nodes still booting finish (or fail), so stop() gets them too.
    await Promise.allSettled(booting);
    await stop();
    throw error;
  }
}

interface RunSpec {
  setup: string;
  publisher: BenchServer;
  otherNode?: BenchServer;
  /** Where the two watchers of each session connect, and the group label of each. */
  watchers: [BenchServer, string][];
  /** Rows to report: a group label (undefined = every socket) and its description. */
  report: [string | undefined, string][];
  clusterProcs: boolean;
  /** Also run the ceiling probe on these sockets. */
  probe?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitZero(servers: BenchServer[]) {
  await Promise.all([...new Set(servers)].map((s) => s.waitConnections(0)));
}

async function runOne(spec: RunSpec, nodes: ClusterNodes, pool: ClientPool, cfg: ClusterConfig): Promise<ClusterRow[]> {
  const sessions = await spec.publisher.createSessions(cfg.sessions);
  const perServer = new Map<BenchServer, number>();
  for (const [server, group] of spec.watchers) {
    const result = await pool.connect(server.url, sessions, group);
    if (result.failed) throw new Error(`${server.name}: ${result.failed} of ${sessions.length} sockets refused (${result.firstError})`);
    perServer.set(server, (perServer.get(server) ?? 0) + result.connected);
  }
  for (const [server, count] of perServer) {
    const seen = await server.waitConnections(count);
    if (seen !== count) throw new Error(`${server.name}: ${seen} connections, expected ${count}`);
  }
  const watchers = spec.watchers.length;
  const plan: PublishPlan = { sessionIds: sessions.map((s) => s.sessionId), ratePerSession: cfg.ratePerSession, durationMs: cfg.durationMs, kind: "step" };
  try {
    await pool.reset();
    const warm = await spec.publisher.publish({ ...plan, durationMs: cfg.warmupMs });
    await waitDelivered(pool, rangeTotal(warm.ranges) * watchers, 1_000, 5_000);
    await sleep(200);

    const trees: Record<string, number> = spec.clusterProcs ? { redis: nodes.redis.proc.pid!, postgres: nodes.postgres.proc.pid! } : {};
    const measure = async (plan: PublishPlan, scenario: string, suffix: string): Promise<ClusterRow[]> => {
      await pool.reset();
      const watch = watchProcs({ publisher: spec.publisher.pid, ...(spec.otherNode ? { otherNode: spec.otherNode.pid } : {}), ...pool.pids, orchestrator: process.pid }, 200, trees);
      const mainThread = sampleMainThread(spec.publisher.pid);
      const t0 = nowMs();
      const report = await spec.publisher.publish(plan);
      const main = mainThread.stop();
      await waitDelivered(pool, rangeTotal(report.ranges) * watchers);
      const procs = watch.stop();
      const clientsCpu = Object.entries(procs).filter(([k]) => k.startsWith("client")).reduce((n, [, v]) => n + v.cpuPercent, 0);
      const rows: ClusterRow[] = [];
      for (const [group, clients] of spec.report) {
        const got = await pool.collect(report.ranges, group);
        const window = (got.lastAt - t0) / 1000;
        const events = got.received || 1;
        rows.push({
          setup: spec.setup, clients: clients + suffix, scenario, server: spec.publisher.name,
          connections: group === undefined ? sessions.length * watchers : sessions.length,
          targetPerSec: plan.ratePerSession * sessions.length, sentPerSec: report.sent / (report.elapsedMs / 1000),
          deliveredPerSec: window > 0 ? got.unique / window : 0,
          latencyMs: percentiles(got.latencies), schedLatencyMs: percentiles(got.schedLatencies),
          expected: got.expected, lost: got.lost, dups: got.dups,
          serverCpuPercent: procs.publisher?.cpuPercent ?? 0, serverPeakRssMb: (procs.publisher?.peakRssBytes ?? 0) / 2 ** 20,
          clientsCpuPercent: clientsCpu, othersCpuPercent: procs.others?.cpuPercent ?? 0, serverMainThread: main,
          publisherLagP99Ms: report.lagP99Ms, wireBytesPerEvent: got.wireBytes / events, payloadBytesPerEvent: got.payloadChars / events,
          publishErrors: report.errors,
          cpu: {
            publisher: procs.publisher?.cpuPercent ?? 0,
            otherNode: spec.otherNode ? procs.otherNode?.cpuPercent ?? 0 : null,
            redis: spec.clusterProcs ? procs.redis?.cpuPercent ?? 0 : null,
            postgres: spec.clusterProcs ? procs.postgres?.cpuPercent ?? 0 : null,
          },
          extra: {
            publisherLagMaxMs: report.lagMaxMs,
            otherNodePeakRssMb: spec.otherNode ? (procs.otherNode?.peakRssBytes ?? 0) / 2 ** 20 : undefined,
            ...(report.firstError ? { firstPublishError: report.firstError } : {}),
          },
        });
      }
      return rows;
    };
    const rows = await measure(plan, `h ${cfg.sessions}×${cfg.ratePerSession}/s`, "");
    if (spec.probe) rows.push(...(await searchCeiling(cfg, (rate) => measure({ ...plan, ratePerSession: rate, durationMs: cfg.probe.durationMs }, `h probe ${cfg.sessions}×${rate}/s`, `, asked ${(rate * cfg.sessions).toLocaleString("en-US")}/s`))));
    return rows;
  } finally {
    await pool.disconnectAll();
    await waitZero(spec.watchers.map(([s]) => s));
  }
}

/** Fraction of the asked rate below which a probe counts as saturated. */
const SATURATED = 0.95;

/**
 * Raises the asked rate (×2 a step) until the node sends less than 95 % of it; every step is a
 * row, and the step that sent the most is repeated as the `h ceiling` row.
 */
export async function searchCeiling(cfg: ClusterConfig, probeAt: (ratePerSession: number) => Promise<ClusterRow[]>): Promise<ClusterRow[]> {
  const rows: ClusterRow[] = [];
  let rate = cfg.probe.ratePerSession;
  for (let step = 0; step < (cfg.probe.steps ?? 5); step++, rate *= 2) {
    const [row] = await probeAt(rate);
    if (!row) break;
    rows.push(row);
    if (row.sentPerSec < SATURATED * (row.targetPerSec ?? 0)) break;
  }
  const best = rows.reduce<ClusterRow | undefined>((a, r) => (!a || r.sentPerSec > a.sentPerSec ? r : a), undefined);
  if (!best) return rows;
  const last = rows.at(-1)!;
  const saturated = last.sentPerSec < SATURATED * (last.targetPerSec ?? 0);
  cfg.probe.ratePerSession = (last.targetPerSec ?? 0) / cfg.sessions || cfg.probe.ratePerSession;
  rows.push({ ...best, scenario: `h ceiling${saturated ? "" : " (not reached: every rate asked was sent)"}` });
  return rows;
}

/**
 * Runs the three set-ups one after another with the same plan: `sessions` × `ratePerSession`
 * step events for `durationMs`, two watchers per session, published by one node's bench driver.
 */
export async function runCluster(nodes: ClusterNodes, pool: ClientPool, cfg: ClusterConfig, log: (line: string) => void): Promise<ClusterRow[]> {
  const { a, b, single, sqlite } = nodes;
  const specs: RunSpec[] = [
    {
      setup: "2 nodes, PG+Redis", publisher: a, otherNode: b, watchers: [[a, "A"], [b, "B"]], clusterProcs: true,
      report: [["A", "on A (publisher)"], ["B", "on B (cross-node)"]],
    },
    { setup: "1 node, PG+Redis", publisher: single, watchers: [[single, "1"], [single, "2"]], clusterProcs: true, report: [[undefined, "all on it"]], probe: true },
    { setup: "1 node, SQLite", publisher: sqlite, watchers: [[sqlite, "1"], [sqlite, "2"]], clusterProcs: false, report: [[undefined, "all on it"]] },
  ];
  const rows: ClusterRow[] = [];
  for (const spec of specs) {
    const out = await runOne(spec, nodes, pool, cfg);
    for (const r of out) {
      log(`h ${r.setup}, ${r.clients}: sent ${Math.round(r.sentPerSec)}/s, deliv ${Math.round(r.deliveredPerSec)}/s, p50 ${r.latencyMs?.p50.toFixed(2)} ms, p99 ${r.latencyMs?.p99.toFixed(2)} ms, lost ${r.lost}, dup ${r.dups}, publisher CPU ${r.cpu.publisher.toFixed(0)}%, others ${r.othersCpuPercent.toFixed(0)}%`);
    }
    rows.push(...out);
  }
  return rows;
}
