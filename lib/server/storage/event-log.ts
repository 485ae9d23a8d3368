import type BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import type { SessionEvent } from "@/lib/protocol";
import type { Db, Dialect } from "./database";
import { MAX_APPEND_BATCH, SeqConflictError, type SessionAdvance, type SessionHead } from "./store";

/*
 * The event log's hot statements. A group commit appends every event of the flush and moves the
 * head of every session it touches, fenced on each session's previous `last_seq`, atomically:
 * At most MAX_APPEND_BATCH events per append.
 * - SQLite: one better-sqlite3 transaction of prepared single-row statements (in-process calls,
 *   ~2 µs each; SQLite runs a 1,000-row UPDATE … FROM (VALUES …) 40× slower than 1,000 of them,
 *   and prepared 100-row INSERTs measured 0.87× the speed of single-row ones, docs/BENCH.md).
 * - Heads: `updated_at` (indexed; read only to find finished sessions to compact) moves only when
 *   the status does, so a flush that continues a running session rewrites no index of `sessions`
 *   (on PostgreSQL that, with the half-full pages of migrations/hot-heads.ts, keeps the update HOT).
 * - PostgreSQL: ONE statement (one round trip, atomic on its own): the UPDATE of the heads is a
 *   data-modifying CTE of the INSERT, which only runs when the UPDATE moved every session.
 */

/** Sessions per head lookup. */
const HEAD_CHUNK = 500;

type Row = { type: string; payload: string };
/** Trusted rows: validated by zod when they were appended. */
const toEvent = (r: Row) => ({ type: r.type, data: JSON.parse(r.payload) }) as SessionEvent;

export async function readSessionHeads(db: Db, sessionIds: string[]): Promise<Map<string, SessionHead>> {
  const heads = new Map<string, SessionHead>();
  for (let i = 0; i < sessionIds.length; i += HEAD_CHUNK) {
    const rows = await db
      .selectFrom("sessions")
      .select(["id", "last_seq", "status"])
      .where("id", "in", sessionIds.slice(i, i + HEAD_CHUNK))
      .execute();
    for (const row of rows) heads.set(row.id, { lastSeq: Number(row.last_seq), status: row.status });
  }
  return heads;
}

export async function readEventPage(db: Db, sessionId: string, afterSeq: number, limit: number): Promise<SessionEvent[]> {
  const rows = await db
    .selectFrom("events")
    .select(["type", "payload"])
    .where("session_id", "=", sessionId)
    .where("seq", ">", afterSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
};

export type AppendBatch = (events: SessionEvent[], advances: SessionAdvance[]) => Promise<void>;

/** The group-commit append for the opened database; it throws SeqConflictError on a moved head. */
export function createBatchAppender(db: Db, dialect: Dialect, sqlite?: BetterSqlite3.Database): AppendBatch {
  if (dialect === "sqlite" && !sqlite) throw new Error("the SQLite event log needs the raw better-sqlite3 handle");
  const append: AppendBatch = sqlite ? createSqliteAppender(db, sqlite) : (events, advances) => appendInOneStatement(db, events, advances);
  return async (events, advances) => {
    if (events.length === 0) return;
    // 5 parameters a row: well below PostgreSQL's 65,535 and SQLite's 32,766 per statement.
    if (events.length > MAX_APPEND_BATCH) throw new Error(`at most ${MAX_APPEND_BATCH} events per append`);
    try {
      await append(events, advances);
    } catch (error) {
      throw isUniqueViolation(error) ? new SeqConflictError() : error;
    }
  };
}

function createSqliteAppender(db: Db, sqlite: BetterSqlite3.Database): AppendBatch {
  const moveHead = sqlite.prepare("UPDATE sessions SET last_seq = ?, status = ?, updated_at = ? WHERE id = ? AND last_seq = ?");
  // Most flushes leave a session's status as it was: then only the fenced seq moves (no index touched).
  const moveSeq = sqlite.prepare("UPDATE sessions SET last_seq = ? WHERE id = ? AND last_seq = ?");
  const insert = sqlite.prepare("INSERT INTO events (session_id, seq, type, payload, created_at) VALUES (?, ?, ?, ?, ?)");
  const write = sqlite.transaction((events: SessionEvent[], advances: SessionAdvance[]) => {
    for (const a of advances) {
      const moved = a.fromStatus === a.status
        ? moveSeq.run(a.toSeq, a.sessionId, a.fromSeq)
        : moveHead.run(a.toSeq, a.status, a.updatedAt, a.sessionId, a.fromSeq);
      if (moved.changes !== 1) throw new SeqConflictError();
    }
    for (const e of events) insert.run(e.data.session_id, e.data.seq, e.type, JSON.stringify(e.data), e.data.timestamp);
  });
  // Kysely's single SQLite connection is held meanwhile, so no Kysely transaction is open around
  // this one (its writes would otherwise join that transaction and share its fate).
  return (events, advances) => db.connection().execute(async () => write(events, advances));
}

/**
 * The flush's rows as one JSON parameter: one `JSON.stringify` of the batch, with each payload
 * nested as an object (not a string escaped again inside a text[] literal, which was the driver's
 * top frame). PostgreSQL keeps a `json` value's text as written, so `payload` is what
 * `JSON.stringify(data)` gives. JSON text with a `\u` escape (a NUL, a lone surrogate: valid
 * text, refused by PostgreSQL's JSON) goes as text[] columns instead, as it always did.
 */
function eventRows(events: SessionEvent[]) {
  const rows = JSON.stringify(events.map((e) => ({ s: e.data.session_id, q: e.data.seq, t: e.type, c: e.data.timestamp, p: e.data })));
  if (!rows.includes("\\u")) return sql`SELECT r.s, r.q, r.t, r.p::text, r.c FROM json_to_recordset(${rows}::json) AS r(s text, q int, t text, c text, p json)`;
  return sql`SELECT * FROM unnest(${events.map((e) => e.data.session_id)}::text[], ${events.map((e) => e.data.seq)}::int[],
    ${events.map((e) => e.type)}::text[], ${events.map((e) => JSON.stringify(e.data))}::text[], ${events.map((e) => e.data.timestamp)}::text[])`;
}

/**
 * One round trip, seven parameters whatever the batch size (heads as `unnest`ed column arrays, rows
 * as one JSON value, see eventRows; a 1,000-row VALUES list took ~26 ms just to plan). When a session's head moved, `u` returns fewer
 * rows than asked and the filter raises a cast error (a plain boolean filter would still commit
 * the UPDATE half), so the whole statement — UPDATE included — is rolled back.
 */
async function appendInOneStatement(db: Db, events: SessionEvent[], advances: SessionAdvance[]): Promise<void> {
  try {
    await sql`
      WITH v AS (
        SELECT * FROM unnest(${advances.map((a) => a.sessionId)}::text[], ${advances.map((a) => a.fromSeq)}::int[],
          ${advances.map((a) => a.toSeq)}::int[], ${advances.map((a) => a.status)}::text[], ${advances.map((a) => a.updatedAt)}::text[])
          AS v(id, prev, last, status, at)
      ),
      u AS (
        UPDATE sessions AS s SET last_seq = v.last, status = v.status,
          updated_at = CASE WHEN s.status = v.status THEN s.updated_at ELSE v.at END
        FROM v WHERE s.id = v.id AND s.last_seq = v.prev RETURNING s.id
      )
      INSERT INTO events (session_id, seq, type, payload, created_at)
      ${eventRows(events)}
      WHERE (SELECT CASE WHEN count(*) = ${advances.length} THEN true
                         ELSE ('openv0 seq conflict ' || count(*))::boolean END FROM u)`.execute(db);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (message.includes("openv0 seq conflict")) throw new SeqConflictError();
    throw error;
  }
}
