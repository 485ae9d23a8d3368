import { RateLimiterMemory } from "rate-limiter-flexible";
import { LOG_EVENT_MAX_BYTES, logEventSchema, type ErrorBody, type LogEvent } from "@/lib/protocol";
import { redactSecrets, type Logger } from "../logger";

/** The part of a socket the handler uses. */
interface LogSource {
  id: string;
  data: { sessionId: string };
  emit(event: "request_error", error: ErrorBody["error"]): unknown;
}

type Ack = (payload: unknown) => void;
const lastAck = (args: unknown[]): Ack | undefined => {
  const last = args[args.length - 1];
  return typeof last === "function" ? (last as Ack) : undefined;
};

/** Parses a `log_event` in the seed's `(event_type, data)` form or the object form, size first. */
function parseLogEvent(values: unknown[]): { ok: true; event: LogEvent } | { ok: false; error: ErrorBody["error"] } {
  const candidate = typeof values[0] === "string" ? { event_type: values[0], data: values[1] } : values[0];
  let size = Infinity;
  try {
    size = Buffer.byteLength(JSON.stringify(candidate ?? null));
  } catch {
    // Unserialisable (circular) payloads fall through to the size error.
  }
  if (size > LOG_EVENT_MAX_BYTES) {
    return { ok: false, error: { code: "PAYLOAD_TOO_LARGE", message: `log_event payload must be at most ${LOG_EVENT_MAX_BYTES} bytes` } };
  }
  const parsed = logEventSchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, error: { code: "VALIDATION_ERROR", message: "log_event expects { event_type, data }", details: parsed.error.issues.map((i) => i.message) } };
  }
  return { ok: true, event: parsed.data };
}

/**
 * Client diagnostics (`log_event`) written to the server log. Anyone holding a viewer link can send
 * them, so each socket has its own small budget (apart from the general message limit), lines go
 * out at debug level, and secret-looking keys are censored at any depth of the client's data.
 */
export function createClientLogHandler(deps: { logger: Logger; perMinute: number; onRejected?: () => void }) {
  const budget = deps.perMinute > 0 ? new RateLimiterMemory({ points: deps.perMinute, duration: 60, keyPrefix: "log_event" }) : null;

  const reply = (socket: LogSource, args: unknown[], payload: { ok: true } | ErrorBody) => {
    const ack = lastAck(args);
    if (ack) ack(payload);
    else if ("error" in payload) socket.emit("request_error", payload.error);
  };

  return async function handleLogEvent(socket: LogSource, args: unknown[]): Promise<void> {
    const result = parseLogEvent(lastAck(args) ? args.slice(0, -1) : args);
    if (!result.ok) return reply(socket, args, { error: result.error });
    try {
      await budget?.consume(socket.id);
    } catch {
      deps.onRejected?.();
      return reply(socket, args, { error: { code: "RATE_LIMITED", message: `At most ${deps.perMinute} log_event messages per minute per connection` } });
    }
    deps.logger.debug(
      { sessionId: socket.data.sessionId, socketId: socket.id, clientEvent: result.event.event_type, data: redactSecrets(result.event.data) },
      "client log_event",
    );
    reply(socket, args, { ok: true });
  };
}
