import { createHash } from "node:crypto";
import pino, { type Logger } from "pino";

export type { Logger };

/** Fields that hold a capability (a session id opens its preview): logged as a short hash only. */
const ID_FIELDS = new Set(["sessionId", "projectId", "session_id", "project_id"]);
/** Fields that may hold a URL path, whose id-like segments are hashed the same way. */
const URL_FIELDS = new Set(["url", "path"]);
/** Our ids and tokens are 32 url-safe characters; anything that long in a URL is treated as one. */
const ID_LIKE = /[A-Za-z0-9_-]{20,}/g;
/** Keys whose values are never written, at any depth of client-supplied data. */
const SECRET_KEY = /token|secret|password|passwd|authori[sz]ation|cookie|api[-_]?key|session[-_]?id|credential|ticket/i;

/** A stable 12-hex-digit fingerprint of an id: correlates log lines without granting access. */
export function hashId(id: string): string {
  return `#${createHash("sha256").update(id, "utf8").digest("hex").slice(0, 12)}`;
}

/** A URL or path with every id-like segment replaced by its fingerprint. */
export function redactUrl(url: string): string {
  return url.replace(ID_LIKE, (match) => hashId(match));
}

function hashIdFields(object: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (typeof value !== "string") continue;
    const safe = ID_FIELDS.has(key) ? hashId(value) : URL_FIELDS.has(key) ? redactUrl(value) : value;
    if (safe === value) continue;
    copy ??= { ...object };
    copy[key] = safe;
  }
  return copy ?? object;
}

/**
 * A copy of untrusted data safe to log: secret-looking keys censored at any depth, strings cut to
 * 200 characters, at most `maxDepth` levels and 50 keys per object (the rest summarised).
 */
export function redactSecrets(value: unknown, maxDepth = 6): unknown {
  if (typeof value === "string") return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (value === null || typeof value !== "object") return value;
  if (maxDepth <= 0) return "[too deep]";
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactSecrets(v, maxDepth - 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).slice(0, 50)) {
    const inner = (value as Record<string, unknown>)[key];
    out[key] = SECRET_KEY.test(key) ? "[redacted]" : redactSecrets(inner, maxDepth - 1);
  }
  return out;
}

/**
 * Structured JSON logs on stdout. Prompts and tokens are never logged at info level, and session
 * and project ids (capabilities) are replaced by a short hash here, so no call site must remember.
 */
export function createLogger({ level }: { level: string }): Logger {
  return pino({
    level,
    base: { service: "openv0" },
    redact: { paths: ["token", "*.token", "prompt", "*.prompt", "headers.authorization"], censor: "[redacted]" },
    formatters: { bindings: hashIdFields, log: hashIdFields },
  });
}
