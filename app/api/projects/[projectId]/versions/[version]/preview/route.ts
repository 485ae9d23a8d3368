import { AppError } from "@/lib/server/http/app-error";
import { authorizeVersionRead, parseVersionParam } from "@/lib/server/http/project-access";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { PREVIEW_HEADERS, previewHeadersFor } from "@/lib/server/site/preview-headers";
import { renderSiteDocument } from "@/lib/server/site/render-document";
import { publicOrigin } from "@/lib/server/site/site-images";

export const dynamic = "force-dynamic";

/** One version of a project as a document (Bearer project token, or `?ticket=` for a tab or iframe). */
export const GET = handleRoute<{ projectId: string; version: string }>(async ({ request, params, services }) => {
  const version = parseVersionParam(params.version);
  await authorizeVersionRead({ store: services.store, request, projectId: params.projectId, version });
  const found = await services.store.getProjectVersion(params.projectId, version);
  if (!found) throw new AppError("NOT_FOUND", "No such version");
  // Opened by a ticket (a tab, a compare frame), the page loads its images beside it with the same
  // ticket; fetched by the app (Bearer) it keeps `images/<name>` for the preview frame to resolve.
  const ticket = new URL(request.url).searchParams.get("ticket");
  if (!ticket || request.headers.get("authorization")) return new Response(renderSiteDocument(found.site), { headers: PREVIEW_HEADERS });
  const images = `/api/projects/${params.projectId}/versions/${version}/images/`;
  const html = renderSiteDocument(found.site, { imageBase: images, imageQuery: `?ticket=${encodeURIComponent(ticket)}` });
  return new Response(html, { headers: previewHeadersFor(found.site, `${publicOrigin(request)}${images}`) });
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
