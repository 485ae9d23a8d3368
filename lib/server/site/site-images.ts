import { listAssetRefs } from "@/lib/protocol";
import type { SiteFiles } from "../engines/engine";
import type { ProjectAsset, Store } from "../storage/store";

/** The logo the site's header shows (`<img data-ov-logo src="images/<name>">`), by asset name, or null. */
export function findLogoName(html: string): string | null {
  for (const tag of html.match(/<img\b[^>]*\bdata-ov-logo\b[^>]*>/gi) ?? []) {
    const [name] = listAssetRefs(tag);
    if (name) return name;
  }
  return null;
}

/** The uploaded images a site's files reference, with their bytes (a zip's `images/` folder). */
export function loadSiteImages(store: Pick<Store, "readProjectAssets">, projectId: string, site: SiteFiles): Promise<Array<ProjectAsset & { data: Uint8Array }>> {
  return store.readProjectAssets(projectId, listAssetRefs(site.html, site.css));
}

/**
 * The origin visitors use, for absolute links and the image folder in a page's CSP: the Host they
 * sent (behind the custom server `request.url` names the bind address). Anything that is not a
 * plain host name is ignored.
 */
export function publicOrigin(request: Request): string {
  const host = request.headers.get("host") ?? "";
  const proto = request.headers.get("x-forwarded-proto") === "https" ? "https" : new URL(request.url).protocol.replace(":", "");
  return /^[a-z0-9.-]{1,253}(:\d{1,5})?$/i.test(host) ? `${proto}://${host}` : new URL(request.url).origin;
}
