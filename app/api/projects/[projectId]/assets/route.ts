import { uploadAssetQuerySchema, type ListAssetsResponse } from "@/lib/protocol";
import { authorizeAssetRead } from "@/lib/server/assets/authorize-asset-read";
import { toAssetInfo, uploadAsset } from "@/lib/server/assets/upload-asset";
import { authorizeProjectWrite } from "@/lib/server/http/project-access";
import { readQuery } from "@/lib/server/http/read-json-body";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/**
 * Uploads one image (Bearer project token): the body is the file's bytes, `?alt=` its alt text and
 * `?role=logo|image`. 201 with the stored image; 413 past `MAX_ASSET_BYTES` (refused while the
 * body streams), 415 for anything but PNG, JPEG, WebP or GIF by content (SVG included), 409
 * ASSET_LIMIT_REACHED past `MAX_ASSETS_PER_PROJECT`.
 */
export const POST = handleRoute<{ projectId: string }>(async ({ request, params, services, log }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  const query = readQuery(request, uploadAssetQuerySchema);
  const asset = await uploadAsset({
    store: services.store, request, projectId: params.projectId, alt: query.alt, role: query.role,
    limits: { maxBytes: services.env.MAX_ASSET_BYTES, maxAssets: services.env.MAX_ASSETS_PER_PROJECT },
  });
  log.info({ projectId: params.projectId, asset: asset.name, bytes: asset.bytes }, "image uploaded");
  return Response.json({ asset: toAssetInfo(asset) }, { status: 201, headers: { "Cache-Control": "no-store" } });
});

/** The project's images (owner, share link, or a watch link naming its session). */
export const GET = handleRoute<{ projectId: string }>(async ({ request, params, services }) => {
  await authorizeAssetRead({ store: services.store, request, projectId: params.projectId });
  const assets = await services.store.listProjectAssets(params.projectId);
  const body: ListAssetsResponse = { assets: assets.map(toAssetInfo), maxAssets: services.env.MAX_ASSETS_PER_PROJECT, maxBytes: services.env.MAX_ASSET_BYTES };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["GET", "POST"]);
export { refused as PUT, refused as PATCH, refused as DELETE };
