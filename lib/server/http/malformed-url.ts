import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorBody } from "@/lib/protocol";
import { redactUrl, type Logger } from "../logger";

/** True when every percent-escape of the path decodes to valid UTF-8 (what Next's router needs). */
export function isWellFormedPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers a request whose path has a broken percent-encoding (`/g/%`, `/api/generations/%E0%A4%A`)
 * with the JSON 400 every other bad input gets, before Next's router turns it into a plain-text
 * 500. Returns true when it answered.
 */
export function refuseMalformedUrl(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { logger: Logger; onRefused: () => void },
): boolean {
  const url = req.url ?? "/";
  if (isWellFormedPath(url)) return false;
  deps.onRefused();
  deps.logger.warn({ method: req.method, url: redactUrl(url.slice(0, 300)) }, "malformed URL refused");
  const body: ErrorBody = { error: { code: "VALIDATION_ERROR", message: "The URL is not valid: it has a broken percent-encoding" } };
  res.writeHead(400, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
  return true;
}
