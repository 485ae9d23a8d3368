import { queuePromptBodySchema, type PromptQueueResponse, type QueuePromptResponse } from "@/lib/protocol";
import { consumeGenerationBudget } from "@/lib/server/http/generation-limits";
import { authorizeProjectRead, authorizeProjectWrite } from "@/lib/server/http/project-access";
import { readJsonBody } from "@/lib/server/http/read-json-body";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import type { QueuedPrompt } from "@/lib/server/storage/store";

export const dynamic = "force-dynamic";

type Params = { projectId: string };

// The public shape of a waiting prompt.
const toQueuedInfo = (item: QueuedPrompt) => ({ id: item.id, prompt: item.prompt, position: item.position, createdAt: item.createdAt });

/** The project's waiting prompts, in run order: project token, or its read-only share token. */
export const GET = handleRoute<Params>(async ({ request, params, services }) => {
  await authorizeProjectRead({ store: services.store, request, projectId: params.projectId });
  const body: PromptQueueResponse = { projectId: params.projectId, items: (await services.store.listQueuedPrompts(params.projectId)).map(toQueuedInfo) };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

/**
 * Queues a prompt behind the project's current run (Bearer project token); it starts at once when
 * nothing runs. Counts as a generation start for the rate limit; 429 QUEUE_FULL past the cap.
 */
export const POST = handleRoute<Params>(async ({ request, params, services, ip }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  const { prompt } = await readJsonBody(request, queuePromptBodySchema);
  await consumeGenerationBudget(services.rateLimits, ip);
  const { item, startedSessionId } = await services.promptQueue.add(params.projectId, prompt);
  const body: QueuePromptResponse = { projectId: params.projectId, item: toQueuedInfo(item), startedSessionId };
  return Response.json(body, { status: 201, headers: { "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["GET", "POST"]);
export { refused as PUT, refused as PATCH, refused as DELETE };
