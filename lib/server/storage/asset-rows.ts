import type { Db, Tables } from "./database";
import { lockProject } from "./project-rows";
import type { AssetMethods, ProjectAsset } from "./store";

const META = ["project_id", "name", "mime", "bytes", "width", "height", "alt", "role", "created_at"] as const;

const toAsset = (r: Omit<Tables["project_assets"], "data">): ProjectAsset => ({
  projectId: r.project_id,
  name: r.name,
  mime: r.mime,
  bytes: Number(r.bytes),
  width: Number(r.width),
  height: Number(r.height),
  alt: r.alt,
  role: r.role === "logo" ? "logo" : "image",
  createdAt: r.created_at,
});

/** Rows of `project_assets`: a project's images, capped per project. */
export function createAssetMethods(db: Db): AssetMethods {
  return {
    addProjectAsset({ data, max, ...asset }) {
      return db.transaction().execute(async (trx) => {
        if (!(await lockProject(trx, asset.projectId))) return "no-project" as const;
        const { count } = await trx.selectFrom("project_assets").select((eb) => eb.fn.countAll<number>().as("count")).where("project_id", "=", asset.projectId).executeTakeFirstOrThrow();
        if (max > 0 && Number(count) >= max) return "full" as const;
        const createdAt = new Date().toISOString();
        await trx
          .insertInto("project_assets")
          .values({
            project_id: asset.projectId, name: asset.name, mime: asset.mime, bytes: asset.bytes, width: asset.width, height: asset.height,
            alt: asset.alt, role: asset.role, data, created_at: createdAt,
          })
          .execute();
        return { ...asset, createdAt };
      });
    },
    async listProjectAssets(projectId) {
      const rows = await db.selectFrom("project_assets").select(META).where("project_id", "=", projectId).orderBy("created_at").orderBy("name").execute();
      return rows.map(toAsset);
    },
    async readProjectAssets(projectId, names) {
      if (names.length === 0) return [];
      const rows = await db.selectFrom("project_assets").selectAll().where("project_id", "=", projectId).where("name", "in", names).execute();
      return rows.map((r) => ({ ...toAsset(r), data: new Uint8Array(r.data) }));
    },
    async readPublishedFiles(slug) {
      const row = await db
        .selectFrom("publications as p")
        .innerJoin("versions as v", (j) => j.onRef("v.project_id", "=", "p.project_id").onRef("v.version", "=", "p.version"))
        .select(["p.project_id", "v.html", "v.css", "v.js"])
        .where("p.slug", "=", slug)
        .executeTakeFirst();
      return row ? { projectId: row.project_id, site: { html: row.html, css: row.css, js: row.js } } : null;
    },
  };
}
