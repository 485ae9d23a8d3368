import { z } from "zod";
import { idSchema, roleSchema, sessionStatusSchema, stepStatusSchema, timestampSchema } from "./common";
import { elementIdSchema, siteEditSchema } from "./site-edit";

/** Longest prompt accepted, in characters after trimming. */
export const PROMPT_MAX_CHARS = 4000;
/** Largest JSON body accepted by any route, in bytes. */
export const BODY_MAX_BYTES = 64 * 1024;

export const createGenerationBodySchema = z.strictObject({
  prompt: z
    .string()
    .trim()
    .min(1, "prompt must not be empty")
    .max(PROMPT_MAX_CHARS, `prompt must be at most ${PROMPT_MAX_CHARS} characters`),
  /** Follow-up edit of an existing project; requires that project's token as Bearer. */
  projectId: idSchema.optional(),
  /** A direct edit of one element (no model): the prompt is its one-line description. Needs `projectId`. */
  edit: siteEditSchema.optional(),
  /** The element (of the current version) the prompt is aimed at; the rest of the page is kept. Needs `projectId`. */
  targetId: elementIdSchema.optional(),
}).refine((b) => b.projectId !== undefined || (b.edit === undefined && b.targetId === undefined), {
  message: "edit and targetId need a projectId (they change an existing site)",
}).refine((b) => b.edit === undefined || b.targetId === undefined, { message: "send either edit or targetId, not both" });
export type CreateGenerationBody = z.infer<typeof createGenerationBodySchema>;

export const createGenerationResponseSchema = z.object({
  sessionId: idSchema,
  projectId: idSchema,
  /** Owner token for this session: watch, cancel, retry. Shown once; only its hash is stored. */
  token: idSchema,
  /** Read-only token for a share link: watch only. */
  viewerToken: idSchema,
  /** Token for the project (follow-up edits, versions). */
  projectToken: idSchema,
  /** Read-only token for the whole project (every turn, watch only); only for a new project. */
  projectViewerToken: idSchema.optional(),
  status: sessionStatusSchema,
  links: z.object({ workspace: z.string(), preview: z.string(), api: z.string() }),
});
export type CreateGenerationResponse = z.infer<typeof createGenerationResponseSchema>;

/**
 * A step as a snapshot draws it: the event statuses, plus `cancelled` / `interrupted` for a step
 * that was unfinished when its run stopped (so it never stays "in progress" after a crash).
 */
export const stepSnapshotStatusSchema = z.enum([...stepStatusSchema.options, "cancelled", "interrupted"]);
export type StepSnapshotStatus = z.infer<typeof stepSnapshotStatusSchema>;

export const stepSnapshotSchema = z.object({
  step_id: z.string(),
  title: z.string(),
  status: stepSnapshotStatusSchema,
  message: z.string(),
  started_at: timestampSchema.nullable(),
  /** Seconds, once the step has finished. */
  duration: z.number().nullable(),
});
export type StepSnapshot = z.infer<typeof stepSnapshotSchema>;

export const previewSnapshotSchema = z.object({
  version: z.number().int().positive(),
  step_id: z.string(),
  html_content: z.string(),
  css_content: z.string(),
  js_content: z.string(),
  updated_at: timestampSchema,
});
export type PreviewSnapshot = z.infer<typeof previewSnapshotSchema>;

/** Everything a client needs to draw a session; the same shape the client store holds. */
export const generationStateSchema = z.object({
  session_id: idSchema,
  project_id: idSchema,
  status: sessionStatusSchema,
  run: z.number().int().min(0),
  steps: z.array(stepSnapshotSchema),
  current_step_id: z.string().nullable(),
  progress: z.number().min(0).max(100),
  message: z.string(),
  estimated_remaining: z.number().nullable(),
  estimated_time: z.number().nullable(),
  preview: previewSnapshotSchema.nullable(),
  /** Why there is no preview to show (`preview:error`), until a preview arrives or a run restarts. Absent in older snapshots. */
  preview_error: z.object({ code: z.string(), message: z.string() }).nullable().optional(),
  error: z
    .object({ code: z.string(), message: z.string(), retry_available: z.boolean(), step_id: z.string().nullable() })
    .nullable(),
  started_at: timestampSchema.nullable(),
  completed_at: timestampSchema.nullable(),
  total_time: z.number().nullable(),
  files_generated: z.number().int().nullable(),
  final_url: z.string().nullable(),
  last_seq: z.number().int().min(0),
  /** Time of the newest event, so clients can count the ETA down between events. */
  updated_at: timestampSchema.nullable(),
});
export type GenerationState = z.infer<typeof generationStateSchema>;

/** `GET /api/generations/:id`: the folded state plus the session's own facts. */
export const generationSnapshotSchema = generationStateSchema.extend({
  prompt: z.string(),
  created_at: timestampSchema,
  role: roleSchema,
  engine: z.string().nullable(),
});
export type GenerationSnapshot = z.infer<typeof generationSnapshotSchema>;

/** `POST .../cancel` and `.../retry` answer 202 with this. */
export const actionResponseSchema = z.object({ sessionId: idSchema, status: sessionStatusSchema });
export type ActionResponse = z.infer<typeof actionResponseSchema>;

export const healthResponseSchema = z.object({ status: z.literal("ok") });

/** One version of a project: each finished generation (or restore) adds the next one. */
export const projectVersionSchema = z.object({
  version: z.number().int().positive(),
  /** The generation that produced it (for a restore: the one that produced the copied version). */
  sessionId: idSchema,
  prompt: z.string(),
  createdAt: timestampSchema,
  /** The version this one copies, or null when a generation produced it. */
  restoredFrom: z.number().int().positive().nullable(),
  /**
   * The version's document: with the project token as Bearer, or with the `?ticket=` that
   * `POST …/versions/:version/ticket` issues (a tab cannot send a header; tokens never go in URLs).
   * `GET …/versions/:version/download` (Bearer) is the version as a zip.
   */
  previewUrl: z.string(),
});
export type ProjectVersionInfo = z.infer<typeof projectVersionSchema>;

/** Versions in one `GET /api/projects/:projectId` answer: by default, and at most. */
export const PROJECT_VERSIONS_PAGE = { default: 50, max: 200 } as const;

/** `GET /api/projects/:projectId?limit=&before=`: the newest `limit` versions numbered below `before`. */
export const projectVersionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(PROJECT_VERSIONS_PAGE.max).default(PROJECT_VERSIONS_PAGE.default),
  before: z.coerce.number().int().positive().max(999_999_999).optional(),
});
export type ProjectVersionsQuery = z.infer<typeof projectVersionsQuerySchema>;

/**
 * `GET /api/projects/:projectId` (Bearer project token): one page of versions, oldest first —
 * the newest ones unless `before` is given. `nextBefore` asks for the page of older ones (null: none).
 */
export const projectResponseSchema = z.object({
  projectId: idSchema,
  versions: z.array(projectVersionSchema),
  /** How many versions the project has in all. */
  total: z.number().int().min(0),
  nextBefore: z.number().int().positive().nullable(),
});
export type ProjectResponse = z.infer<typeof projectResponseSchema>;

/** `POST /api/projects/:projectId/versions/:version/restore` answers 201 with the new newest version. */
export const restoreVersionResponseSchema = projectVersionSchema.extend({ projectId: idSchema });
export type RestoreVersionResponse = z.infer<typeof restoreVersionResponseSchema>;

/** `POST /api/projects/:projectId/versions/:version/ticket`: a link that opens only that version, briefly. */
export const previewTicketResponseSchema = z.object({
  /** The version's preview URL with its ticket; valid until `expiresAt`. */
  url: z.string(),
  expiresAt: timestampSchema,
});
export type PreviewTicketResponse = z.infer<typeof previewTicketResponseSchema>;
