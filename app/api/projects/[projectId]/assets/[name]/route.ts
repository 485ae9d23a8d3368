import { assetNameSchema } from "@/lib/protocol";
import { assetResponse } from "@/lib/server/assets/asset-response";
import { authorizeAssetRead } from "@/lib/server/assets/authorize-asset-read";
import { AppError } from "@/lib/server/http/app-error";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/**
 * One image's bytes, for the workspace to hand to its preview frame (the frame can fetch nothing
 * itself). A name's bytes never change, so the browser may keep them; the token stays in a header.
 */
export const GET = handleRoute<{ projectId: string; name: string }>(async ({ request, params, services }) => {
  await authorizeAssetRead({ store: services.store, request, projectId: params.projectId });
  const name = assetNameSchema.safeParse(params.name);
  const [asset] = name.success ? await services.store.readProjectAssets(params.projectId, [name.data]) : [];
  if (!asset) throw new AppError("NOT_FOUND", "No such image");
  return assetResponse(asset, "private, max-age=31536000, immutable");
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
