import { listAssetsResponseSchema, uploadAssetResponseSchema, type AssetInfo, type AssetRole, type ListAssetsResponse } from "@/lib/protocol";
import { bearer, requestJson } from "./generation-api";

/** Images a project may take, as the browser checks before sending (the server checks the bytes). */
export const ACCEPTED_IMAGE_TYPES = "image/png,image/jpeg,image/webp,image/gif";

/**
 * POST /api/projects/:id/assets: the file itself is the body (streamed, never read into a string);
 * its type is decided by the server from its bytes, whatever its name or declared type say.
 */
export async function uploadImage(input: { projectId: string; projectToken: string; file: Blob; alt: string; role: AssetRole }): Promise<AssetInfo> {
  const query = new URLSearchParams({ alt: input.alt, role: input.role });
  const { asset } = await requestJson(
    `/api/projects/${encodeURIComponent(input.projectId)}/assets?${query}`,
    { method: "POST", headers: { "content-type": "application/octet-stream", ...bearer(input.projectToken) }, body: input.file },
    uploadAssetResponseSchema,
  );
  return asset;
}

/** GET /api/projects/:id/assets: the project's images and its limits. */
export function listImages(input: { projectId: string; projectToken: string }): Promise<ListAssetsResponse> {
  return requestJson(`/api/projects/${encodeURIComponent(input.projectId)}/assets`, { headers: bearer(input.projectToken) }, listAssetsResponseSchema);
}
