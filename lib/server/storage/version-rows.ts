import type { Db, Tables } from "./database";
import { lockProject } from "./project-rows";
import { terminalStatuses } from "@/lib/protocol";
import { insertSession, nextVersion } from "./session-rows";
import type { ProjectVersion, RestoreReservation, Store } from "./store";

type VersionRow = Tables["versions"];
type VersionMethods = Pick<
  Store,
  | "addProjectVersion" | "saveSessionVersion" | "getSessionVersion" | "listSessionVersions" | "latestProjectVersion"
  | "getProjectVersion" | "listProjectVersionSummaries" | "countProjectVersions" | "reserveRestoreTurn"
>;

const toVersion = (r: VersionRow): ProjectVersion => ({
  projectId: r.project_id,
  version: Number(r.version),
  sessionId: r.session_id,
  prompt: r.prompt,
  site: { html: r.html, css: r.css, js: r.js },
  createdAt: r.created_at,
  restoredFrom: r.restored_from === null ? null : Number(r.restored_from),
});

async function insertVersion(trx: Db, input: Omit<ProjectVersion, "version" | "createdAt">): Promise<ProjectVersion> {
  const version = await nextVersion(trx, input.projectId);
  const createdAt = new Date().toISOString();
  await trx
    .insertInto("versions")
    .values({
      project_id: input.projectId, version, session_id: input.sessionId, prompt: input.prompt,
      ...input.site, created_at: createdAt, restored_from: input.restoredFrom ?? null,
    })
    .execute();
  return { ...input, version, createdAt };
}

/**
 * The version a session produced: its first. A restore is a turn with a session of its own, whose
 * one version is the copy; restores made before that copied the source's session id, and came later.
 */
const sessionVersion = (db: Db, projectId: string, sessionId: string) =>
  db.selectFrom("versions").selectAll().where("project_id", "=", projectId).where("session_id", "=", sessionId).orderBy("version").limit(1);

/** A project's versions: generated ones (one per session at most) and restored copies (capped). */
export function createVersionMethods(db: Db): VersionMethods {
  return {
    addProjectVersion: (input) => db.transaction().execute((trx) => insertVersion(trx, input)),
    saveSessionVersion: (input) =>
      db.transaction().execute(async (trx) => {
        await lockProject(trx, input.projectId); // two writers of one session's version take turns
        const existing = await sessionVersion(trx, input.projectId, input.sessionId).executeTakeFirst();
        if (!existing) return insertVersion(trx, input);
        await trx
          .updateTable("versions")
          .set({ ...input.site })
          .where("project_id", "=", input.projectId)
          .where("version", "=", existing.version)
          .execute();
        return { ...toVersion(existing), site: input.site };
      }),
    async getSessionVersion(projectId, sessionId) {
      const row = await sessionVersion(db, projectId, sessionId).executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async listSessionVersions(projectId, sessionIds) {
      if (sessionIds.length === 0) return new Map();
      const rows = await db
        .selectFrom("versions")
        .select((eb) => ["session_id", eb.fn.min("version").as("version")])
        .where("project_id", "=", projectId)
        .where("session_id", "in", sessionIds)
        .groupBy("session_id")
        .execute();
      return new Map(rows.map((r) => [r.session_id, Number(r.version)]));
    },
    async latestProjectVersion(projectId) {
      const row = await db.selectFrom("versions").selectAll().where("project_id", "=", projectId).orderBy("version", "desc").limit(1).executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async getProjectVersion(projectId, version) {
      const row = await db.selectFrom("versions").selectAll().where("project_id", "=", projectId).where("version", "=", version).executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async listProjectVersionSummaries(projectId, page) {
      let query = db
        .selectFrom("versions")
        .select(["project_id", "version", "session_id", "prompt", "created_at", "restored_from"])
        .where("project_id", "=", projectId);
      if (page?.before !== undefined) query = query.where("version", "<", page.before);
      // A page is the newest `limit` (below `before`), read newest first and answered oldest first.
      const rows = page ? (await query.orderBy("version", "desc").limit(page.limit).execute()).reverse() : await query.orderBy("version").execute();
      return rows.map((r) => ({
        projectId: r.project_id, version: Number(r.version), sessionId: r.session_id, prompt: r.prompt,
        createdAt: r.created_at, restoredFrom: r.restored_from === null ? null : Number(r.restored_from),
      }));
    },
    async countProjectVersions(projectId) {
      const row = await db.selectFrom("versions").select((eb) => eb.fn.countAll().as("n")).where("project_id", "=", projectId).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    reserveRestoreTurn: ({ session, from, maxRestores = 0 }) =>
      db.transaction().execute(async (trx): Promise<RestoreReservation> => {
        // Locked first: the idle check, the cap and the turn's session are one step, so two
        // parallel restores (or a restore and a start) cannot both see the project idle.
        if (!(await lockProject(trx, session.projectId))) return { outcome: "not-found" };
        const source = await trx.selectFrom("versions").selectAll().where("project_id", "=", session.projectId).where("version", "=", from).executeTakeFirst();
        if (!source) return { outcome: "not-found" };
        const running = await trx
          .selectFrom("sessions")
          .select("id")
          .where("project_id", "=", session.projectId)
          .where("status", "not in", [...terminalStatuses])
          .executeTakeFirst();
        if (running) return { outcome: "busy" };
        if (maxRestores > 0) {
          const row = await trx
            .selectFrom("versions")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("project_id", "=", session.projectId)
            .where("restored_from", "is not", null)
            .executeTakeFirst();
          if (Number(row?.n ?? 0) >= maxRestores) return { outcome: "limit" };
        }
        const latest = await trx.selectFrom("versions").select((eb) => eb.fn.max("version").as("v")).where("project_id", "=", session.projectId).executeTakeFirst();
        const baseVersion = latest?.v == null ? null : Number(latest.v);
        await insertSession(trx, { ...session, baseVersion }, new Date().toISOString());
        return { outcome: "reserved", source: toVersion(source), baseVersion };
      }),
  };
}
