import type { RestoreVersionResponse } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeProjectWrite, parseVersionParam, toVersionInfo } from "@/lib/server/http/project-access";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { RestoreLimitError, restoreAsTurn } from "@/lib/server/generation/restore-turn";

export const dynamic = "force-dynamic";

/**
 * Restores a version as the project's newest version, as a turn of its conversation, and answers
 * 201 with it (Bearer project token); 409 while a turn of the project runs. Each copy stores a
 * whole site, so restores are limited per project: per minute (429 with Retry-After) and in all
 * (409 VERSION_LIMIT_REACHED past `MAX_RESTORES_PER_PROJECT` copies).
 */
export const POST = handleRoute<{ projectId: string; version: string }>(async ({ request, params, services, log }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  const from = parseVersionParam(params.version);
  const limit = await services.rateLimits.consumeRestore(params.projectId);
  if (!limit.ok) {
    throw new AppError("RATE_LIMITED", "Too many restores in this project; try again shortly", { retryAfterSeconds: limit.retryAfterSeconds }, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  const max = services.env.MAX_RESTORES_PER_PROJECT;
  const restored = await restoreAsTurn(services, { projectId: params.projectId, from, maxRestores: max }).catch((error: unknown) => {
    if (!(error instanceof RestoreLimitError)) throw error;
    throw new AppError("VERSION_LIMIT_REACHED", `This project already holds ${max} restored versions; start a new project from this one's site instead`, { maxRestores: max });
  });
  if (!restored) throw new AppError("NOT_FOUND", "No such version");
  log.info({ projectId: params.projectId, from: restored.restoredFrom, version: restored.version }, "version restored");
  const body: RestoreVersionResponse = { projectId: params.projectId, ...toVersionInfo(restored) };
  return Response.json(body, { status: 201, headers: { "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["POST"]);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
