import { z } from "zod";

/** ISO-8601 timestamp with offset, as every event carries. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** Session ids and tokens are opaque url-safe strings. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, "must be url-safe (A-Z, a-z, 0-9, _ and -)");

/** Sequence number of a logged event within its session: 1, 2, 3, ... with no gaps. */
export const seqSchema = z.number().int().positive();

export const stepStatusSchema = z.enum(["pending", "in_progress", "completed", "failed"]);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** Lifecycle of a generation session as seen by clients and the API. */
export const sessionStatusSchema = z.enum([
  "queued",
  "running",
  "completed",
  "failed",
  "cancelled",
  "interrupted",
]);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** Statuses after which nothing runs until a retry. */
export const terminalStatuses: readonly SessionStatus[] = ["completed", "failed", "cancelled", "interrupted"];

/** Who holds a token: the owner can cancel and retry, a viewer can only watch. */
export const roleSchema = z.enum(["owner", "viewer"]);
export type Role = z.infer<typeof roleSchema>;
