import { assetNameSchema, listAssetRefs } from "@/lib/protocol";
import type { SiteFiles } from "../engines/engine";
import { AppError } from "../http/app-error";
import type { ProjectAsset, Store } from "../storage/store";

/**
 * An image's bytes as a response. Its type is the one read from its content; `nosniff` and a
 * sandbox CSP make sure no browser ever runs it as a page, whatever else the file holds.
 */
export function assetResponse(asset: ProjectAsset & { data: Uint8Array }, cacheControl: string): Response {
  return new Response(new Blob([asset.data.slice().buffer], { type: asset.mime }), {
    headers: {
      "Content-Type": asset.mime,
      "Content-Length": String(asset.data.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": cacheControl,
    },
  });
}

/**
 * The image `name` of a served site, only if the site's own files reference it: a published page
 * (or a preview link) exposes the images it shows, never the project's other uploads.
 */
export async function readReferencedAsset(input: {
  store: Pick<Store, "readProjectAssets">; projectId: string; site: SiteFiles; name: string;
}): Promise<ProjectAsset & { data: Uint8Array }> {
  const name = assetNameSchema.safeParse(input.name);
  if (!name.success || !listAssetRefs(input.site.html, input.site.css).includes(name.data)) throw new AppError("NOT_FOUND", "No such image");
  const [asset] = await input.store.readProjectAssets(input.projectId, [name.data]);
  if (!asset) throw new AppError("NOT_FOUND", "No such image");
  return asset;
}
