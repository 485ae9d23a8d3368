import { nowMs } from "./driver/bench-payloads";
import { percentiles, type Percentiles } from "./percentiles";
import { pollHealth } from "./replay-storm";
import { rangeTotal, waitDelivered, type BenchContext } from "./scenarios";

/*
 * Catch-up storm: `sessions` sessions each log `logged` events with nobody watching; then one
 * socket per session connects at once with lastEventId 0 while every session keeps publishing
 * live. Each socket must replay its log (several replay turns each) while its live events are held
 * for it. Measured: how long after the live publishing ended the last socket held everything
 * (the catch-up's tail), and GET /api/health meanwhile. It tests the suspicion, from the 04:05 run
 * of 2026-12-02, that sockets catching up together starve (one replay turn per loop iteration for
 * the whole process): see docs/BENCH.md for what it showed.
 */

export interface CatchUpStormOptions {
  sessions: number;
  logged: number;
  ratePerSession: number;
  durationMs: number;
}

export interface CatchUpStormResult extends CatchUpStormOptions {
  server: string;
  /** Live publishing ended → every socket held every event (null: not by the end of the wait). */
  tailMs: number | null;
  liveSentPerSec: number;
  lost: number;
  dups: number;
  health: Percentiles | null;
}

export async function runCatchUpStorm(ctx: BenchContext, options: CatchUpStormOptions): Promise<CatchUpStormResult> {
  const { server, pool } = ctx;
  const sessions = await server.createSessions(options.sessions);
  const sessionIds = sessions.map((s) => s.sessionId);
  const logged = await server.publish({
    sessionIds, ratePerSession: 1_000, durationMs: (options.logged / 1_000) * 1000 * 4, maxEvents: options.logged * options.sessions, kind: "step",
  });
  await pool.reset();
  const health = pollHealth(server.url);
  const [live] = await Promise.all([
    server.publish({ sessionIds, ratePerSession: options.ratePerSession, durationMs: options.durationMs, kind: "step" }),
    pool.connect(server.url, sessions),
  ]);
  const liveEnded = nowMs();
  const ranges: Record<string, [number, number]> = {};
  for (const id of sessionIds) ranges[id] = [1, Math.max(logged.ranges[id]?.[1] ?? 0, live.ranges[id]?.[1] ?? 0)];
  const expected = rangeTotal(ranges);
  await waitDelivered(pool, expected, 10_000, 180_000);
  const doneAt = nowMs();
  const polled = await health.stop();
  const got = await pool.collect(ranges);
  await pool.disconnectAll();
  await server.waitConnections(0);
  return {
    ...options, server: server.name, tailMs: got.lost === 0 ? doneAt - liveEnded : null, liveSentPerSec: live.sent / (live.elapsedMs / 1000),
    lost: got.lost, dups: got.dups, health: percentiles(polled.latencies),
  };
}

export function renderCatchUpStorm(r: CatchUpStormResult): string {
  return (
    `catch-up storm on ${r.server}: ${r.sessions.toLocaleString("en-US")} sockets replay ${r.logged} logged events each from lastEventId 0 while ` +
    `${r.ratePerSession} ev/s per session go on live for ${r.durationMs / 1000} s (sent ${Math.round(r.liveSentPerSec)}/s): ` +
    (r.tailMs === null ? `NOT all delivered when the wait ended, ${r.lost} missing` : `last socket complete ${(r.tailMs / 1000).toFixed(2)} s after live publishing ended`) +
    `, lost ${r.lost}, dup ${r.dups}; GET /api/health p50 ${r.health?.p50.toFixed(1)} ms, p99 ${r.health?.p99.toFixed(1)} ms`
  );
}
