import { terminalStatuses } from "@/lib/protocol";
import type { Db, Tables } from "./database";
import { lockProject } from "./project-rows";
import { insertSession, nextVersion, toSession } from "./session-rows";
import type { PublishAndQueueMethods, QueuedPrompt } from "./store";

type QueueMethods = Pick<
  PublishAndQueueMethods,
  "listQueuedPrompts" | "addQueuedPrompt" | "editQueuedPrompt" | "removeQueuedPrompt" | "takeQueuedPrompt" | "listProjectsWithQueuedPrompts"
>;

const toQueued = (r: Tables["queued_prompts"]): QueuedPrompt => ({
  id: r.id, projectId: r.project_id, prompt: r.prompt, position: Number(r.position), createdAt: r.created_at,
});

/** Rows of `queued_prompts`: a project's prompts waiting for its current run, in `position` order. */
export function createPromptQueueMethods(db: Db): QueueMethods {
  const list = (trx: Db, projectId: string) =>
    trx.selectFrom("queued_prompts").selectAll().where("project_id", "=", projectId).orderBy("position").orderBy("id").execute();
  return {
    async listQueuedPrompts(projectId) {
      return (await list(db, projectId)).map(toQueued);
    },
    addQueuedPrompt({ id, projectId, prompt, max }) {
      return db.transaction().execute(async (trx) => {
        // Locked so two adds at once cannot take the same position or both slip under the cap.
        if (!(await lockProject(trx, projectId))) return "full" as const;
        const rows = await list(trx, projectId);
        if (rows.length >= max) return "full" as const;
        const position = rows.reduce((top, r) => Math.max(top, Number(r.position)), 0) + 1;
        const row = { id, project_id: projectId, prompt, position, created_at: new Date().toISOString() };
        await trx.insertInto("queued_prompts").values(row).execute();
        return toQueued(row);
      });
    },
    async editQueuedPrompt({ projectId, id, prompt }) {
      const result = await db.updateTable("queued_prompts").set({ prompt }).where("project_id", "=", projectId).where("id", "=", id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return null;
      const row = await db.selectFrom("queued_prompts").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toQueued(row) : null;
    },
    async removeQueuedPrompt({ projectId, id }) {
      const result = await db.deleteFrom("queued_prompts").where("project_id", "=", projectId).where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    takeQueuedPrompt({ projectId, toSession: makeSession }) {
      return db.transaction().execute(async (trx) => {
        if (!(await lockProject(trx, projectId))) return null;
        const busy = await trx
          .selectFrom("sessions")
          .select("id")
          .where("project_id", "=", projectId)
          .where("status", "not in", [...terminalStatuses])
          .limit(1)
          .executeTakeFirst();
        if (busy) return null;
        const [first] = await list(trx, projectId);
        if (!first) return null;
        const item = toQueued(first);
        const latest = (await nextVersion(trx, projectId)) - 1;
        const input = makeSession(item, latest > 0 ? latest : null);
        await trx.deleteFrom("queued_prompts").where("id", "=", item.id).execute();
        await insertSession(trx, input, new Date().toISOString());
        const session = await trx.selectFrom("sessions").selectAll().where("id", "=", input.id).executeTakeFirstOrThrow();
        return { item, session: toSession(session) };
      });
    },
    async listProjectsWithQueuedPrompts() {
      const rows = await db.selectFrom("queued_prompts").select("project_id").distinct().execute();
      return rows.map((r) => r.project_id);
    },
  };
}
