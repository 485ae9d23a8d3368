import type { Db, Tables } from "./database";
import type { NewSession, SessionRecord } from "./store";

export const toSession = (r: Tables["sessions"]): SessionRecord => ({
  id: r.id,
  projectId: r.project_id,
  prompt: r.prompt,
  status: r.status,
  lastSeq: Number(r.last_seq),
  engine: r.engine,
  baseVersion: r.base_version === null ? null : Number(r.base_version),
  instruction: r.instruction ?? null,
  createdAt: r.created_at,
});

/** Inserts a session (and its project when new) inside the caller's transaction. */
export async function insertSession(trx: Db, input: NewSession, now: string): Promise<void> {
  if (input.newProjectTokenHash) {
    await trx
      .insertInto("projects")
      .values({
        id: input.projectId, token_hash: input.newProjectTokenHash, created_at: now, name: null,
        viewer_token_hash: input.newProjectViewerTokenHash ?? null,
      })
      .execute();
  }
  await trx
    .insertInto("sessions")
    .values({
      id: input.id, project_id: input.projectId, prompt: input.prompt, token_hash: input.tokenHash,
      viewer_token_hash: input.viewerTokenHash, status: "queued", last_seq: 0, engine: input.engine,
      base_version: input.baseVersion, instruction: input.instruction ?? null, created_at: now, updated_at: now,
    })
    .execute();
}

/** The number the project's next version gets (its newest plus one). */
export async function nextVersion(db: Db, projectId: string): Promise<number> {
  const row = await db
    .selectFrom("versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}
