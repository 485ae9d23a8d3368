import { createHash } from "node:crypto";
import { slugSchema } from "@/lib/protocol";
import { handleRoute } from "@/lib/server/http/route-handler";
import { PREVIEW_HEADERS } from "@/lib/server/site/preview-headers";
import { renderPublishedDocument } from "@/lib/server/site/published-document";
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
  const headers = { ...PREVIEW_HEADERS, "Cache-Control": "no-cache", ETag: tag };
  if (request.headers.get("if-none-match") === tag) return new Response(null, { status: 304, headers });
  const url = new URL(`/s/${publication.slug}`, request.url).toString();
  return new Response(renderPublishedDocument(published, url), { headers });
});
