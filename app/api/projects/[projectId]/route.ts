import type { ProjectResponse } from "@/lib/protocol";
import { authorizeProject, toVersionInfo } from "@/lib/server/http/project-access";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** A project's versions, oldest first (Bearer project token). */
export const GET = handleRoute<{ projectId: string }>(async ({ request, params, services }) => {
  await authorizeProject({ store: services.store, request, projectId: params.projectId });
  const body: ProjectResponse = {
    projectId: params.projectId,
    versions: (await services.store.listProjectVersionSummaries(params.projectId)).map(toVersionInfo),
  };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
