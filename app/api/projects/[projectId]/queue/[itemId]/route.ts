import { idSchema, queuePromptBodySchema, type QueuedPromptInfo } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeProjectWrite } from "@/lib/server/http/project-access";
import { readJsonBody } from "@/lib/server/http/read-json-body";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

type Params = { projectId: string; itemId: string };

const parseItemId = (raw: string) => {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such queued prompt (it may have started already)");
  return parsed.data;
};

/** Edits a waiting prompt (Bearer project token); 404 once it has started. */
export const PATCH = handleRoute<Params>(async ({ request, params, services }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  const { prompt } = await readJsonBody(request, queuePromptBodySchema);
  const item = await services.store.editQueuedPrompt({ projectId: params.projectId, id: parseItemId(params.itemId), prompt });
  if (!item) throw new AppError("NOT_FOUND", "No such queued prompt (it may have started already)");
  services.promptQueue.changed(params.projectId);
  const body: QueuedPromptInfo = { id: item.id, prompt: item.prompt, position: item.position, createdAt: item.createdAt };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});

/** Removes a waiting prompt (Bearer project token); 404 once it has started. */
export const DELETE = handleRoute<Params>(async ({ request, params, services }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  if (!(await services.store.removeQueuedPrompt({ projectId: params.projectId, id: parseItemId(params.itemId) }))) {
    throw new AppError("NOT_FOUND", "No such queued prompt (it may have started already)");
  }
  services.promptQueue.changed(params.projectId);
  return new Response(null, { status: 204 });
});

const refused = refuseMethod(["PATCH", "DELETE"]);
export { refused as GET, refused as POST, refused as PUT };
