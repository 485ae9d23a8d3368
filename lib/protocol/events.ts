import { z } from "zod";
import { idSchema, seqSchema, stepStatusSchema, timestampSchema } from "./common";
import { generationErrorCodeSchema } from "./errors";

/*
 * Server → client events. Names and snake_case fields are the seed's public contract.
 * Every session event carries `seq`: its position in the session's durable event log.
 * System events (`connected`, `heartbeat`, `stats`) are not logged and carry no `seq`.
 */

const sessionBase = { seq: seqSchema, session_id: idSchema, timestamp: timestampSchema };

/** A step as announced in the plan; `status` lets a retried run start with finished steps shown done. */
export const plannedStepSchema = z.object({
  step_id: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  status: stepStatusSchema,
});

export const generationStartedSchema = z.object({
  ...sessionBase,
  project_id: idSchema,
  total_steps: z.number().int().positive(),
  /** Prior estimate of the whole run, in seconds. */
  estimated_time: z.number().nonnegative(),
  /** 1 for the first run, 2 for the first retry, ... */
  run: z.number().int().positive(),
  steps: z.array(plannedStepSchema).min(1),
  engine: z.string().max(100),
});

export const generationStepSchema = z.object({
  ...sessionBase,
  step_id: z.string().min(1).max(64),
  step_number: z.number().int().positive(),
  total_steps: z.number().int().positive(),
  status: stepStatusSchema,
  /** 0–100, never decreases within a session. */
  progress: z.number().min(0).max(100),
  message: z.string().max(2000),
  /** Seconds left, measured from the durations of this run's finished steps. */
  estimated_remaining: z.number().nonnegative(),
  title: z.string().max(200),
  /** Seconds the step took; present on `completed` and `failed`. */
  duration: z.number().nonnegative().optional(),
});

export const generationCompletedSchema = z.object({
  ...sessionBase,
  status: z.enum(["completed", "failed"]),
  /** Seconds from this run's `generation:started` to now. */
  total_time: z.number().nonnegative(),
  /** Non-empty files of the site (index.html, styles.css, script.js). */
  files_generated: z.number().int().min(0),
  final_url: z.string(),
});

export const generationErrorSchema = z.object({
  ...sessionBase,
  step_id: z.string().max(64).optional(),
  error_code: generationErrorCodeSchema,
  error_message: z.string().max(2000),
  retry_available: z.boolean(),
});

/**
 * Characters one file of a preview may have: every snapshot, replay and fold is bounded by it
 * (engines stop well before it; the model engine at LLM_MAX_FILE_CHARS).
 */
export const PREVIEW_FILE_MAX_CHARS = 512 * 1024;
const fileText = z.string().max(PREVIEW_FILE_MAX_CHARS);

export const previewUpdatedSchema = z.object({
  ...sessionBase,
  step_id: z.string().max(64),
  preview_url: z.string().max(2000),
  /** Body markup of the whole site so far (not a full document). */
  html_content: fileText,
  css_content: fileText,
  js_content: fileText,
  /** Increments with every new preview of this session. */
  version: z.number().int().positive(),
  metadata: z.record(z.string(), z.unknown()),
});

export const previewErrorSchema = z.object({
  ...sessionBase,
  error_code: z.string().min(1).max(64),
  error_message: z.string().max(2000),
});

/** The three files of a preview, as a delta addresses them. */
export const previewFileSchema = z.enum(["html", "css", "js"]);
export type PreviewFile = z.infer<typeof previewFileSchema>;

/**
 * One edit of one file. Offsets are JS string indices (UTF-16 code units) into the file as the
 * previous op of the same delta left it. `splice` exists so the streamed page's "close the open
 * tags" suffix can be replaced in place instead of resending the page.
 */
export const previewOpSchema = z.discriminatedUnion("op", [
  z.object({ file: previewFileSchema, op: z.literal("append"), text: fileText }),
  z.object({
    file: previewFileSchema,
    op: z.literal("splice"),
    start: z.number().int().min(0).max(PREVIEW_FILE_MAX_CHARS),
    delete_count: z.number().int().min(0).max(PREVIEW_FILE_MAX_CHARS),
    text: fileText,
  }),
]);
export type PreviewOp = z.infer<typeof previewOpSchema>;

/**
 * A streamed change to the preview: only the new text, so bytes on the wire grow linearly with
 * the page. Shares the version counter with `preview:updated`, which stays the periodic and
 * end-of-step full snapshot that corrects any client that missed a delta.
 */
export const previewDeltaSchema = z.object({
  ...sessionBase,
  step_id: z.string().max(64),
  /** The preview version the ops apply to; a client holding another version ignores the delta. */
  base_version: z.number().int().positive(),
  /** The preview version after the ops. */
  version: z.number().int().positive(),
  ops: z.array(previewOpSchema).min(1).max(16),
  /** Session progress (0–100) including the streaming step's share; never lowers `progress`. */
  progress: z.number().min(0).max(100).optional(),
});

export const connectedSchema = z.object({
  session_id: idSchema,
  timestamp: timestampSchema,
  /** The newest seq in the session's log when this socket joined; replay follows up to it. */
  last_seq: z.number().int().min(0),
  role: z.enum(["owner", "viewer"]),
  /**
   * Events up to this seq were compacted into the session's snapshot and cannot be replayed:
   * a client that has applied less than this must load `GET /api/generations/:id` instead.
   */
  compacted_through: z.number().int().min(0).optional(),
});

export const heartbeatSchema = z.object({ timestamp: timestampSchema });

export const statsSchema = z.object({
  total_connections: z.number().int().min(0),
  active_sessions: z.number().int().min(0),
  running_generations: z.number().int().min(0),
  queued_generations: z.number().int().min(0),
  memory_usage: z.object({ rss: z.number(), heap_used: z.number() }),
  /** Seconds since the process started. */
  uptime: z.number().nonnegative(),
  timestamp: timestampSchema,
});

/** Every logged (seq-bearing) session event by name. */
export const sessionEventSchemas = {
  "generation:started": generationStartedSchema,
  "generation:step": generationStepSchema,
  "generation:completed": generationCompletedSchema,
  "generation:error": generationErrorSchema,
  "preview:updated": previewUpdatedSchema,
  "preview:error": previewErrorSchema,
  "preview:delta": previewDeltaSchema,
} as const;

export type SessionEventType = keyof typeof sessionEventSchemas;
export const sessionEventTypes = Object.keys(sessionEventSchemas) as SessionEventType[];

export type SessionEventData<T extends SessionEventType = SessionEventType> = z.infer<
  (typeof sessionEventSchemas)[T]
>;

/** A session event as one discriminated union, so one reducer switch handles them all. */
export const sessionEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("generation:started"), data: generationStartedSchema }),
  z.object({ type: z.literal("generation:step"), data: generationStepSchema }),
  z.object({ type: z.literal("generation:completed"), data: generationCompletedSchema }),
  z.object({ type: z.literal("generation:error"), data: generationErrorSchema }),
  z.object({ type: z.literal("preview:updated"), data: previewUpdatedSchema }),
  z.object({ type: z.literal("preview:error"), data: previewErrorSchema }),
  z.object({ type: z.literal("preview:delta"), data: previewDeltaSchema }),
]);
export type SessionEvent = z.infer<typeof sessionEventSchema>;

/** What a publisher hands the EventService: the event without `seq`, which the log assigns. */
export type SessionEventInput = {
  [T in SessionEventType]: { type: T; data: Omit<SessionEventData<T>, "seq"> };
}[SessionEventType];

export type GenerationStarted = z.infer<typeof generationStartedSchema>;
export type GenerationStep = z.infer<typeof generationStepSchema>;
export type GenerationCompleted = z.infer<typeof generationCompletedSchema>;
export type GenerationError = z.infer<typeof generationErrorSchema>;
export type PreviewUpdated = z.infer<typeof previewUpdatedSchema>;
export type PreviewError = z.infer<typeof previewErrorSchema>;
export type PreviewDelta = z.infer<typeof previewDeltaSchema>;
export type Connected = z.infer<typeof connectedSchema>;
export type Heartbeat = z.infer<typeof heartbeatSchema>;
export type Stats = z.infer<typeof statsSchema>;

/** Validates a received `(eventName, payload)` pair into the union; returns null when invalid. */
export function parseSessionEvent(type: string, data: unknown): SessionEvent | null {
  const parsed = sessionEventSchema.safeParse({ type, data });
  return parsed.success ? parsed.data : null;
}
