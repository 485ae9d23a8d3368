import type { ShareProjectResponse } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeProjectWrite } from "@/lib/server/http/project-access";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { createRandomId, hashToken } from "@/lib/server/security/tokens";

export const dynamic = "force-dynamic";

/**
 * Issues the project's read-only token (Bearer project token). Only its hash is kept, so the
 * token cannot be shown again: each call replaces the previous one and old share links stop.
 */
export const POST = handleRoute<{ projectId: string }>(async ({ request, params, services, log }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  const viewerToken = createRandomId();
  if (!(await services.store.setProjectViewerTokenHash(params.projectId, hashToken(viewerToken)))) {
    throw new AppError("NOT_FOUND", "No such project");
  }
  // The old share link's open sockets were let in with the old token: drop them (every node).
  services.revocation.shareTokenReplaced(params.projectId);
  log.info({ projectId: params.projectId }, "project share token issued");
  const body: ShareProjectResponse = { projectId: params.projectId, viewerToken };
  return Response.json(body, { status: 201, headers: { "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["POST"]);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
