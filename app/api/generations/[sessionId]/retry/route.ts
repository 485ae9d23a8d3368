import { authorizeRequest } from "@/lib/server/http/authorize";
import { handleRoute } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** Re-runs a failed, cancelled or interrupted generation from its first unfinished step (owner only). */
export const POST = handleRoute<{ sessionId: string }>(async ({ request, params, services }) => {
  await authorizeRequest(services, request, params.sessionId, "owner");
  await services.generations.retry(params.sessionId);
  return Response.json({ sessionId: params.sessionId, status: "queued" }, { status: 202 });
});
