import { sql, type RawBuilder } from "kysely";
import type { SessionEvent } from "@/lib/protocol";
import type { Db, Dialect } from "./database";
import { SeqConflictError, type SessionAdvance, type SessionHead } from "./store";

/*
 * The event log's hot statements, shared by both dialects. A group commit is one multi-row INSERT
 * plus one UPDATE of every session it touches, fenced on each session's previous `last_seq`:
 * - SQLite: BEGIN; UPDATE … FROM (VALUES …); INSERT … VALUES …; COMMIT — all in-process calls.
 * - PostgreSQL: ONE statement (one round trip, atomic on its own): the UPDATE and the INSERT are
 *   data-modifying CTEs, and the INSERT only keeps its rows when the UPDATE moved every session.
 */

/** Rows per INSERT statement (5 parameters each; far below both dialects' parameter limits). */
const INSERT_CHUNK = 1_000;
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

const int = (value: number) => sql`CAST(${value} AS INTEGER)`;

function advanceValues(advances: SessionAdvance[]): RawBuilder<unknown> {
  return sql.join(advances.map((a) => sql`(${a.sessionId}, ${int(a.fromSeq)}, ${int(a.toSeq)}, ${a.status}, ${a.updatedAt})`));
}

function eventValues(events: SessionEvent[]): RawBuilder<unknown> {
  return sql.join(
    events.map((e) => sql`(${e.data.session_id}, ${int(e.data.seq)}, ${e.type}, ${JSON.stringify(e.data)}, ${e.data.timestamp})`),
  );
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
};

/** Appends a batch of sequenced events and moves the sessions' heads, or throws SeqConflictError. */
export async function appendEventBatch(db: Db, dialect: Dialect, events: SessionEvent[], advances: SessionAdvance[]): Promise<void> {
  if (events.length === 0) return;
  try {
    if (dialect === "postgres" && events.length <= INSERT_CHUNK) await appendInOneStatement(db, events, advances);
    else await appendInTransaction(db, events, advances);
  } catch (error) {
    throw isUniqueViolation(error) ? new SeqConflictError() : error;
  }
}

async function appendInTransaction(db: Db, events: SessionEvent[], advances: SessionAdvance[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const moved = await sql`
      WITH v(id, prev, last, status, at) AS (VALUES ${advanceValues(advances)})
      UPDATE sessions SET last_seq = v.last, status = v.status, updated_at = v.at
      FROM v WHERE sessions.id = v.id AND sessions.last_seq = v.prev`.execute(trx);
    if (Number(moved.numAffectedRows ?? 0) !== advances.length) throw new SeqConflictError();
    for (let i = 0; i < events.length; i += INSERT_CHUNK) {
      await sql`INSERT INTO events (session_id, seq, type, payload, created_at)
        VALUES ${eventValues(events.slice(i, i + INSERT_CHUNK))}`.execute(trx);
    }
  });
}

/**
 * One round trip. When a session's head moved, `u` returns fewer rows than asked and the filter
 * raises a cast error (a plain boolean filter would still commit the UPDATE half), so the whole
 * statement — UPDATE included — is rolled back.
 */
async function appendInOneStatement(db: Db, events: SessionEvent[], advances: SessionAdvance[]): Promise<void> {
  try {
    await sql`
      WITH v(id, prev, last, status, at) AS (VALUES ${advanceValues(advances)}),
      u AS (
        UPDATE sessions AS s SET last_seq = v.last, status = v.status, updated_at = v.at
        FROM v WHERE s.id = v.id AND s.last_seq = v.prev RETURNING s.id
      ),
      e(session_id, seq, type, payload, created_at) AS (VALUES ${eventValues(events)})
      INSERT INTO events (session_id, seq, type, payload, created_at)
      SELECT e.session_id, e.seq, e.type, e.payload, e.created_at FROM e
      WHERE (SELECT CASE WHEN count(*) = ${advances.length} THEN true
                         ELSE ('openv0 seq conflict ' || count(*))::boolean END FROM u)`.execute(db);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (message.includes("openv0 seq conflict")) throw new SeqConflictError();
    throw error;
  }
}
