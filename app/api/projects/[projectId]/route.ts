import { projectVersionsQuerySchema, renameProjectBodySchema, type ProjectResponse, type RenameProjectResponse } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeProject, authorizeProjectWrite, toVersionInfo } from "@/lib/server/http/project-access";
import { readJsonBody, readQuery } from "@/lib/server/http/read-json-body";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

type Params = { projectId: string };

/**
 * One page of the project's versions, oldest first (Bearer project token): the newest `limit`
 * (default 50, at most 200), or those below `?before=`; `nextBefore` pages on. Bounded whatever
 * the project holds.
 */
export const GET = handleRoute<Params>(async ({ request, params, services }) => {
  await authorizeProject({ store: services.store, request, projectId: params.projectId });
  const { limit, before } = readQuery(request, projectVersionsQuerySchema);
  const [page, total] = await Promise.all([
    // One more than asked tells whether older versions remain.
    services.store.listProjectVersionSummaries(params.projectId, { before, limit: limit + 1 }),
    services.store.countProjectVersions(params.projectId),
  ]);
  const versions = page.length > limit ? page.slice(1) : page;
  const body: ProjectResponse = {
    projectId: params.projectId,
    versions: versions.map(toVersionInfo),
    total,
    nextBefore: page.length > limit ? versions[0]!.version : null,
  };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

/** Renames the project (Bearer project token); the name is plain text, never markup. */
export const PATCH = handleRoute<Params>(async ({ request, params, services }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  const { name } = await readJsonBody(request, renameProjectBodySchema);
  if (!(await services.store.renameProject(params.projectId, name))) throw new AppError("NOT_FOUND", "No such project");
  const body: RenameProjectResponse = { projectId: params.projectId, name };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

/**
 * Deletes the project with every session, event and version (Bearer project token). Refused with
 * 409 while a generation of the project is queued or running: cancel it first. Deleting under a
 * running job would have it write into rows that are gone.
 */
export const DELETE = handleRoute<Params>(async ({ request, params, services, log }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  const deletion = await services.store.deleteProject(params.projectId);
  if (deletion.outcome === "not-found") throw new AppError("NOT_FOUND", "No such project");
  if (deletion.outcome === "busy") throw new AppError("CONFLICT", "A generation of this project is still queued or running; cancel it first");
  // Open sockets of its sessions were let in while it existed: drop them (every node) and the cached folds.
  services.revocation.projectDeleted(params.projectId, deletion.sessionIds);
  log.info({ projectId: params.projectId }, "project deleted");
  return new Response(null, { status: 204 });
});

const refused = refuseMethod(["GET", "PATCH", "DELETE"]);
export { refused as POST, refused as PUT };
