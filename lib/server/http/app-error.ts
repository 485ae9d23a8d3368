import { requestErrorStatus, type ErrorBody, type RequestErrorCode } from "@/lib/protocol";
import { isGenerationError } from "../generation/generation-error";

// Route handlers are bundled apart from server.ts, so an AppError thrown by a service may come
// from another copy of this class: recognise it by a registry symbol, not by `instanceof`.
const BRAND = Symbol.for("openv0.AppError");

/** A failure with a public code and message; anything else becomes a generic 500. */
export class AppError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly code: RequestErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** True for an AppError from any copy of this module. */
export function isAppError(error: unknown): error is AppError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

/** Domain errors as request errors: the one place where they meet HTTP. */
export function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isGenerationError(error)) return new AppError(error.code, error.message, error.details);
  return null;
}

/** The JSON error response for any thrown value; never leaks a stack trace or an internal message. */
export function toErrorResponse(thrown: unknown): Response {
  const error = toAppError(thrown);
  if (!error) {
    const body: ErrorBody = { error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } };
    return Response.json(body, { status: 500 });
  }
  const { code, message, details, headers } = error;
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  const status = requestErrorStatus[code];
  return Response.json(body, { status, headers: status === 429 ? withRetryAfter(headers, details) : headers });
}

/** Seconds a 429 asks the client to wait when its error names none. */
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * Every 429 carries `Retry-After`, whichever layer refused: the error's own header, else its
 * `details.retryAfterSeconds`, else a short default (a client that backs off never hammers).
 */
function withRetryAfter(headers: Record<string, string> | undefined, details: unknown): Record<string, string> {
  if (headers && Object.keys(headers).some((name) => name.toLowerCase() === "retry-after")) return headers;
  const named = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  const seconds = typeof named === "number" && Number.isFinite(named) && named > 0 ? Math.ceil(named) : DEFAULT_RETRY_AFTER_SECONDS;
  return { ...headers, "Retry-After": String(seconds) };
}
