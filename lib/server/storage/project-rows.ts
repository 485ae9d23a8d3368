import { terminalStatuses } from "@/lib/protocol";
import type { Db } from "./database";
import type { ProjectDeletion, ProjectRecord, Store } from "./store";

type ProjectMethods = Pick<Store, "getProject" | "getProjectViewerTokenHash" | "setProjectViewerTokenHash" | "renameProject" | "deleteProject">;

/** Project-level rows: name, read-only token, and removal of a whole project. */
export function createProjectMethods(db: Db): ProjectMethods {
  return {
    async getProject(projectId) {
      const row = await db.selectFrom("projects").select(["id", "name", "created_at"]).where("id", "=", projectId).executeTakeFirst();
      return row ? ({ id: row.id, name: row.name, createdAt: row.created_at } satisfies ProjectRecord) : null;
    },
    async getProjectViewerTokenHash(projectId) {
      const row = await db.selectFrom("projects").select("viewer_token_hash").where("id", "=", projectId).executeTakeFirst();
      return row?.viewer_token_hash ?? null;
    },
    async setProjectViewerTokenHash(projectId, hash) {
      const result = await db.updateTable("projects").set({ viewer_token_hash: hash }).where("id", "=", projectId).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async renameProject(projectId, name) {
      const result = await db.updateTable("projects").set({ name }).where("id", "=", projectId).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    deleteProject: (projectId) => deleteProjectRows(db, projectId),
  };
}

/**
 * Deletes children before parents (the foreign keys). The busy check and the deletes share one
 * transaction, so a run cannot start between them on SQLite; on PostgreSQL the project row is
 * locked first, which a follow-up's session insert (a foreign key to it) waits on.
 */
function deleteProjectRows(db: Db, projectId: string): Promise<ProjectDeletion> {
  return db.transaction().execute(async (trx): Promise<ProjectDeletion> => {
    const project = await lockProject(trx, projectId);
    if (!project) return { outcome: "not-found" };
    const unfinished = await trx
      .selectFrom("sessions")
      .select("id")
      .where("project_id", "=", projectId)
      .where("status", "not in", [...terminalStatuses])
      .limit(1)
      .executeTakeFirst();
    if (unfinished) return { outcome: "busy" };
    const sessionIds = trx.selectFrom("sessions").select("id").where("project_id", "=", projectId);
    const removed = (await sessionIds.execute()).map((row) => row.id);
    await trx.deleteFrom("events").where("session_id", "in", sessionIds).execute();
    await trx.deleteFrom("session_snapshots").where("session_id", "in", sessionIds).execute();
    await trx.deleteFrom("versions").where("project_id", "=", projectId).execute();
    // Its public address and waiting prompts go with it: `/s/:slug` answers 404 from this commit on.
    await trx.deleteFrom("publications").where("project_id", "=", projectId).execute();
    await trx.deleteFrom("queued_prompts").where("project_id", "=", projectId).execute();
    await trx.deleteFrom("project_assets").where("project_id", "=", projectId).execute();
    await trx.deleteFrom("sessions").where("project_id", "=", projectId).execute();
    await trx.deleteFrom("projects").where("id", "=", projectId).execute();
    return { outcome: "deleted", sessionIds: removed };
  });
}

/** Locks the project row for the transaction; undefined when there is no such project. */
export async function lockProject(trx: Db, projectId: string): Promise<{ id: string } | undefined> {
  // SQLite has no FOR UPDATE (and needs none: one writer at a time); the update takes the lock there too.
  const touched = await trx.updateTable("projects").set({ id: projectId }).where("id", "=", projectId).executeTakeFirst();
  return Number(touched.numUpdatedRows) > 0 ? { id: projectId } : undefined;
}
