import { authorizeRequest } from "@/lib/server/http/authorize";
import { consumeGenerationBudget } from "@/lib/server/http/generation-limits";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/**
 * Re-runs a failed, cancelled or interrupted generation from its first unfinished step (owner
 * only). It counts against the client's generation budget and the session's cap on runs.
 */
export const POST = handleRoute<{ sessionId: string }>(async ({ request, params, services, ip }) => {
  await authorizeRequest({ store: services.store, request, sessionId: params.sessionId, need: "owner" });
  await consumeGenerationBudget(services.rateLimits, ip);
  const { env } = services;
  await services.generations.retry(params.sessionId, { client: ip, maxQueued: env.MAX_QUEUED_PER_IP, maxRuns: env.MAX_RUNS_PER_SESSION });
  return Response.json({ sessionId: params.sessionId, status: "queued" }, { status: 202 });
});

const refused = refuseMethod(["POST"]);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
