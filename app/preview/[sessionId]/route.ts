import { idSchema, previewFilesOf, readSiteName } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { handleRoute } from "@/lib/server/http/route-handler";
import { PREVIEW_HEADERS } from "@/lib/server/site/preview-headers";
import { renderSiteDocument } from "@/lib/server/site/render-document";
import { renderNotFoundPage } from "./not-found-page";

export const dynamic = "force-dynamic";

/** A browser asking for a page gets a page; API clients keep the JSON error. */
const wantsHtml = (request: Request) => (request.headers.get("accept") ?? "").includes("text/html");

/**
 * The latest site as one document, titled with the site's own name. The unguessable session id is
 * the capability; the sandbox CSP gives the page an opaque origin so generated scripts can never
 * act as the app. An unknown id or a site not written yet gets a readable 404 with a link home.
 */
export const GET = handleRoute<{ sessionId: string }>(async ({ request, params, services }) => {
  // The session row is checked first: a deleted project's state may still sit in this node's cache.
  const exists = idSchema.safeParse(params.sessionId).success && (await services.store.getSession(params.sessionId)) !== null;
  const preview = exists ? (await services.events.getState(params.sessionId))?.preview : null;
  if (!preview) {
    if (wantsHtml(request)) return renderNotFoundPage();
    throw new AppError("NOT_FOUND", "No preview for this generation");
  }
  const title = readSiteName(preview.html_content) ?? "Untitled site";
  const html = renderSiteDocument(previewFilesOf(preview), { title });
  return new Response(html, { headers: PREVIEW_HEADERS });
});
