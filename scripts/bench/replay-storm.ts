import { nowMs } from "./driver/bench-payloads";
import { percentiles, type Percentiles } from "./percentiles";
import { waitDelivered, type BenchContext } from "./scenarios";

/*
 * Replay storm: one session's log grows to N events with nobody watching; then 50 sockets connect
 * at once with lastEventId 0 while another client polls GET /api/health back to back. The health
 * latencies show whether the replay starves everyone else; every socket must get exactly 1..N.
 */

export interface ReplayStormResult {
  events: number;
  sockets: number;
  /** Connect of the 50 → every socket holds 1..N. */
  replayMs: number;
  replayedPerSec: number;
  lost: number;
  dups: number;
  health: Percentiles | null;
  healthRequests: number;
  healthFailures: number;
}

/** Polls `url` one request after another until stopped; latencies in ms. */
export function pollHealth(url: string) {
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = nowMs();
      try {
        const response = await fetch(`${url}/api/health`);
        await response.arrayBuffer();
        if (!response.ok) failures++;
      } catch {
        failures++;
      }
      latencies.push(nowMs() - started);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { latencies, failures };
    },
  };
}

export async function runReplayStorm(ctx: BenchContext, options: { events: number; sockets: number }): Promise<ReplayStormResult> {
  const { server, pool } = ctx;
  const [session] = await server.createSessions(1);
  // One session, one publish in flight at a time (like a job): the log grows with nobody watching.
  const report = await server.publish({
    sessionIds: [session!.sessionId], ratePerSession: 4_000, durationMs: (options.events / 4_000) * 1000 * 4,
    maxEvents: options.events, kind: "step",
  });
  const range = report.ranges[session!.sessionId];
  const events = range ? range[1] : 0;
  await pool.reset();
  const health = pollHealth(server.url);
  const started = nowMs();
  const connected = await pool.connect(server.url, Array.from({ length: options.sockets }, () => session!));
  if (connected.failed) throw new Error(`replay storm: ${connected.failed} sockets refused (${connected.firstError})`);
  await waitDelivered(pool, events * options.sockets, 5_000, 60_000);
  const replayMs = nowMs() - started;
  const polled = await health.stop();
  const got = await pool.collect({ [session!.sessionId]: [1, events] });
  await pool.disconnectAll();
  await server.waitConnections(0);
  return {
    events, sockets: options.sockets, replayMs, replayedPerSec: (got.unique / replayMs) * 1000, lost: got.lost, dups: got.dups,
    health: percentiles(polled.latencies), healthRequests: polled.latencies.length, healthFailures: polled.failures,
  };
}

export function renderReplayStorm(r: ReplayStormResult): string {
  const h = r.health;
  return (
    `replay storm: ${r.sockets} sockets replay a ${r.events.toLocaleString("en-US")}-event session from lastEventId 0: ` +
    // `lost` is what had not arrived when the wait ended (60 s, or 5 s without progress): on a
    // starved box that is a replay still under way, not an event the server lost.
    (r.lost === 0
      ? `all held 1..N after ${(r.replayMs / 1000).toFixed(2)} s`
      : `NOT all held 1..N when the wait ended after ${(r.replayMs / 1000).toFixed(2)} s: ${r.lost.toLocaleString("en-US")} socket-events missing (still replaying, or lost)`) +
    ` (${Math.round(r.replayedPerSec).toLocaleString("en-US")} events/s), lost ${r.lost}, dup ${r.dups}; ` +
    `meanwhile GET /api/health ×${r.healthRequests}: p50 ${h?.p50.toFixed(1)} ms, p99 ${h?.p99.toFixed(1)} ms, max ${h?.max.toFixed(1)} ms, failed ${r.healthFailures}`
  );
}
