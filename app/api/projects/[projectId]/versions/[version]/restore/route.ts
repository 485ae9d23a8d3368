import type { RestoreVersionResponse } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeProjectWrite, parseVersionParam, toVersionInfo } from "@/lib/server/http/project-access";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { restoreAsTurn } from "@/lib/server/generation/restore-turn";

export const dynamic = "force-dynamic";

/**
 * Copies a version as the project's newest version, as a turn of its conversation, and answers 201
 * with it (Bearer project token); 409 while a turn of the project runs.
 */
export const POST = handleRoute<{ projectId: string; version: string }>(async ({ request, params, services, log }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  const restored = await restoreAsTurn(services, { projectId: params.projectId, from: parseVersionParam(params.version) });
  if (!restored) throw new AppError("NOT_FOUND", "No such version");
  log.info({ projectId: params.projectId, from: restored.restoredFrom, version: restored.version }, "version restored");
  const body: RestoreVersionResponse = { projectId: params.projectId, ...toVersionInfo(restored) };
  return Response.json(body, { status: 201, headers: { "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["POST"]);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
