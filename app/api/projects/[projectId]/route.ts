import { renameProjectBodySchema, type ProjectResponse, type RenameProjectResponse } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeProject, authorizeProjectWrite, toVersionInfo } from "@/lib/server/http/project-access";
import { readJsonBody } from "@/lib/server/http/read-json-body";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

type Params = { projectId: string };

/** A project's versions, oldest first (Bearer project token). */
export const GET = handleRoute<Params>(async ({ request, params, services }) => {
  await authorizeProject({ store: services.store, request, projectId: params.projectId });
  const body: ProjectResponse = {
    projectId: params.projectId,
    versions: (await services.store.listProjectVersionSummaries(params.projectId)).map(toVersionInfo),
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
  const outcome = await services.store.deleteProject(params.projectId);
  if (outcome === "not-found") throw new AppError("NOT_FOUND", "No such project");
  if (outcome === "busy") throw new AppError("CONFLICT", "A generation of this project is still queued or running; cancel it first");
  log.info({ projectId: params.projectId }, "project deleted");
  return new Response(null, { status: 204 });
});

const refused = refuseMethod(["GET", "PATCH", "DELETE"]);
export { refused as POST, refused as PUT };
