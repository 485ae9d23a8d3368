import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { ErrorBody } from "@/lib/protocol";

/** The methods Next's router serves; route handlers refuse the ones they do not export with a JSON 405. */
const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const json = (body: ErrorBody) => JSON.stringify(body);

/**
 * Answers a method Next does not know (TRACE, PROPFIND, PURGE…) with the JSON 405 every other
 * refused method gets, before Next turns it into a plain-text 500. Returns true when it answered.
 */
export function refuseUnsupportedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (SERVED_METHODS.has(req.method ?? "")) return false;
  const allowed = [...SERVED_METHODS];
  const body = json({ error: { code: "METHOD_NOT_ALLOWED", message: `This server answers ${allowed.join(", ")} only`, details: { allowed } } });
  res.writeHead(405, { "Content-Type": "application/json", "Cache-Control": "no-store", Allow: allowed.join(", ") });
  res.end(body);
  return true;
}

/** A whole raw HTTP/1.1 answer with a JSON error body, for sockets Next never sees. */
function rawAnswer(status: string, body: ErrorBody, extra = ""): string {
  const text = json(body);
  return `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n${extra}Connection: close\r\n\r\n${text}`;
}

/** What Node answers by itself when it refuses a request, as JSON. */
function describeClientError(code: string | undefined): { status: string; body: ErrorBody } {
  if (code === "HPE_HEADER_OVERFLOW") return { status: "431 Request Header Fields Too Large", body: { error: { code: "PAYLOAD_TOO_LARGE", message: "The request's headers are too large" } } };
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return { status: "408 Request Timeout", body: { error: { code: "UNAVAILABLE", message: "The request took too long to arrive" } } };
  return { status: "400 Bad Request", body: { error: { code: "VALIDATION_ERROR", message: "The request is not valid HTTP" } } };
}

/**
 * Requests Node answers before any handler — what its parser refuses (an unknown method, a
 * broken request line, oversized headers, a request too slow to arrive) and `CONNECT`, which
 * this server does not proxy — get a JSON error too, instead of a bodiless answer or a dropped
 * connection. A connection already gone is dropped.
 */
export function answerRawRefusalsWithJson(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, body } = describeClientError(error.code);
    socket.end(rawAnswer(status, body));
  });
  server.on("connect", (_req: IncomingMessage, socket: Duplex) => {
    const allowed = [...SERVED_METHODS].join(", ");
    const body: ErrorBody = { error: { code: "METHOD_NOT_ALLOWED", message: `This server answers ${allowed} only`, details: { allowed: [...SERVED_METHODS] } } };
    socket.end(rawAnswer("405 Method Not Allowed", body, `Allow: ${allowed}\r\n`));
  });
}
