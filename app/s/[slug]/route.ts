import { createHash } from "node:crypto";
import { slugSchema } from "@/lib/protocol";
import { handleRoute } from "@/lib/server/http/route-handler";
import { previewHeadersFor } from "@/lib/server/site/preview-headers";
import { renderPublishedDocument } from "@/lib/server/site/published-document";
import { publicOrigin } from "@/lib/server/site/site-images";
import { renderSiteNotFound } from "./not-published-page";

export const dynamic = "force-dynamic";

/**
 * A published site, at its one stable address: the version its owner published (not the newest),
 * under the generated sites' sandbox CSP. Browsers may keep a copy but must ask again on every
 * visit (`no-cache` + an ETag of the publication), so an Update or an Unpublish shows at once.
 */
export const GET = handleRoute<{ slug: string }>(async ({ request, params, services }) => {
  const slug = slugSchema.safeParse(params.slug);
  const published = slug.success ? await services.store.visitPublishedSite(slug.data) : null;
  if (!published) return renderSiteNotFound();
  const { publication } = published;
  const tag = `"${createHash("sha256").update(`${publication.projectId}:${publication.version}:${publication.updatedAt}`).digest("base64url").slice(0, 22)}"`;
  const url = `${publicOrigin(request)}/s/${publication.slug}`;
  // Its uploaded images are served beside it, and the page's CSP admits that one folder only.
  const headers = { ...previewHeadersFor(published.site, `${url}/images/`), "Cache-Control": "no-cache", ETag: tag };
  if (request.headers.get("if-none-match") === tag) return new Response(null, { status: 304, headers });
  return new Response(renderPublishedDocument(published, url, `/s/${publication.slug}/images/`), { headers });
});
