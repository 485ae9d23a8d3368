import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPostgres } from "../../__tests__/helpers/postgres-server";
import type { SessionEvent, SessionEventInput } from "@/lib/protocol";
import { createLogger } from "@/lib/server/logger";
import { EventService } from "@/lib/server/realtime/event-service";
import { createRandomId, hashToken } from "@/lib/server/security/tokens";
import { openStore } from "@/lib/server/storage/kysely-store";
import type { Store } from "@/lib/server/storage/store";
import { measureRawPostgres, measureRawSqlite } from "./commit-raw";

/*
 * `npx tsx scripts/bench/commit-path.ts`: the publish path without sockets — EventService's group
 * commit on SQLite, on PostgreSQL 15 with fsync off (as in scenario h) and with PostgreSQL's
 * durable defaults (fsync, synchronous_commit, full_page_writes on). Two loads: 1,000 sessions
 * each awaiting its publishes one after another (like 1,000 running jobs), and one session alone
 * (every event its own commit: the latency floor). Same process, same machine, one after another.
 * It only uses `EventService.publish`, so it also runs on trees before the group commit ("commits"
 * then reads 0: those trees had no batch append to count). `COMMIT_BENCH_FLOORS=1` adds, in the
 * same run, the store's append alone, the path without a database and the raw drivers on the
 * same rows (commit-raw.ts; their ratios are the figures to compare on a busy machine); `COMMIT_BENCH_STORES` (sqlite,pg,pg-durable) and
 * `COMMIT_BENCH_SESSIONS` (1000,1) pick what runs.
 */

const SECONDS = Number(process.env.COMMIT_BENCH_SECONDS ?? 4);
/** Which stores to run, comma-separated: sqlite, pg, pg-durable (default: all three). */
const STORES = new Set((process.env.COMMIT_BENCH_STORES ?? "sqlite,pg,pg-durable").split(","));
/** Session counts to run, comma-separated (default: 1000 and 1). */
const SESSION_COUNTS = (process.env.COMMIT_BENCH_SESSIONS ?? "1000,1").split(",").map(Number);
const step = (sessionId: string): SessionEventInput => ({
  type: "generation:step",
  data: {
    session_id: sessionId, timestamp: new Date().toISOString(), step_id: "s", step_number: 1, total_steps: 1,
    status: "in_progress", progress: 0, message: "a step message of a realistic length, about eighty characters", estimated_remaining: 0, title: "S",
  },
});

async function createSessions(store: Store, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = createRandomId();
    await store.createSession({ id, projectId: createRandomId(), prompt: "commit bench", tokenHash: hashToken(id), viewerTokenHash: hashToken(id), engine: "template", baseVersion: null, newProjectTokenHash: hashToken(id) });
    ids.push(id);
  }
  return ids;
}

/** What a variant measured; `cpuMicros`: this process's CPU (user + system) per event, which a busy box inflates less than wall time. */
type Result = { perSec: number; flushes: number; perFlush: number; p99Ms: number; cpuMicros: number };
const cpuSince = (start: NodeJS.CpuUsage, events: number) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / Math.max(1, events);
};

async function measure(store: Store, sessions: number): Promise<Result> {
  const ids = await createSessions(store, sessions);
  let flushes = 0;
  let published = 0;
  const counted: Store = { ...store, appendEvents: (events, advances) => (flushes++, store.appendEvents(events, advances)) };
  const events = new EventService({ store: counted, logger: createLogger({ level: "silent" }), broadcast: () => undefined });
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    ids.map(async (id) => {
      while (performance.now() < until) {
        const t = performance.now();
        await events.publish(id, step(id));
        published++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000;
  return { perSec: published / elapsed, flushes, perFlush: published / Math.max(1, flushes), p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0, cpuMicros: cpuSince(cpu, published) };
}

/**
 * The store's append alone, in the same run: batches of one event per session (as the 1,000-
 * session load flushes), appended back to back, with no EventService, no zod and no promises per
 * event. Its ratio to the publish path is what the rest of the path costs.
 */
async function measureAppendAlone(store: Store, sessions: number): Promise<Result> {
  const ids = await createSessions(store, sessions);
  const template = step("x").data;
  let flushes = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + SECONDS * 1000;
  for (let seq = 1; performance.now() < until; seq++) {
    const timestamp = new Date().toISOString();
    const events = ids.map((id) => ({ type: "generation:step", data: { ...template, session_id: id, seq, timestamp } }) as SessionEvent);
    await store.appendEvents(events, ids.map((id) => ({ sessionId: id, fromSeq: seq - 1, toSeq: seq, status: "running" as const, fromStatus: seq === 1 ? ("queued" as const) : ("running" as const), updatedAt: timestamp })));
    flushes++;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { perSec: (flushes * sessions) / elapsed, flushes, perFlush: sessions, p99Ms: 0, cpuMicros: cpuSince(cpu, flushes * sessions) };
}

/** Where a store lives: a SQLite directory or a PostgreSQL URL (the raw baselines open it themselves). */
type Target = { dataDir: string; databaseUrl?: string };
type Measure = (store: Store, sessions: number, target: Target) => Promise<Result>;
/** The publish path with an append that writes nothing: what the path costs without the database. */
const withoutDatabase: Measure = (store, sessions) => measure({ ...store, appendEvents: async () => undefined }, sessions);

/** The raw driver on the same rows (see commit-raw.ts); the sessions are made by the store first. */
const rawDriver = (heads: boolean): Measure => async (store, sessions, target) => {
  const ids = await createSessions(store, sessions);
  const template = step("x").data;
  const r = target.databaseUrl
    ? await measureRawPostgres(target.databaseUrl, ids, template, SECONDS, heads)
    : measureRawSqlite(target.dataDir, ids, template, SECONDS, heads);
  return { ...r, perFlush: sessions, p99Ms: 0 };
};

async function runStore(name: string, target: () => Target): Promise<string[]> {
  const lines: string[] = [];
  const variants: [string, Measure][] = [["", measure]];
  if (process.env.COMMIT_BENCH_FLOORS === "1") {
    variants.push([" · append alone", measureAppendAlone], [" · no database", withoutDatabase], [" · raw driver, inserts", rawDriver(false)], [" · raw driver, inserts + heads", rawDriver(true)]);
  }
  for (const sessions of SESSION_COUNTS) {
    for (const [variant, run] of variants) {
      if (variant && sessions === 1) continue;
      const where = target();
      const store = await openStore(where);
      try {
        const r = await run(store, sessions, where);
        lines.push(
          `${(name + variant).padEnd(40)} ${String(sessions).padStart(5)} sessions  ${Math.round(r.perSec).toLocaleString("en-US").padStart(7)} events/s  ` +
            `${r.flushes.toLocaleString("en-US").padStart(6)} commits (${r.perFlush.toFixed(1)} events each)  publish p99 ${r.p99Ms.toFixed(2)} ms  CPU ${r.cpuMicros.toFixed(1)} µs/event`,
        );
        console.log(lines.at(-1));
      } finally {
        await store.close();
      }
    }
  }
  return lines;
}

async function main(): Promise<void> {
  console.log(`commit path: ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, ${SECONDS} s per run`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "openv0-commit-"));
  try {
    if (STORES.has("sqlite")) await runStore("SQLite (WAL, NORMAL)", () => ({ dataDir: path.join(dir, String(Math.random())) }));
    for (const durable of [false, true]) {
      if (!STORES.has(durable ? "pg-durable" : "pg")) continue;
      const pg = await startPostgres({ durable });
      try {
        await runStore(`PostgreSQL fsync ${durable ? "on" : "off"}`, () => ({ databaseUrl: pg.url, dataDir: dir }));
      } finally {
        await pg.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
