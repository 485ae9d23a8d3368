import type { RateLimits } from "../security/rate-limits";
import { AppError } from "./app-error";

/**
 * Counts a generation start against the client's per-minute budget. A retry counts like a start:
 * each run may be a paid model call, so cancel/retry cycles cannot bypass the budget.
 */
export async function consumeGenerationBudget(rateLimits: RateLimits, ip: string): Promise<void> {
  const limit = await rateLimits.consumeGenerationStart(ip);
  if (limit.ok) return;
  throw new AppError(
    "RATE_LIMITED",
    "Too many generations started from your address; try again shortly",
    { retryAfterSeconds: limit.retryAfterSeconds },
    { "Retry-After": String(limit.retryAfterSeconds) },
  );
}

/** Counts a zip download against the client's per-minute budget (each one builds an archive). */
export async function consumeDownloadBudget(rateLimits: RateLimits, ip: string): Promise<void> {
  const limit = await rateLimits.consumeDownload(ip);
  if (limit.ok) return;
  throw new AppError(
    "RATE_LIMITED",
    "Too many downloads from your address; try again shortly",
    { retryAfterSeconds: limit.retryAfterSeconds },
    { "Retry-After": String(limit.retryAfterSeconds) },
  );
}
