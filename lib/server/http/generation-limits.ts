import type { LimitResult, RateLimits } from "../security/rate-limits";
import { AppError } from "./app-error";

/** A refused limit as the API's 429: RATE_LIMITED, with when to try again in body and header. */
function throwIfLimited(limit: LimitResult, message: string): void {
  if (limit.ok) return;
  throw new AppError("RATE_LIMITED", message, { retryAfterSeconds: limit.retryAfterSeconds }, { "Retry-After": String(limit.retryAfterSeconds) });
}

/**
 * Counts a generation start against the client's per-minute budget. A retry counts like a start:
 * each run may be a paid model call, so cancel/retry cycles cannot bypass the budget.
 */
export async function consumeGenerationBudget(rateLimits: RateLimits, ip: string): Promise<void> {
  throwIfLimited(await rateLimits.consumeGenerationStart(ip), "Too many generations started from your address; try again shortly");
}

/** Counts a zip download against the client's per-minute budget (each one builds an archive). */
export async function consumeDownloadBudget(rateLimits: RateLimits, ip: string): Promise<void> {
  throwIfLimited(await rateLimits.consumeDownload(ip), "Too many downloads from your address; try again shortly");
}
