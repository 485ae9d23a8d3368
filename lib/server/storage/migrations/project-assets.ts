import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database";

/*
 * A project's uploaded images, in the database beside its versions: every node of a cluster
 * serves the same bytes, and deleting the project deletes them in the same transaction. The bytes
 * are a BLOB on SQLite and a bytea on PostgreSQL (the one column whose type differs).
 */
export function projectAssetMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    "006_project_assets": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("project_assets")
          .addColumn("project_id", "text", (c) => c.notNull().references("projects.id"))
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("mime", "text", (c) => c.notNull())
          .addColumn("bytes", "integer", (c) => c.notNull())
          .addColumn("width", "integer", (c) => c.notNull())
          .addColumn("height", "integer", (c) => c.notNull())
          .addColumn("alt", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("data", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("project_assets_pk", ["project_id", "name"])
          .execute();
      },
    },
  };
}
