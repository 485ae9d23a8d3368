import { slugSchema } from "@/lib/protocol";
import { assetResponse, readReferencedAsset } from "@/lib/server/assets/asset-response";
import { AppError } from "@/lib/server/http/app-error";
import { handleRoute } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** An image the published version shows (only those: the project's other uploads stay private). */
export const GET = handleRoute<{ slug: string; name: string }>(async ({ params, services }) => {
  const slug = slugSchema.safeParse(params.slug);
  const found = slug.success ? await services.store.readPublishedFiles(slug.data) : null;
  if (!found) throw new AppError("NOT_FOUND", "No such image");
  const asset = await readReferencedAsset({ store: services.store, projectId: found.projectId, site: found.site, name: params.name });
  // Short: an Unpublish or Update should not leave an image served from caches for long.
  return assetResponse(asset, "public, max-age=300");
});
