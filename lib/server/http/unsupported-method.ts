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

/**
 * Requests Node's parser refuses (an unknown method, a broken request line, oversized headers)
 * get a JSON error too instead of Node's bodiless 400; a connection already gone is dropped.
 */
export function answerClientErrorsWithJson(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const body = json({
      error: tooLarge
        ? { code: "PAYLOAD_TOO_LARGE", message: "The request's headers are too large" }
        : { code: "VALIDATION_ERROR", message: "The request is not valid HTTP" },
    });
    const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
