import type { Kysely, Migration } from "kysely";

/*
 * Publishing (one public address per project) and the prompt queue, in their own step so they
 * merge beside other features' migrations. Both tables hang off `projects` and are removed with it.
 */
export const publishAndQueueMigrations: Record<string, Migration> = {
  "004_publications_and_prompt_queue": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("publications")
        .addColumn("project_id", "text", (c) => c.primaryKey().references("projects.id"))
        // Unique: two projects can never hold one address, whichever node answers first.
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("published_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("visits", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable("queued_prompts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
        .addColumn("prompt", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("queued_prompts_project").on("queued_prompts").columns(["project_id", "position"]).execute();
    },
  },
};
