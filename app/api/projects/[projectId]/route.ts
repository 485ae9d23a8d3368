import type { ProjectResponse } from "@/lib/protocol";
import { handleRoute } from "@/lib/server/http/route-handler";
import { authorizeProject, toVersionInfo } from "../project-access";

export const dynamic = "force-dynamic";

/** A project's versions, oldest first (Bearer project token). */
export const GET = handleRoute<{ projectId: string }>(async ({ request, params, services }) => {
  await authorizeProject({ services, request, projectId: params.projectId });
  const body: ProjectResponse = {
    projectId: params.projectId,
    versions: (await services.store.listProjectVersionSummaries(params.projectId)).map(toVersionInfo),
  };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});
