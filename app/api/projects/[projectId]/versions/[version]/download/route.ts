import { readSiteName } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { consumeDownloadBudget } from "@/lib/server/http/generation-limits";
import { authorizeProject, parseVersionParam } from "@/lib/server/http/project-access";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { loadSiteImages } from "@/lib/server/site/site-images";
import { zipSiteResponse } from "@/lib/server/site/zip-site";

export const dynamic = "force-dynamic";

/** One version of a project as a zip (Bearer project token). */
export const GET = handleRoute<{ projectId: string; version: string }>(async ({ request, params, services, ip }) => {
  await authorizeProject({ store: services.store, request, projectId: params.projectId });
  await consumeDownloadBudget(services.rateLimits, ip);
  const found = await services.store.getProjectVersion(params.projectId, parseVersionParam(params.version));
  if (!found) throw new AppError("NOT_FOUND", "No such version");
  return zipSiteResponse({
    images: await loadSiteImages(services.store, params.projectId, found.site),
    site: found.site, title: readSiteName(found.site.html) ?? found.prompt.slice(0, 80), fileName: `openv0-v${found.version}.zip`, modifiedAt: found.createdAt,
  });
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
