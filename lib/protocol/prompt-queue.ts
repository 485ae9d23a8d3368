import { z } from "zod";
import { idSchema, timestampSchema } from "./common";
import { PROMPT_MAX_CHARS } from "./http";

/*
 * Prompts typed while a run goes: stored on the server, shown in the thread, run in order when the
 * current run ends (the server starts each one, so a reload or a restart loses nothing).
 * `GET`/`POST /api/projects/:id/queue`, `PATCH`/`DELETE /api/projects/:id/queue/:itemId`.
 */

/** Most prompts one project may have waiting. */
export const QUEUE_MAX_ITEMS = 20;

const queuedPromptTextSchema = z
  .string()
  .trim()
  .min(1, "prompt must not be empty")
  .max(PROMPT_MAX_CHARS, `prompt must be at most ${PROMPT_MAX_CHARS} characters`);

export const queuePromptBodySchema = z.strictObject({ prompt: queuedPromptTextSchema });
export type QueuePromptBody = z.infer<typeof queuePromptBodySchema>;

export const queuedPromptSchema = z.object({
  id: idSchema,
  prompt: z.string(),
  position: z.number().int().positive(),
  createdAt: timestampSchema,
});
export type QueuedPromptInfo = z.infer<typeof queuedPromptSchema>;

/** `GET /api/projects/:id/queue` (project token or its share token). */
export const promptQueueResponseSchema = z.object({ projectId: idSchema, items: z.array(queuedPromptSchema) });
export type PromptQueueResponse = z.infer<typeof promptQueueResponseSchema>;

/** `POST /api/projects/:id/queue` answers 201: the item, and the session it started at once when nothing was running. */
export const queuePromptResponseSchema = z.object({
  projectId: idSchema,
  item: queuedPromptSchema,
  startedSessionId: idSchema.nullable(),
});
export type QueuePromptResponse = z.infer<typeof queuePromptResponseSchema>;
