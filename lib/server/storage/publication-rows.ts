import type { Db, Tables } from "./database";
import type { Publication, PublishAndQueueMethods } from "./store";

type PublicationMethods = Pick<PublishAndQueueMethods, "getPublication" | "savePublication" | "deletePublication" | "visitPublishedSite">;

const toPublication = (r: Tables["publications"]): Publication => ({
  projectId: r.project_id,
  slug: r.slug,
  version: Number(r.version),
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
  visits: Number(r.visits),
});

/** SQLite and PostgreSQL name a unique-key refusal differently; both mean "that slug is held". */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}

/** Rows of `publications`: one per published project, the slug unique across all of them. */
export function createPublicationMethods(db: Db): PublicationMethods {
  const getPublication = async (projectId: string) => {
    const row = await db.selectFrom("publications").selectAll().where("project_id", "=", projectId).executeTakeFirst();
    return row ? toPublication(row) : null;
  };
  return {
    getPublication,
    async savePublication({ projectId, slug, version }) {
      const now = new Date().toISOString();
      const holder = await db.selectFrom("publications").select("project_id").where("slug", "=", slug).executeTakeFirst();
      if (holder && holder.project_id !== projectId) return "slug-taken";
      try {
        await db
          .insertInto("publications")
          .values({ project_id: projectId, slug, version, published_at: now, updated_at: now, visits: 0 })
          .onConflict((oc) => oc.column("project_id").doUpdateSet({ slug, version, updated_at: now }))
          .execute();
      } catch (error) {
        // Another project took the slug between the check and the write (another node, say).
        if (isUniqueViolation(error)) return "slug-taken";
        throw error;
      }
      return (await getPublication(projectId))!;
    },
    async deletePublication(projectId) {
      const result = await db.deleteFrom("publications").where("project_id", "=", projectId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async visitPublishedSite(slug) {
      const row = await db
        .selectFrom("publications as p")
        .innerJoin("versions as v", (j) => j.onRef("v.project_id", "=", "p.project_id").onRef("v.version", "=", "p.version"))
        .innerJoin("projects as o", "o.id", "p.project_id")
        .selectAll("p")
        .select(["v.html", "v.css", "v.js", "v.prompt", "o.name"])
        .where("p.slug", "=", slug)
        .executeTakeFirst();
      if (!row) return null;
      // Counted in the database, so every node adds to the same figure.
      await db.updateTable("publications").set((eb) => ({ visits: eb("visits", "+", 1) })).where("slug", "=", slug).execute();
      const { html, css, js, prompt, name, ...publication } = row;
      return { publication: { ...toPublication(publication), visits: Number(publication.visits) + 1 }, site: { html, css, js }, prompt, projectName: name };
    },
  };
}
