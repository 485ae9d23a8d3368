import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { generationStateSchema, sessionEventSchema, type GenerationState, type SessionEvent, type SessionStatus } from "@/lib/protocol";
import type { NewSession, ProjectVersion, SessionRecord, Store } from "./store";

const MIGRATIONS: string[] = [
  `CREATE TABLE projects (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES projects(id),
     prompt TEXT NOT NULL,
     token_hash TEXT NOT NULL,
     viewer_token_hash TEXT NOT NULL,
     status TEXT NOT NULL,
     last_seq INTEGER NOT NULL DEFAULT 0,
     engine TEXT,
     base_version INTEGER,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX sessions_status ON sessions(status);
   CREATE TABLE events (
     session_id TEXT NOT NULL REFERENCES sessions(id),
     seq INTEGER NOT NULL,
     type TEXT NOT NULL,
     payload TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (session_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE versions (
     project_id TEXT NOT NULL REFERENCES projects(id),
     version INTEGER NOT NULL,
     session_id TEXT NOT NULL,
     prompt TEXT NOT NULL,
     html TEXT NOT NULL,
     css TEXT NOT NULL,
     js TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (project_id, version)
   );`,
  // A restore copies an old version as the newest one and remembers which version it copied.
  `ALTER TABLE versions ADD COLUMN restored_from INTEGER;`,
  // Compaction: a finished session's log folded into one state row; events up to through_seq are gone.
  `CREATE TABLE session_snapshots (
     session_id TEXT PRIMARY KEY REFERENCES sessions(id),
     through_seq INTEGER NOT NULL,
     state TEXT NOT NULL
   );
   CREATE INDEX sessions_updated ON sessions(updated_at);`,
];

interface SessionRow {
  id: string;
  project_id: string;
  prompt: string;
  status: SessionStatus;
  last_seq: number;
  engine: string | null;
  base_version: number | null;
  created_at: string;
}
interface VersionRow {
  project_id: string;
  version: number;
  session_id: string;
  prompt: string;
  html: string;
  css: string;
  js: string;
  created_at: string;
  restored_from: number | null;
}

const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  projectId: r.project_id,
  prompt: r.prompt,
  status: r.status,
  lastSeq: r.last_seq,
  engine: r.engine,
  baseVersion: r.base_version,
  createdAt: r.created_at,
});
const toVersion = (r: VersionRow): ProjectVersion => ({
  projectId: r.project_id,
  version: r.version,
  sessionId: r.session_id,
  prompt: r.prompt,
  site: { html: r.html, css: r.css, js: r.js },
  createdAt: r.created_at,
  restoredFrom: r.restored_from,
});

function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Opens (creating if needed) `<dataDir>/openv0.sqlite` and runs pending migrations. */
export function openSqliteStore({ dataDir }: { dataDir: string }): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, "openv0.sqlite"));
  // WAL + NORMAL survives a killed process (not a power cut) without an fsync per event.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);

  const q = {
    insertProject: db.prepare("INSERT INTO projects (id, token_hash, created_at) VALUES (?, ?, ?)"),
    insertSession: db.prepare(
      `INSERT INTO sessions (id, project_id, prompt, token_hash, viewer_token_hash, status, engine, base_version, created_at, updated_at)
       VALUES (@id, @projectId, @prompt, @tokenHash, @viewerTokenHash, 'queued', @engine, @baseVersion, @now, @now)`,
    ),
    getSession: db.prepare<[string], SessionRow>("SELECT * FROM sessions WHERE id = ?"),
    getSecrets: db.prepare<[string], { token_hash: string; viewer_token_hash: string }>(
      "SELECT token_hash, viewer_token_hash FROM sessions WHERE id = ?",
    ),
    getProjectHash: db.prepare<[string], { token_hash: string }>("SELECT token_hash FROM projects WHERE id = ?"),
    insertEvent: db.prepare("INSERT INTO events (session_id, seq, type, payload, created_at) VALUES (?, ?, ?, ?, ?)"),
    advanceSession: db.prepare(
      "UPDATE sessions SET last_seq = ?, status = ?, updated_at = ? WHERE id = ? AND last_seq = ?",
    ),
    readEvents: db.prepare<[string, number], { type: string; payload: string }>(
      "SELECT type, payload FROM events WHERE session_id = ? AND seq > ? ORDER BY seq",
    ),
    nextVersion: db.prepare<[string], { v: number }>(
      "SELECT COALESCE(MAX(version), 0) + 1 AS v FROM versions WHERE project_id = ?",
    ),
    insertVersion: db.prepare(
      `INSERT INTO versions (project_id, version, session_id, prompt, html, css, js, created_at)
       VALUES (@projectId, @version, @sessionId, @prompt, @html, @css, @js, @createdAt)`,
    ),
    latestVersion: db.prepare<[string], VersionRow>(
      "SELECT * FROM versions WHERE project_id = ? ORDER BY version DESC LIMIT 1",
    ),
    listVersions: db.prepare<[string], VersionRow>("SELECT * FROM versions WHERE project_id = ? ORDER BY version"),
    listVersionSummaries: db.prepare<[string], Omit<VersionRow, "html" | "css" | "js">>(
      "SELECT project_id, version, session_id, prompt, created_at, restored_from FROM versions WHERE project_id = ? ORDER BY version",
    ),
    getVersion: db.prepare<[string, number], VersionRow>("SELECT * FROM versions WHERE project_id = ? AND version = ?"),
    copyVersion: db.prepare(
      `INSERT INTO versions (project_id, version, session_id, prompt, html, css, js, created_at, restored_from)
       SELECT project_id, @version, session_id, prompt, html, css, js, @createdAt, version
       FROM versions WHERE project_id = @projectId AND version = @from`,
    ),
  };

  const snapshots = {
    get: db.prepare<[string], { through_seq: number; state: string }>("SELECT through_seq, state FROM session_snapshots WHERE session_id = ?"),
    upsert: db.prepare(
      `INSERT INTO session_snapshots (session_id, through_seq, state) VALUES (?, ?, ?)
       ON CONFLICT(session_id) DO UPDATE SET through_seq = excluded.through_seq, state = excluded.state`,
    ),
    deleteEvents: db.prepare("DELETE FROM events WHERE session_id = ? AND seq <= ?"),
    compactable: db.prepare<[string, number], { id: string }>(
      `SELECT s.id FROM sessions s LEFT JOIN session_snapshots p ON p.session_id = s.id
       WHERE s.status IN ('completed', 'failed', 'cancelled', 'interrupted') AND s.updated_at < ?
         AND s.last_seq > COALESCE(p.through_seq, 0)
       LIMIT ?`,
    ),
  };
  const compactSession = db.transaction((sessionId: string, throughSeq: number, state: GenerationState) => {
    snapshots.upsert.run(sessionId, throughSeq, JSON.stringify(state));
    snapshots.deleteEvents.run(sessionId, throughSeq);
  });

  const appendEvent = db.transaction((event: SessionEvent, status: SessionStatus) => {
    const { seq, session_id: sessionId, timestamp } = event.data;
    const changed = q.advanceSession.run(seq, status, timestamp, sessionId, seq - 1).changes;
    if (changed !== 1) throw new Error(`event log out of order for session ${sessionId} at seq ${seq}`);
    q.insertEvent.run(sessionId, seq, event.type, JSON.stringify(event.data), timestamp);
  });

  return {
    createSession(input: NewSession) {
      const now = new Date().toISOString();
      db.transaction(() => {
        if (input.newProjectTokenHash) q.insertProject.run(input.projectId, input.newProjectTokenHash, now);
        q.insertSession.run({ ...input, now });
      })();
      return toSession(q.getSession.get(input.id)!);
    },
    getSession: (id) => {
      const row = q.getSession.get(id);
      return row ? toSession(row) : null;
    },
    getSessionSecrets: (id) => {
      const row = q.getSecrets.get(id);
      return row ? { tokenHash: row.token_hash, viewerTokenHash: row.viewer_token_hash } : null;
    },
    getProjectTokenHash: (projectId) => q.getProjectHash.get(projectId)?.token_hash ?? null,
    listSessionsByStatus(statuses) {
      const marks = statuses.map(() => "?").join(",");
      return db
        .prepare<string[], SessionRow>(`SELECT * FROM sessions WHERE status IN (${marks}) ORDER BY created_at`)
        .all(...statuses)
        .map(toSession);
    },
    appendEvent: (event, status) => appendEvent(event, status),
    readEvents: (sessionId, afterSeq) =>
      // The log was validated on the way in; parsing again guards against a hand-edited database.
      q.readEvents.all(sessionId, afterSeq).map((r) => sessionEventSchema.parse({ type: r.type, data: JSON.parse(r.payload) })),
    addProjectVersion(input) {
      return db.transaction(() => {
        const version = q.nextVersion.get(input.projectId)!.v;
        const createdAt = new Date().toISOString();
        q.insertVersion.run({ ...input, ...input.site, version, createdAt });
        return { ...input, version, createdAt };
      })();
    },
    latestProjectVersion: (projectId) => {
      const row = q.latestVersion.get(projectId);
      return row ? toVersion(row) : null;
    },
    listProjectVersions: (projectId) => q.listVersions.all(projectId).map(toVersion),
    listProjectVersionSummaries: (projectId) =>
      q.listVersionSummaries.all(projectId).map((r) => ({
        projectId: r.project_id, version: r.version, sessionId: r.session_id, prompt: r.prompt,
        createdAt: r.created_at, restoredFrom: r.restored_from,
      })),
    getProjectVersion: (projectId, version) => {
      const row = q.getVersion.get(projectId, version);
      return row ? toVersion(row) : null;
    },
    restoreProjectVersion(projectId, from) {
      return db.transaction(() => {
        const version = q.nextVersion.get(projectId)!.v;
        const copied = q.copyVersion.run({ projectId, from, version, createdAt: new Date().toISOString() }).changes;
        return copied === 1 ? toVersion(q.getVersion.get(projectId, version)!) : null;
      })();
    },
    getSnapshot(sessionId) {
      const row = snapshots.get.get(sessionId);
      return row ? { throughSeq: row.through_seq, state: generationStateSchema.parse(JSON.parse(row.state)) } : null;
    },
    compactSession: (sessionId, throughSeq, state) => compactSession(sessionId, throughSeq, state),
    listCompactableSessions: (finishedBefore, limit) => snapshots.compactable.all(finishedBefore, limit).map((r) => r.id),
    close: () => db.close(),
  };
}
