import { createGenerationBodySchema, createGenerationResponseSchema, type CreateGenerationResponse, type SiteEdit } from "@/lib/protocol";
import { ApiError, bearer, requestJson } from "./generation-api";

/**
 * POST /api/generations with a direct edit (or a prompt aimed at an element): the next turn of
 * the project. The server describes a direct edit itself and applies it to its own copy of the
 * current version; `prompt` is only what the thread shows until then.
 */
export function startElementTurn(input: {
  projectId: string; projectToken: string; prompt: string; edit?: SiteEdit; targetId?: string;
}): Promise<CreateGenerationResponse> {
  const body = createGenerationBodySchema.safeParse({ prompt: input.prompt, projectId: input.projectId, edit: input.edit, targetId: input.targetId });
  if (!body.success) {
    return Promise.reject(new ApiError("VALIDATION_ERROR", "The edit is not valid.", 0, body.error.issues.map((i) => i.message)));
  }
  return requestJson(
    "/api/generations",
    { method: "POST", headers: { "content-type": "application/json", ...bearer(input.projectToken) }, body: JSON.stringify(body.data) },
    createGenerationResponseSchema,
  );
}
