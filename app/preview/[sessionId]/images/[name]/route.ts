import { previewFilesOf } from "@/lib/protocol";
import { assetResponse, readReferencedAsset } from "@/lib/server/assets/asset-response";
import { AppError } from "@/lib/server/http/app-error";
import { readExistingState } from "@/lib/server/http/read-existing-state";
import { handleRoute } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** An image the session's preview shows; like the preview itself, the session id is the capability. */
export const GET = handleRoute<{ sessionId: string; name: string }>(async ({ params, services }) => {
  const state = await readExistingState(services, params.sessionId);
  const session = state?.preview ? await services.store.getSession(params.sessionId) : null;
  if (!state?.preview || !session) throw new AppError("NOT_FOUND", "No such image");
  const asset = await readReferencedAsset({ store: services.store, projectId: session.projectId, site: previewFilesOf(state.preview), name: params.name });
  return assetResponse(asset, "private, max-age=300");
});
