import { THREAD_MAX_TURNS, readSiteName, type GenerationState, type ProjectTurn, type ProjectTurnsResponse } from "@/lib/protocol";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { authorizeProjectRead } from "@/lib/server/http/project-access";

export const dynamic = "force-dynamic";

/** One line on a turn's outcome, from its folded state (the site's words never become markup). */
function summarize(state: GenerationState | null, isEdit: boolean, siteName: string | null): string {
  if (!state) return "Waiting to start";
  const name = siteName ?? "the site";
  switch (state.status) {
    case "completed":
      return isEdit ? `Edited ${name}` : `Built ${name}`;
    case "cancelled":
      return "Cancelled";
    case "interrupted":
      return "Interrupted by a server restart";
    case "failed":
      return state.error?.message ?? "Failed";
    default:
      return state.message;
  }
}

/**
 * The project's conversation, oldest turn first: Bearer project token, or the project's read-only
 * share token (which then also watches each turn's session as a viewer, and can do nothing else).
 */
export const GET = handleRoute<{ projectId: string }>(async ({ request, params, services }) => {
  const role = await authorizeProjectRead({ store: services.store, request, projectId: params.projectId });
  const [project, sessions] = await Promise.all([
    services.store.getProject(params.projectId),
    services.store.listProjectSessions(params.projectId, THREAD_MAX_TURNS),
  ]);
  // Only the versions these turns produced: bounded by the turns, whatever number of restores.
  const producedBy = await services.store.listSessionVersions(params.projectId, sessions.map((s) => s.id));
  const turns: ProjectTurn[] = await Promise.all(
    sessions.map(async (session) => {
      const state = await services.events.getState(session.id);
      const siteName = readSiteName(state?.preview?.html_content);
      return {
        sessionId: session.id,
        prompt: session.prompt,
        status: state?.status ?? session.status,
        createdAt: session.createdAt,
        baseVersion: session.baseVersion,
        version: producedBy.get(session.id) ?? null,
        totalTime: state?.total_time ?? null,
        summary: summarize(state, session.baseVersion !== null, siteName),
        siteName,
      };
    }),
  );
  const body: ProjectTurnsResponse = { projectId: params.projectId, role, name: project?.name ?? null, turns };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
