import { z } from "zod";
import { previewDeltaSchema, type PreviewDelta, type PreviewOp, type SessionEvent } from "./events";

/*
 * `preview:patch`: the compact wire form of a `preview:delta`, sent only live, only to sockets
 * that asked for it in the handshake (`compact: true`) and are in sync. It is never logged: the
 * log, replays, the snapshot API and other clients keep the full `preview:delta`. A streamed page
 * sends one a second or more, so its envelope (≈270 bytes in full form) is what dominates the
 * bytes on the wire; the compact form drops what the socket already knows (`session_id`, the
 * event name's `preview:` fields as keys) and what follows from the rest (`base_version` is
 * `version - 1`), and positions the remaining fields:
 *
 *   [seq, version, epoch_ms, step_id, progress | null, op, op, ...]
 *   op = [file, text] (append) | [file, start, delete_count, text] (splice), file = "h" | "c" | "j"
 *
 * The client expands it to the full delta and validates that with the same schema as any other.
 */

const fileCodes = { html: "h", css: "c", js: "j" } as const;
const fileSchema = z.enum(["h", "c", "j"]).transform((code) => (code === "h" ? "html" : code === "c" ? "css" : "js"));
const countSchema = z.number().int().min(0);

const compactOpSchema = z.union([
  z.tuple([fileSchema, z.string()]).transform(([file, text]): PreviewOp => ({ file, op: "append", text })),
  z
    .tuple([fileSchema, countSchema, countSchema, z.string()])
    .transform(([file, start, deleteCount, text]): PreviewOp => ({ file, op: "splice", start, delete_count: deleteCount, text })),
]);

/** The compact form as received (before expansion). */
export const previewPatchSchema = z
  .tuple([
    z.number().int().positive(),
    z.number().int().min(2),
    z.number().int().min(0).max(8.64e15),
    z.string().max(64),
    z.number().min(0).max(100).nullable(),
  ])
  .rest(compactOpSchema);
export type PreviewPatchWire = z.input<typeof previewPatchSchema>;

/** The compact form of a delta, or null when it would not expand back to exactly the same event. */
export function compactPreviewDelta(delta: PreviewDelta): PreviewPatchWire | null {
  if (delta.base_version !== delta.version - 1) return null;
  const ms = Date.parse(delta.timestamp);
  if (!Number.isFinite(ms) || new Date(ms).toISOString() !== delta.timestamp) return null;
  const ops = delta.ops.map((op): PreviewPatchWire[5] =>
    op.op === "append" ? [fileCodes[op.file], op.text] : [fileCodes[op.file], op.start, op.delete_count, op.text],
  );
  return [delta.seq, delta.version, ms, delta.step_id, delta.progress ?? null, ...ops];
}

/** Expands a received compact form for the socket's session; null when it is not valid. */
export function expandPreviewPatch(sessionId: string, data: unknown): SessionEvent | null {
  const parsed = previewPatchSchema.safeParse(data);
  if (!parsed.success) return null;
  const [seq, version, ms, stepId, progress, ...ops] = parsed.data;
  const delta = previewDeltaSchema.safeParse({
    seq, session_id: sessionId, timestamp: new Date(ms).toISOString(), step_id: stepId,
    base_version: version - 1, version, ops, ...(progress === null ? {} : { progress }),
  });
  return delta.success ? { type: "preview:delta", data: delta.data } : null;
}
