import BetterSqlite3 from "better-sqlite3";
import path from "node:path";
import { Client } from "pg";

/*
 * The raw-driver baselines of `commit-path.ts`, in the same run: the same rows (1,000 sessions ×
 * one `generation:step` event per flush, its payload serialised per event) written with the
 * drivers alone — no Kysely, no EventService, no zod, no promise per event. "inserts" writes the
 * event rows only (what the drivers can do); "+ heads" also moves each session's fenced head with
 * the statements the store uses, so its ratio to the store's append is the store's own overhead.
 */

export interface RawResult {
  perSec: number;
  flushes: number;
  /** This process's CPU per event (the driver's and, for SQLite, the database's own work). */
  cpuMicros: number;
}

type Template = Record<string, unknown>;
const payloadOf = (template: Template, id: string, seq: number, timestamp: string) => JSON.stringify({ ...template, session_id: id, seq, timestamp });

/** better-sqlite3 prepared single-row INSERTs (and head UPDATEs) in one transaction per flush. */
export function measureRawSqlite(dataDir: string, ids: string[], template: Template, seconds: number, heads: boolean): RawResult {
  const db = new BetterSqlite3(path.join(dataDir, "openv0.db"));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    const insert = db.prepare("INSERT INTO events (session_id, seq, type, payload, created_at) VALUES (?, ?, ?, ?, ?)");
    const move = db.prepare("UPDATE sessions SET last_seq = ? WHERE id = ? AND last_seq = ?");
    const flush = db.transaction((seq: number, timestamp: string) => {
      for (const id of ids) {
        if (heads && move.run(seq, id, seq - 1).changes !== 1) throw new Error("head moved");
        insert.run(id, seq, "generation:step", payloadOf(template, id, seq, timestamp), timestamp);
      }
    });
    return loop(seconds, ids.length, (seq) => flush(seq, new Date().toISOString()));
  } finally {
    db.close();
  }
}

/** One multi-row INSERT … VALUES (…),(…) per flush through `pg` (and the store's head move, unnest-ed). */
export async function measureRawPostgres(url: string, ids: string[], template: Template, seconds: number, heads: boolean): Promise<RawResult> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const values = ids.map((_, i) => `($${5 * i + 1}, $${5 * i + 2}, $${5 * i + 3}, $${5 * i + 4}, $${5 * i + 5})`).join(", ");
    const insert = `INSERT INTO events (session_id, seq, type, payload, created_at) VALUES ${values}`;
    const move = "UPDATE sessions AS s SET last_seq = v.last FROM unnest($1::text[], $2::int[], $3::int[]) AS v(id, prev, last) WHERE s.id = v.id AND s.last_seq = v.prev";
    return await loopAsync(seconds, ids.length, async (seq) => {
      const timestamp = new Date().toISOString();
      const params = ids.flatMap((id) => [id, seq, "generation:step", payloadOf(template, id, seq, timestamp), timestamp]);
      if (!heads) return void (await client.query(insert, params));
      await client.query("BEGIN");
      const moved = await client.query(move, [ids, ids.map(() => seq - 1), ids.map(() => seq)]);
      if (moved.rowCount !== ids.length) throw new Error("head moved");
      await client.query(insert, params);
      await client.query("COMMIT");
    });
  } finally {
    await client.end();
  }
}

function loop(seconds: number, perFlush: number, flush: (seq: number) => void): RawResult {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let flushes = 0;
  for (let seq = 1; performance.now() < started + seconds * 1000; seq++, flushes++) flush(seq);
  return result(started, cpu, flushes, perFlush);
}

async function loopAsync(seconds: number, perFlush: number, flush: (seq: number) => Promise<void>): Promise<RawResult> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let flushes = 0;
  for (let seq = 1; performance.now() < started + seconds * 1000; seq++, flushes++) await flush(seq);
  return result(started, cpu, flushes, perFlush);
}

function result(started: number, cpu: NodeJS.CpuUsage, flushes: number, perFlush: number): RawResult {
  const used = process.cpuUsage(cpu);
  return { perSec: (flushes * perFlush) / ((performance.now() - started) / 1000), flushes, cpuMicros: (used.user + used.system) / Math.max(1, flushes * perFlush) };
}
