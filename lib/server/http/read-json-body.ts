import type { z } from "zod";
import { BODY_MAX_BYTES } from "@/lib/protocol";
import { AppError } from "./app-error";
import { readBodyBytes } from "./read-body-bytes";

/** Reads at most `limit` bytes of the body as UTF-8 text. */
async function readLimited(request: Request, limit: number): Promise<string> {
  const bytes = await readBodyBytes(request, limit, () => new AppError("PAYLOAD_TOO_LARGE", `Request body must be at most ${limit} bytes`));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("VALIDATION_ERROR", "Request body is not valid UTF-8");
  }
}

const issuesOf = (error: z.ZodError) => error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }));

/** Parses the URL's query parameters with a zod schema: 400 with the schema's issues. */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("VALIDATION_ERROR", "Query parameters are invalid", issuesOf(parsed.error));
  return parsed.data;
}

/**
 * A larger cap for some bodies of one route: read up to `maxBytes`, but a body past the usual
 * cap is refused (413) unless `allows` says its parsed JSON is of the kind that may be larger.
 */
export interface LargeBodyAllowance {
  maxBytes: number;
  allows: (json: unknown) => boolean;
}

/** Parses a JSON request body with a zod schema: 415 / 413 / 400 with the schema's issues. */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T, large?: LargeBodyAllowance): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json");
  }
  const text = await readLimited(request, large ? Math.max(large.maxBytes, BODY_MAX_BYTES) : BODY_MAX_BYTES);
  const oversized = large !== undefined && Buffer.byteLength(text) > BODY_MAX_BYTES;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (oversized) throw new AppError("PAYLOAD_TOO_LARGE", `Request body must be at most ${BODY_MAX_BYTES} bytes`);
    throw new AppError("VALIDATION_ERROR", "Request body is not valid JSON");
  }
  if (oversized && !large.allows(json)) throw new AppError("PAYLOAD_TOO_LARGE", `Request body must be at most ${BODY_MAX_BYTES} bytes`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError("VALIDATION_ERROR", "Request body is invalid", issuesOf(parsed.error));
  }
  return parsed.data;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function readBearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9_-]{1,128})\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1];
}
