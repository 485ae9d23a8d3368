import { AppError } from "@/lib/server/http/app-error";
import { authorizeVersionRead, parseVersionParam } from "@/lib/server/http/project-access";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { PREVIEW_HEADERS } from "@/lib/server/site/preview-headers";
import { renderSiteDocument } from "@/lib/server/site/render-document";

export const dynamic = "force-dynamic";

/** One version of a project as a document (Bearer project token, or `?ticket=` for a tab or iframe). */
export const GET = handleRoute<{ projectId: string; version: string }>(async ({ request, params, services }) => {
  const version = parseVersionParam(params.version);
  await authorizeVersionRead({ store: services.store, request, projectId: params.projectId, version });
  const found = await services.store.getProjectVersion(params.projectId, version);
  if (!found) throw new AppError("NOT_FOUND", "No such version");
  return new Response(renderSiteDocument(found.site), { headers: PREVIEW_HEADERS });
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
