import type { z } from "zod";
import {
  actionResponseSchema,
  createGenerationResponseSchema,
  errorBodySchema,
  generationSnapshotSchema,
  type ActionResponse,
  type CreateGenerationResponse,
  type GenerationSnapshot,
} from "@/lib/protocol";

/** An API failure with the server's public code and message (or NETWORK / BAD_RESPONSE from here). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Fetches JSON and parses it with `schema`; failures become an ApiError with the server's code. */
export async function requestJson<T extends z.ZodType>(url: string, init: RequestInit, schema: T): Promise<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, cache: "no-store" });
  } catch {
    throw new ApiError("NETWORK", "Could not reach the server. Check your connection and try again.", 0);
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // A non-JSON body (proxy error page) is reported below as a bad response.
  }
  if (!res.ok) {
    const body = errorBodySchema.safeParse(json);
    if (body.success) throw new ApiError(body.data.error.code, body.data.error.message, res.status, body.data.error.details);
    throw new ApiError("BAD_RESPONSE", `The server answered ${res.status} without an error description.`, res.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError("BAD_RESPONSE", "The server's answer did not match the expected format.", res.status);
  return parsed.data;
}

/** The Authorization header for a session or project token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** POST /api/generations: starts a generation and returns its tokens. */
export function startGeneration({ prompt }: { prompt: string }): Promise<CreateGenerationResponse> {
  return requestJson(
    "/api/generations",
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ prompt }) },
    createGenerationResponseSchema,
  );
}

/** GET /api/generations/:id: the authoritative snapshot (used to re-sync after a gap). */
export function fetchSnapshot({ sessionId, token }: { sessionId: string; token: string }): Promise<GenerationSnapshot> {
  return requestJson(`/api/generations/${encodeURIComponent(sessionId)}`, { headers: bearer(token) }, generationSnapshotSchema);
}

/** POST /api/generations/:id/cancel (owner only). */
export function cancelGeneration({ sessionId, token }: { sessionId: string; token: string }): Promise<ActionResponse> {
  return requestJson(`/api/generations/${encodeURIComponent(sessionId)}/cancel`, { method: "POST", headers: bearer(token) }, actionResponseSchema);
}

/** POST /api/generations/:id/retry (owner only). */
export function retryGeneration({ sessionId, token }: { sessionId: string; token: string }): Promise<ActionResponse> {
  return requestJson(`/api/generations/${encodeURIComponent(sessionId)}/retry`, { method: "POST", headers: bearer(token) }, actionResponseSchema);
}

/** Human text for an API error, including validation details when the server sent them. */
export function describeApiError(error: unknown): { code: string; message: string; details: string[] } {
  if (!(error instanceof ApiError)) return { code: "UNKNOWN", message: "Something went wrong. Please try again.", details: [] };
  const details = Array.isArray(error.details)
    ? error.details.flatMap((d: unknown) =>
        typeof d === "string" ? [d] : d && typeof d === "object" && "message" in d && typeof d.message === "string" ? [d.message] : [],
      )
    : [];
  return { code: error.code, message: error.message, details };
}
