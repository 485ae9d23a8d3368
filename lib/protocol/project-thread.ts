import { z } from "zod";
import { idSchema, sessionStatusSchema, timestampSchema } from "./common";

/*
 * The project as a conversation: each prompt and follow-up is a turn (one generation session),
 * with what came of it. `GET /api/projects/:projectId/turns` (Bearer project token).
 */

/** Most turns one thread lists. */
export const THREAD_MAX_TURNS = 100;

export const projectTurnSchema = z.object({
  sessionId: idSchema,
  prompt: z.string(),
  status: sessionStatusSchema,
  createdAt: timestampSchema,
  /** The project version this turn edited (null for the first site). */
  baseVersion: z.number().int().positive().nullable(),
  /** The project version this turn produced, once it completed. */
  version: z.number().int().positive().nullable(),
  /** Measured seconds of its last run, once it stopped. */
  totalTime: z.number().nullable(),
  /** One line on what came of it. */
  summary: z.string(),
  /** The site's name as it stood after this turn, when it has a preview. */
  siteName: z.string().nullable(),
});
export type ProjectTurn = z.infer<typeof projectTurnSchema>;

export const projectTurnsResponseSchema = z.object({
  projectId: idSchema,
  turns: z.array(projectTurnSchema),
});
export type ProjectTurnsResponse = z.infer<typeof projectTurnsResponseSchema>;
