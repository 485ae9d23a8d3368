import { z } from "zod";

/** Request-level error codes (HTTP bodies, socket connect_error, socket acks) and their HTTP status. */
export const requestErrorStatus = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  /** A session reached its cap on runs (retries); a new generation is needed. */
  RUN_LIMIT_REACHED: 409,
  /** A project holds the most restored copies allowed (`MAX_RESTORES_PER_PROJECT`). */
  VERSION_LIMIT_REACHED: 409,
  /** A project holds the most uploaded images allowed (`MAX_ASSETS_PER_PROJECT`). */
  ASSET_LIMIT_REACHED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  /** The client already has the most jobs allowed waiting in the queue. */
  QUEUE_FULL: 429,
  ORIGIN_NOT_ALLOWED: 403,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type RequestErrorCode = keyof typeof requestErrorStatus;
export const requestErrorCodeSchema = z.enum(
  Object.keys(requestErrorStatus) as [RequestErrorCode, ...RequestErrorCode[]],
);

/** Codes a generation can fail with (the `error_code` of `generation:error`). */
export const generationErrorCodes = [
  "GENERATION_FAILED",
  "CANCELLED",
  "INTERRUPTED",
  "AUTH_FAILED",
  "RATE_LIMITED",
  "PROVIDER_ERROR",
  "STALLED",
  "INVALID_OUTPUT",
  /** The model's answer was longer than a file may be (or still cut after every continuation). */
  "OUTPUT_TOO_LONG",
  /** The request does not fit the model's context window: retrying the same cannot help. */
  "CONTEXT_TOO_LONG",
  /** A follow-up that changed nothing: no version is made; not retryable (the same ask changes nothing again). */
  "NOT_APPLIED",
] as const;
export type GenerationErrorCode = (typeof generationErrorCodes)[number];
/** The `error_code` of `generation:error`: one of `generationErrorCodes`, nothing else. */
export const generationErrorCodeSchema = z.enum(generationErrorCodes);

/** The one error body every HTTP error and socket error ack uses. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** `connect_error.data` sent by the server when it refuses a socket. */
export const connectErrorDataSchema = z.object({ code: z.string(), message: z.string() });
export type ConnectErrorData = z.infer<typeof connectErrorDataSchema>;
