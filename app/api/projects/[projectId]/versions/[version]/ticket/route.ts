import type { PreviewTicketResponse } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeProject, parseVersionParam, toVersionInfo } from "@/lib/server/http/project-access";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { issuePreviewTicket } from "@/lib/server/security/preview-ticket";

export const dynamic = "force-dynamic";

/** A short-lived link that opens one version's document in a tab (Bearer project token). */
export const POST = handleRoute<{ projectId: string; version: string }>(async ({ request, params, services }) => {
  const key = await authorizeProject({ store: services.store, request, projectId: params.projectId });
  const version = parseVersionParam(params.version);
  const summary = await services.store.getProjectVersion(params.projectId, version);
  if (!summary) throw new AppError("NOT_FOUND", "No such version");
  const { ticket, expiresAt } = issuePreviewTicket({ key, projectId: params.projectId, version });
  const body: PreviewTicketResponse = { url: `${toVersionInfo(summary).previewUrl}?ticket=${ticket}`, expiresAt };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["POST"]);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
