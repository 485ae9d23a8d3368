import { assetResponse, readReferencedAsset } from "@/lib/server/assets/asset-response";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeVersionRead, parseVersionParam } from "@/lib/server/http/project-access";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** An image a version shows, for its document opened by a ticket (the same ticket, or the project token). */
export const GET = handleRoute<{ projectId: string; version: string; name: string }>(async ({ request, params, services }) => {
  const version = parseVersionParam(params.version);
  await authorizeVersionRead({ store: services.store, request, projectId: params.projectId, version });
  const found = await services.store.getProjectVersion(params.projectId, version);
  if (!found) throw new AppError("NOT_FOUND", "No such version");
  const asset = await readReferencedAsset({ store: services.store, projectId: params.projectId, site: found.site, name: params.name });
  return assetResponse(asset, "private, max-age=300");
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
