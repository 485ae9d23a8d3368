import { authorizeRequest } from "@/lib/server/http/authorize";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** Stops a queued or running generation at its next safe point (owner only). */
export const POST = handleRoute<{ sessionId: string }>(async ({ request, params, services }) => {
  await authorizeRequest({ store: services.store, request, sessionId: params.sessionId, need: "owner" });
  await services.generations.cancel(params.sessionId);
  const status = (await services.events.getState(params.sessionId))?.status ?? "cancelled";
  return Response.json({ sessionId: params.sessionId, status }, { status: 202 });
});

const refused = refuseMethod(["POST"]);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
