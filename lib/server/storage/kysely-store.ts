import { generationStateSchema, sessionEventSchema, terminalStatuses, type GenerationState } from "@/lib/protocol";
import { createAssetMethods } from "./asset-rows";
import { openDatabase } from "./database";
import { createBatchAppender, readEventPage, readSessionHeads } from "./event-log";
import { createProjectMethods } from "./project-rows";
import { createPromptQueueMethods } from "./prompt-queue-rows";
import { createPublicationMethods } from "./publication-rows";
import { insertSession, toSession } from "./session-rows";
import { createVersionMethods } from "./version-rows";
import type { Store } from "./store";

/** Opens the store: PostgreSQL when `databaseUrl` is set, else SQLite under `dataDir`. */
export async function openStore(options: { databaseUrl?: string; dataDir: string }): Promise<Store> {
  const { db, dialect, sqlite } = await openDatabase(options);
  const appendEvents = createBatchAppender(db, dialect, sqlite);

  const store: Store = {
    async createSession(input) {
      await db.transaction().execute((trx) => insertSession(trx, input, new Date().toISOString()));
      return (await store.getSession(input.id))!;
    },
    async getSession(id) {
      const row = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async getSessionSecrets(id) {
      const row = await db
        .selectFrom("sessions as s")
        .innerJoin("projects as p", "p.id", "s.project_id")
        .selectAll("s")
        .select(["p.viewer_token_hash as project_viewer_token_hash", "p.token_hash as project_token_hash"])
        .where("s.id", "=", id)
        .executeTakeFirst();
      if (!row) return null;
      const { project_viewer_token_hash: projectViewerTokenHash, project_token_hash: projectTokenHash, ...session } = row;
      return { tokenHash: row.token_hash, viewerTokenHash: row.viewer_token_hash, projectTokenHash, projectViewerTokenHash, session: toSession(session) };
    },
    async getProjectTokenHash(projectId) {
      const row = await db.selectFrom("projects").select("token_hash").where("id", "=", projectId).executeTakeFirst();
      return row?.token_hash ?? null;
    },
    async listSessionsByStatus(statuses) {
      const rows = await db.selectFrom("sessions").selectAll().where("status", "in", statuses).orderBy("created_at").execute();
      return rows.map(toSession);
    },
    getSessionHeads: (sessionIds) => readSessionHeads(db, sessionIds),
    appendEvents,
    readEventPage: (sessionId, afterSeq, limit) => readEventPage(db, sessionId, afterSeq, limit),
    async listProjectSessions(projectId, limit) {
      const rows = await db.selectFrom("sessions").selectAll().where("project_id", "=", projectId).orderBy("created_at").orderBy("id").limit(limit).execute();
      return rows.map(toSession);
    },
    async readEvents(sessionId, afterSeq) {
      const rows = await db
        .selectFrom("events")
        .select(["type", "payload"])
        .where("session_id", "=", sessionId)
        .where("seq", ">", afterSeq)
        .orderBy("seq")
        .execute();
      // The log was validated on the way in; parsing again guards against a hand-edited database.
      return rows.map((r) => sessionEventSchema.parse({ type: r.type, data: JSON.parse(r.payload) }));
    },
    async getSnapshot(sessionId) {
      const row = await db.selectFrom("session_snapshots").select(["through_seq", "state"]).where("session_id", "=", sessionId).executeTakeFirst();
      return row ? { throughSeq: Number(row.through_seq), state: generationStateSchema.parse(JSON.parse(row.state)) } : null;
    },
    async compactSession(sessionId, throughSeq, state: GenerationState) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("session_snapshots")
          .values({ session_id: sessionId, through_seq: throughSeq, state: JSON.stringify(state) })
          .onConflict((oc) => oc.column("session_id").doUpdateSet({ through_seq: throughSeq, state: JSON.stringify(state) }))
          .execute();
        await trx.deleteFrom("events").where("session_id", "=", sessionId).where("seq", "<=", throughSeq).execute();
      });
    },
    async listCompactableSessions(finishedBefore, limit) {
      const rows = await db
        .selectFrom("sessions as s")
        .leftJoin("session_snapshots as p", "p.session_id", "s.id")
        .select("s.id")
        .where("s.status", "in", [...terminalStatuses])
        .where("s.updated_at", "<", finishedBefore)
        .where((eb) => eb("s.last_seq", ">", eb.fn.coalesce("p.through_seq", eb.lit(0))))
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    ...createProjectMethods(db),
    ...createVersionMethods(db),
    ...createPublicationMethods(db),
    ...createPromptQueueMethods(db),
    ...createAssetMethods(db),
    close: () => db.destroy(),
  };
  return store;
}
