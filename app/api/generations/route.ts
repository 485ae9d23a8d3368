import { createGenerationBodySchema, type CreateGenerationResponse } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { readBearerToken, readJsonBody } from "@/lib/server/http/read-json-body";
import { handleRoute } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** Starts a generation; it runs in the server's job queue, independent of this request. */
export const POST = handleRoute(async ({ request, services, log, ip }) => {
  const body = await readJsonBody(request, createGenerationBodySchema);
  const limit = await services.rateLimits.consumeGenerationStart(ip);
  if (!limit.ok) {
    throw new AppError("RATE_LIMITED", "Too many generations started from your address; try again shortly", { retryAfterSeconds: limit.retryAfterSeconds }, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  const started = await services.generations.start(body, readBearerToken(request));
  const response: CreateGenerationResponse = {
    ...started,
    links: {
      workspace: `/g/${started.sessionId}`,
      preview: `/preview/${started.sessionId}`,
      api: `/api/generations/${started.sessionId}`,
    },
  };
  log.info({ sessionId: started.sessionId, projectId: started.projectId }, "generation created");
  return Response.json(response, { status: 202, headers: { Location: response.links.api } });
});
