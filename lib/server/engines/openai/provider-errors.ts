import { APIConnectionError, APIError } from "openai";
import { EngineError } from "../engine";

/*
 * Provider failures become EngineErrors with fixed public messages. The provider's own error text
 * is never forwarded: it can echo part of the API key ("Incorrect API key provided: sk-…").
 */

/** A 429, carrying how long the provider asked us to wait (ms), when it said so. */
export class RateLimitedError extends EngineError {
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super("RATE_LIMITED", message, true);
  }
}

export const stalledError = (timeoutMs: number) =>
  new EngineError(
    "STALLED",
    `The AI provider sent nothing for ${Math.round(timeoutMs / 1000)} s, so the step was stopped. You can retry.`,
    true,
  );

export const streamEndedEarlyError = () =>
  new EngineError("PROVIDER_ERROR", "The AI provider's answer ended before it was complete. You can retry.", true);

/** Milliseconds a 429 asks us to wait (`retry-after-ms`, `retry-after` seconds or date), or null. */
export function readRetryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export const outputTooLongError = (detail: string) =>
  new EngineError(
    "OUTPUT_TOO_LONG",
    `The AI model's answer ${detail}, so the step was stopped. Retry, or ask for a smaller change or a shorter site.`,
    true,
  );

/**
 * A prompt over the model's context window: llama.cpp answers 400 `type: "exceed_context_size_error"`
 * with `n_prompt_tokens` and `n_ctx`; OpenAI answers 400 `code: "context_length_exceeded"`. The
 * same request fails the same way again, so it is not retryable, and the message says what helps.
 */
function contextError(error: APIError): EngineError | null {
  const body = (error.error ?? {}) as Record<string, unknown>;
  const matches = error.type === "exceed_context_size_error" || error.code === "context_length_exceeded" ||
    body.type === "exceed_context_size_error" || body.code === "context_length_exceeded";
  if (!matches) return null;
  const prompt = Number(body.n_prompt_tokens);
  const window = Number(body.n_ctx);
  const sizes = Number.isFinite(prompt) && Number.isFinite(window) ? ` (${prompt} tokens for a window of ${window})` : "";
  return new EngineError(
    "CONTEXT_TOO_LONG",
    `The request is longer than the AI model's context window${sizes}. Use a shorter prompt or a smaller site, or configure a model (OPENAI_MODEL) or a server with a larger context window.`,
    false,
  );
}

/** Maps anything thrown while talking to the provider to a public EngineError. */
export function toProviderError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const context = error instanceof APIError ? contextError(error) : null;
  if (context) return context;
  if (error instanceof APIError && error.status !== undefined) return fromStatus(error.status, error.headers);
  if (error instanceof APIConnectionError) {
    return new EngineError("PROVIDER_ERROR", "Could not reach the AI provider. You can retry.", true);
  }
  if (error instanceof SyntaxError) {
    return new EngineError("PROVIDER_ERROR", "The AI provider sent a malformed stream. You can retry.", true);
  }
  if (error instanceof APIError) {
    // An error object inside an otherwise fine stream.
    return new EngineError("PROVIDER_ERROR", "The AI provider reported an error mid-answer. You can retry.", true);
  }
  // undici's "terminated" / "other side closed": the connection broke while the answer streamed.
  return new EngineError("PROVIDER_ERROR", "The connection to the AI provider broke off mid-answer. You can retry.", true);
}

function fromStatus(status: number, headers: Headers | undefined): EngineError {
  if (status === 401 || status === 403) {
    return new EngineError(
      "AUTH_FAILED",
      `The AI provider refused the server's credentials (HTTP ${status}). An administrator must check OPENAI_API_KEY.`,
      false,
    );
  }
  if (status === 429) {
    return new RateLimitedError("The AI provider is rate-limiting requests (HTTP 429). Retry in a little while.", readRetryAfterMs(headers));
  }
  if (status === 404) {
    return new EngineError("PROVIDER_ERROR", "The AI provider does not know the configured model (HTTP 404). Check OPENAI_MODEL.", true);
  }
  if (status >= 500) {
    return new EngineError("PROVIDER_ERROR", `The AI provider failed (HTTP ${status}). You can retry.`, true);
  }
  return new EngineError("PROVIDER_ERROR", `The AI provider refused the request (HTTP ${status}). You can retry.`, true);
}
