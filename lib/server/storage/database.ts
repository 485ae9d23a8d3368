import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from "kysely";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Pool } from "pg";
import type { SessionStatus } from "@/lib/protocol";
import { hotHeadMigrations } from "./migrations/hot-heads";
import { projectAssetMigrations } from "./migrations/project-assets";
import { publishAndQueueMigrations } from "./migrations/publish-and-queue";

/*
 * One query layer for both dialects: SQLite (embedded default) and PostgreSQL (DATABASE_URL).
 * Columns use types both understand; JSON is stored as text and validated when read.
 */

export interface Tables {
  projects: { id: string; token_hash: string; created_at: string; name: string | null; viewer_token_hash: string | null };
  sessions: {
    id: string;
    project_id: string;
    prompt: string;
    token_hash: string;
    viewer_token_hash: string;
    status: SessionStatus;
    last_seq: number;
    engine: string | null;
    base_version: number | null;
    /** JSON of a `SessionInstruction` (a direct edit, or the element a prompt is aimed at); null for a plain prompt. */
    instruction: string | null;
    created_at: string;
    updated_at: string;
  };
  events: { session_id: string; seq: number; type: string; payload: string; created_at: string };
  versions: {
    project_id: string;
    version: number;
    session_id: string;
    prompt: string;
    html: string;
    css: string;
    js: string;
    created_at: string;
    restored_from: number | null;
  };
  session_snapshots: { session_id: string; through_seq: number; state: string };
  /** A project's public site (`/s/:slug`): which version it serves, kept here so every node agrees. */
  publications: { project_id: string; slug: string; version: number; published_at: string; updated_at: string; visits: number };
  /** Prompts typed while a run goes, run in `position` order when it ends. */
  queued_prompts: { id: string; project_id: string; prompt: string; position: number; created_at: string };
  /** Uploaded images (logo, photos): the bytes with what was read from them. */
  project_assets: {
    project_id: string; name: string; mime: string; bytes: number; width: number; height: number; alt: string; role: string;
    data: Uint8Array; created_at: string;
  };
}

export type Db = Kysely<Tables>;
export type Dialect = "sqlite" | "postgres";

const baseMigrations: Record<string, Migration> = {
  "001_initial": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("projects")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("token_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
        .addColumn("prompt", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull())
        .addColumn("viewer_token_hash", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("last_seq", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("engine", "text")
        .addColumn("base_version", "integer")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_status").on("sessions").column("status").execute();
      await db.schema.createIndex("sessions_updated").on("sessions").column("updated_at").execute();
      await db.schema
        .createTable("events")
        .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id"))
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        // The primary key is what makes a seq impossible to publish twice, whichever process tries.
        .addPrimaryKeyConstraint("events_pk", ["session_id", "seq"])
        .execute();
      await db.schema
        .createTable("versions")
        .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("prompt", "text", (c) => c.notNull())
        .addColumn("html", "text", (c) => c.notNull())
        .addColumn("css", "text", (c) => c.notNull())
        .addColumn("js", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("restored_from", "integer")
        .addPrimaryKeyConstraint("versions_pk", ["project_id", "version"])
        .execute();
      await db.schema
        .createTable("session_snapshots")
        .addColumn("session_id", "text", (c) => c.primaryKey().references("sessions.id"))
        .addColumn("through_seq", "integer", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .execute();
    },
  },
  // The project page lists a project's turns; without this it would scan every session.
  "002_sessions_by_project": {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex("sessions_project").on("sessions").columns(["project_id", "created_at"]).execute();
    },
  },
  // Home renames a project; a read-only share of the whole thread needs a project viewer token
  // (hash only; null until one is issued for projects made before this migration).
  "003_project_name_and_viewer": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("projects").addColumn("name", "text").execute();
      await db.schema.alterTable("projects").addColumn("viewer_token_hash", "text").execute();
    },
  },
  ...publishAndQueueMigrations,
  // A turn can be a direct edit of one element, or a prompt aimed at one: the job reads it back.
  "005_session_instruction": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("sessions").addColumn("instruction", "text").execute();
    },
  },
};

function openSqlite(dataDir: string): { db: Db; sqlite: BetterSqlite3.Database } {
  mkdirSync(dataDir, { recursive: true });
  const database = new BetterSqlite3(path.join(dataDir, "openv0.db"));
  // WAL + NORMAL survives a killed process (not a power cut) without an fsync per event.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  cachePreparedStatements(database);
  return { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }), sqlite: database };
}

/** Most distinct SQL texts kept prepared (IN-lists of different lengths make new texts). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query afresh; the publish path runs the same few queries
 * thousands of times a second, so prepared statements are reused by SQL text (oldest dropped).
 * Safe because the driver runs one query at a time on this single connection.
 */
function cachePreparedStatements(database: BetterSqlite3.Database): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, BetterSqlite3.Statement>();
  database.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as BetterSqlite3.Database["prepare"];
}

function openPostgres(url: string): Db {
  // pg returns int8 as strings; every integer column here is int4, which it parses to numbers.
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: url, max: 10 }) }) });
}

/** Opens PostgreSQL when `databaseUrl` is set, else SQLite in `dataDir`, and runs pending migrations. */
export interface OpenedDatabase {
  db: Db;
  dialect: Dialect;
  /** SQLite only: the raw handle, for the event log's hot path (used under Kysely's connection lock). */
  sqlite?: BetterSqlite3.Database;
}

export async function openDatabase({ databaseUrl, dataDir }: { databaseUrl?: string; dataDir: string }): Promise<OpenedDatabase> {
  const dialect: Dialect = databaseUrl ? "postgres" : "sqlite";
  const { db, sqlite } = databaseUrl ? { db: openPostgres(databaseUrl), sqlite: undefined } : openSqlite(dataDir);
  // Kysely's migrator takes a lock in the database, so several nodes may start at once.
  const migrations = { ...baseMigrations, ...projectAssetMigrations(dialect), ...hotHeadMigrations(dialect) };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return { db, dialect, sqlite };
}
