import type { RequestErrorCode } from "@/lib/protocol";

/** Why the generation service refused a request; the HTTP layer maps each to its status. */
export type GenerationRefusal = Extract<RequestErrorCode, "NOT_FOUND" | "UNAUTHORIZED" | "CONFLICT" | "RUN_LIMIT_REACHED" | "QUEUE_FULL">;

// Route handlers are bundled apart from server.ts and may see another copy of this class:
// recognise it by a registry symbol, not by `instanceof`.
const BRAND = Symbol.for("openv0.GenerationError");

/** A refusal raised by the generation domain, with a public message. */
export class GenerationError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly code: GenerationRefusal,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "GenerationError";
  }
}

export function isGenerationError(error: unknown): error is GenerationError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
