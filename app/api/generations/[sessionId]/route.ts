import type { GenerationSnapshot } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeRequest } from "@/lib/server/http/authorize";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** The session's snapshot: the fold of its event log plus its own facts (one read of the session). */
export const GET = handleRoute<{ sessionId: string }>(async ({ request, params, services }) => {
  const { role, session } = await authorizeRequest({ store: services.store, request, sessionId: params.sessionId });
  const state = await services.events.getState(params.sessionId);
  if (!state) throw new AppError("NOT_FOUND", "No such generation");
  const snapshot: GenerationSnapshot = {
    ...state,
    prompt: session.prompt,
    created_at: session.createdAt,
    role,
    engine: session.engine,
  };
  return Response.json(snapshot, { headers: { "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
