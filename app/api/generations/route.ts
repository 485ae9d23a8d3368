import { CODE_EDIT_BODY_MAX_BYTES, createGenerationBodySchema, type CreateGenerationResponse } from "@/lib/protocol";
import { consumeGenerationBudget } from "@/lib/server/http/generation-limits";
import { readBearerToken, readJsonBody } from "@/lib/server/http/read-json-body";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** A hand edit of the code carries the whole site: it may pass the usual 64 KB (its schema bounds each file). */
const codeEditBody = {
  maxBytes: CODE_EDIT_BODY_MAX_BYTES,
  allows: (json: unknown) => (json as { edit?: { kind?: unknown } } | null)?.edit?.kind === "code",
};

/** Starts a generation; it runs in the server's job queue, independent of this request. */
export const POST = handleRoute(async ({ request, services, log, ip }) => {
  const body = await readJsonBody(request, createGenerationBodySchema, codeEditBody);
  await consumeGenerationBudget(services.rateLimits, ip);
  const started = await services.generations.start(body, {
    projectToken: readBearerToken(request), client: ip, maxQueued: services.env.MAX_QUEUED_PER_IP,
  });
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

const refused = refuseMethod(["POST"]);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
