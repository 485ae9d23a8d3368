import type { GenerationSnapshot } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeRequest } from "@/lib/server/http/authorize";
import { handleRoute } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** The session's snapshot: the fold of its event log plus its own facts. */
export const GET = handleRoute<{ sessionId: string }>(async ({ request, params, services }) => {
  const role = await authorizeRequest(services, request, params.sessionId);
  const session = await services.store.getSession(params.sessionId);
  const state = await services.events.getState(params.sessionId);
  if (!session || !state) throw new AppError("NOT_FOUND", "No such generation");
  const snapshot: GenerationSnapshot = {
    ...state,
    prompt: session.prompt,
    created_at: session.createdAt,
    role,
    engine: session.engine,
  };
  return Response.json(snapshot, { headers: { "Cache-Control": "no-store" } });
});
