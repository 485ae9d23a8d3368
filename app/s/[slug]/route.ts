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
  const url = `${publicOrigin(request)}/s/${publication.slug}`;
  return new Response(renderPublishedDocument(published, url), { headers });
});

/**
 * The origin visitors use, for the canonical and social links: the Host they sent (behind the
 * custom server `request.url` names the bind address). Anything that is not a plain host name is
 * ignored; the value is escaped into the page either way.
 */
function publicOrigin(request: Request): string {
  const host = request.headers.get("host") ?? "";
  const proto = request.headers.get("x-forwarded-proto") === "https" ? "https" : new URL(request.url).protocol.replace(":", "");
  return /^[a-z0-9.-]{1,253}(:\d{1,5})?$/i.test(host) ? `${proto}://${host}` : new URL(request.url).origin;
}
