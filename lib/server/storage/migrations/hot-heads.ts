import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../database";

/*
 * PostgreSQL: every group commit moves the head (`last_seq`) of each session it touches. With
 * full pages (the default fillfactor 100) each move writes the new row version on another page,
 * so it is not a HOT update: every index of `sessions` gets a new entry and the table bloats
 * (40 → 1,200 pages after 30 flushes of 1,000 sessions; ~13 buffers touched per row). Half-full
 * pages keep the new version beside the old one (HOT: no index touched, pruned in place): the
 * same 1,000-row head move took 10 ms instead of 43–55 ms (EXPLAIN ANALYZE, docs/BENCH.md).
 * Pages already written keep their fill until rewritten; SQLite has no such setting.
 */
export function hotHeadMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    "007_sessions_hot_heads": {
      async up(db: Kysely<unknown>) {
        if (dialect === "postgres") await sql`ALTER TABLE sessions SET (fillfactor = 50)`.execute(db);
      },
    },
  };
}
