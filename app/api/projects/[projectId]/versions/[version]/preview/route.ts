import { AppError } from "@/lib/server/http/app-error";
import { handleRoute } from "@/lib/server/http/route-handler";
import { renderSiteDocument } from "@/lib/server/site/render-document";
import { authorizeProject, parseVersionParam, PREVIEW_HEADERS } from "../../../../project-access";

export const dynamic = "force-dynamic";

/** One version of a project as a document (project token as Bearer or `?token=`, for iframes). */
export const GET = handleRoute<{ projectId: string; version: string }>(async ({ request, params, services }) => {
  await authorizeProject({ services, request, projectId: params.projectId, allowQueryToken: true });
  const found = await services.store.getProjectVersion(params.projectId, parseVersionParam(params.version));
  if (!found) throw new AppError("NOT_FOUND", "No such version");
  return new Response(renderSiteDocument(found.site), { headers: PREVIEW_HEADERS });
});
