import { previewFilesOf, readSiteName } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { readExistingState } from "@/lib/server/http/read-existing-state";
import { handleRoute } from "@/lib/server/http/route-handler";
import { previewHeadersFor } from "@/lib/server/site/preview-headers";
import { renderSiteDocument } from "@/lib/server/site/render-document";
import { publicOrigin } from "@/lib/server/site/site-images";
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
  // Existence from the store, not the fold cache: a deleted project's sites are gone at once.
  const preview = (await readExistingState(services, params.sessionId))?.preview;
  if (!preview) {
    if (wantsHtml(request)) return renderNotFoundPage();
    throw new AppError("NOT_FOUND", "No preview for this generation");
  }
  const title = readSiteName(preview.html_content) ?? "Untitled site";
  const images = `/preview/${params.sessionId}/images/`;
  const files = previewFilesOf(preview);
  const html = renderSiteDocument(files, { title, imageBase: images });
  return new Response(html, { headers: previewHeadersFor(files, `${publicOrigin(request)}${images}`) });
});
