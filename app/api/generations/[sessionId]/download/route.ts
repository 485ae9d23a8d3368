import { previewFilesOf, readSiteName } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { consumeDownloadBudget } from "@/lib/server/http/generation-limits";
import { authorizeRequest } from "@/lib/server/http/authorize";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { loadSiteImages } from "@/lib/server/site/site-images";
import { zipSiteResponse } from "@/lib/server/site/zip-site";

export const dynamic = "force-dynamic";

/**
 * The latest site as a zip (index.html, styles.css, script.js). Owner or viewer token as a Bearer
 * header only: the app fetches it and hands the browser a blob, so no token sits in a link.
 */
export const GET = handleRoute<{ sessionId: string }>(async ({ request, params, services, ip }) => {
  const { session } = await authorizeRequest({ store: services.store, request, sessionId: params.sessionId });
  await consumeDownloadBudget(services.rateLimits, ip);
  const preview = (await services.events.getState(params.sessionId))?.preview;
  if (!preview) throw new AppError("NOT_FOUND", "Nothing to download yet: this generation has no preview");
  const site = previewFilesOf(preview);
  return zipSiteResponse({
    images: await loadSiteImages(services.store, session.projectId, site),
    site,
    // The site's own name (its heading), as the project page titles it; the prompt only without one.
    title: readSiteName(preview.html_content) ?? session.prompt.slice(0, 80),
    fileName: `openv0-${params.sessionId}.zip`,
    modifiedAt: preview.updated_at,
  });
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
