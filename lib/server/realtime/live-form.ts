import { diffPreviewFiles, previewFilesOf, sessionEventSchema, type GenerationState, type SessionEvent } from "@/lib/protocol";

/*
 * What travels to a watcher that is in sync. A logged `preview:updated` carries the whole site;
 * a socket that already holds the previous seq holds the previous preview too, so it is sent the
 * same seq as a `preview:delta` from that preview instead (same fold: version, step, files and
 * time end up identical). The log keeps the full snapshot: replays, late joiners and the snapshot
 * API still get whole previews.
 */

/**
 * The live form of `event` given the session's fold just before it (`before`), or `event` itself
 * when there is nothing smaller to send.
 */
export function liveFormOf(before: GenerationState | undefined, event: SessionEvent): SessionEvent {
  if (event.type !== "preview:updated") return event;
  const previous = before?.preview;
  if (!previous || before.last_seq !== event.data.seq - 1) return event;
  const d = event.data;
  const ops = diffPreviewFiles(
    previewFilesOf(previous),
    previewFilesOf(d),
  );
  const delta = {
    type: "preview:delta",
    data: {
      seq: d.seq, session_id: d.session_id, timestamp: d.timestamp, step_id: d.step_id,
      base_version: previous.version, version: d.version,
      // The schema wants one op at least: an unchanged site is an empty append.
      ops: ops.length > 0 ? ops : [{ file: "html", op: "append", text: "" }],
    },
  };
  // Clients validate what they receive; anything the schema would refuse goes out whole instead.
  const parsed = sessionEventSchema.safeParse(delta);
  if (!parsed.success) return event;
  const saved = d.html_content.length + d.css_content.length + d.js_content.length;
  const cost = parsed.data.type === "preview:delta" ? parsed.data.data.ops.reduce((n, op) => n + op.text.length, 0) : saved;
  return cost < saved ? parsed.data : event;
}
