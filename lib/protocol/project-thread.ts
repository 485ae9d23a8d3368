import { z } from "zod";
import { idSchema, roleSchema, sessionStatusSchema, timestampSchema } from "./common";

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
  /** The code its run stopped with, if any ("NOT_APPLIED": a follow-up that changed nothing). */
  errorCode: z.string().max(40).nullable().optional(),
  /** What the turn did: built the first site, edited it, or restored an older version. Absent from older servers. */
  kind: z.enum(["site", "edit", "restore"]).optional(),
});
export type ProjectTurn = z.infer<typeof projectTurnSchema>;

export const projectTurnsResponseSchema = z.object({
  projectId: idSchema,
  /** Who asked: the project token (owner) or the project's read-only token (viewer). */
  role: roleSchema.optional(),
  /** The name given by a rename; null when the project is named after its site. */
  name: z.string().nullable().optional(),
  turns: z.array(projectTurnSchema),
});
export type ProjectTurnsResponse = z.infer<typeof projectTurnsResponseSchema>;

/** Longest project name a rename accepts, in characters after trimming. */
export const PROJECT_NAME_MAX_CHARS = 80;

/** `PATCH /api/projects/:projectId` (Bearer project token). */
export const renameProjectBodySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "name must not be empty")
    .max(PROJECT_NAME_MAX_CHARS, `name must be at most ${PROJECT_NAME_MAX_CHARS} characters`),
});
export type RenameProjectBody = z.infer<typeof renameProjectBodySchema>;

export const renameProjectResponseSchema = z.object({ projectId: idSchema, name: z.string() });
export type RenameProjectResponse = z.infer<typeof renameProjectResponseSchema>;

/**
 * `POST /api/projects/:projectId/share` (Bearer project token): a new read-only token for the
 * whole thread. Only its hash is stored, so each call replaces the previous one (old links stop).
 */
export const shareProjectResponseSchema = z.object({ projectId: idSchema, viewerToken: idSchema });
export type ShareProjectResponse = z.infer<typeof shareProjectResponseSchema>;
