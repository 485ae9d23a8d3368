import { z } from "zod";
import { idSchema } from "./common";
import type { ConnectErrorData, ErrorBody } from "./errors";
import type { Connected, Heartbeat, SessionEventData, Stats } from "./events";
import type { PreviewPatchWire } from "./preview-patch";

/** Default Socket.IO path; the seed's `/ws` mount is not used. */
export const SOCKET_PATH = "/socket.io";

const lastEventIdSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * Socket handshake, normalised. Clients send `auth: { sessionId, token, lastEventId? }`;
 * the seed's `query: { session_id, token, last_event_id }` form is accepted too.
 */
const flagSchema = z.union([z.boolean(), z.enum(["1", "true", "0", "false"]).transform((v) => v === "1" || v === "true")]);

export const handshakeSchema = z.object({
  sessionId: idSchema,
  token: idSchema,
  lastEventId: lastEventIdSchema.optional(),
  /**
   * Opt-in: "far behind, I would rather load the snapshot than replay thousands of events". The
   * server may then answer `connected.compacted_through` = a recent seq and replay only after it,
   * exactly as for a compacted log (load `GET /api/generations/:id`, then apply the tail).
   */
  checkpoint: flagSchema.optional(),
  /**
   * Opt-in: "I apply `preview:delta`". Without it a socket gets what the seed documents: every
   * logged `preview:updated` whole, live and on replay (logged deltas still arrive as logged).
   */
  deltas: flagSchema.optional(),
  /** Opt-in: live deltas as compact `preview:patch` (see preview-patch.ts) instead of `preview:delta`; implies `deltas`. */
  compact: flagSchema.optional(),
});
export type Handshake = z.infer<typeof handshakeSchema>;

const pick = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};

/** Merges the `auth` and `query` forms (auth wins) and validates the result. */
export function parseHandshake(auth: unknown, query: unknown) {
  const a = asRecord(auth);
  const q = asRecord(query);
  const lastEventId = a.lastEventId ?? a.last_event_id ?? pick(q.last_event_id) ?? pick(q.lastEventId);
  return handshakeSchema.safeParse({
    sessionId: a.sessionId ?? a.session_id ?? pick(q.session_id) ?? pick(q.sessionId),
    token: a.token ?? pick(q.token),
    lastEventId: lastEventId === "" || lastEventId === null ? undefined : lastEventId,
    checkpoint: a.checkpoint ?? pick(q.checkpoint),
    deltas: a.deltas ?? pick(q.deltas),
    compact: a.compact ?? pick(q.compact),
  });
}

/** Largest serialised `log_event` payload accepted, in bytes. */
export const LOG_EVENT_MAX_BYTES = 4096;

/** `log_event`: a client-side diagnostic the server writes to its log. */
export const logEventSchema = z.object({
  event_type: z.string().min(1).max(64).regex(/^[\w:.-]+$/, "letters, digits, _ : . - only"),
  data: z.unknown().optional(),
});
export type LogEvent = z.infer<typeof logEventSchema>;

export type LogEventAck = { ok: true } | ErrorBody;
export type StatsAck = Stats | ErrorBody;

/** Payload of the `request_error` event, sent when a client→server message without an ack is refused. */
export type RequestError = ErrorBody["error"];

/**
 * `project:turn`: not logged, not replayed. Tells the sockets that may see a whole project (its
 * owner's, and those opened with the project's share token; never a one-generation watch link)
 * that its conversation changed: a turn was `started`, or a turn's run started or ended
 * (`updated`). The client reloads the turn list (GET /api/projects/:id/turns); a missed notice
 * only delays that until the next one or a reload, so nothing depends on its delivery.
 */
export const projectTurnNoticeSchema = z.object({
  project_id: idSchema,
  session_id: idSchema,
  change: z.enum(["started", "updated"]),
});
export type ProjectTurnNotice = z.infer<typeof projectTurnNoticeSchema>;

export interface ServerToClientEvents {
  connected: (data: Connected) => void;
  heartbeat: (data: Heartbeat) => void;
  stats: (data: Stats) => void;
  request_error: (data: RequestError) => void;
  "generation:started": (data: SessionEventData<"generation:started">) => void;
  "generation:step": (data: SessionEventData<"generation:step">) => void;
  "generation:completed": (data: SessionEventData<"generation:completed">) => void;
  "generation:error": (data: SessionEventData<"generation:error">) => void;
  "preview:updated": (data: SessionEventData<"preview:updated">) => void;
  "preview:error": (data: SessionEventData<"preview:error">) => void;
  "preview:delta": (data: SessionEventData<"preview:delta">) => void;
  /** Not logged: the compact live form of a `preview:delta` for sockets that opted in. */
  "preview:patch": (data: PreviewPatchWire) => void;
  "project:turn": (data: ProjectTurnNotice) => void;
}

/** Client → server. Payloads are `unknown` on purpose: the server validates everything it receives. */
export interface ClientToServerEvents {
  get_stats: (...args: unknown[]) => void;
  log_event: (...args: unknown[]) => void;
}

export type { ConnectErrorData };
