import type { z } from "zod";
import {
  createGenerationBodySchema,
  createGenerationResponseSchema,
  errorBodySchema,
  projectResponseSchema,
  restoreVersionResponseSchema,
  type CreateGenerationResponse,
  type ProjectResponse,
  type RestoreVersionResponse,
} from "@/lib/protocol";
import { ApiError } from "./generation-api";

/*
 * Project calls: follow-up edits and versions. Every one needs the project token (kept in
 * localStorage next to the session's tokens), and every answer is parsed with the protocol's schema.
 */

async function requestProjectJson<T extends z.ZodType>(url: string, init: RequestInit, schema: T): Promise<z.infer<T>> {
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

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const projectPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** POST /api/generations with `projectId`: starts a follow-up edit of the project's latest version. */
export function startFollowUp(input: { prompt: string; projectId: string; projectToken: string }): Promise<CreateGenerationResponse> {
  // Same rules as the server (trim, 1–4000 chars), so an obviously bad prompt never leaves the page.
  const body = createGenerationBodySchema.safeParse({ prompt: input.prompt, projectId: input.projectId });
  if (!body.success) {
    const details = body.error.issues.map((issue) => issue.message);
    return Promise.reject(new ApiError("VALIDATION_ERROR", "The edit request is not valid.", 0, details));
  }
  return requestProjectJson(
    "/api/generations",
    { method: "POST", headers: { "content-type": "application/json", ...bearer(input.projectToken) }, body: JSON.stringify(body.data) },
    createGenerationResponseSchema,
  );
}

/** GET /api/projects/:projectId: every version of the project, oldest first. */
export function fetchProject({ projectId, projectToken }: { projectId: string; projectToken: string }): Promise<ProjectResponse> {
  return requestProjectJson(projectPath(projectId), { headers: bearer(projectToken) }, projectResponseSchema);
}

/** POST /api/projects/:projectId/versions/:version/restore: copies a version as the newest one. */
export function restoreVersion(input: { projectId: string; version: number; projectToken: string }): Promise<RestoreVersionResponse> {
  return requestProjectJson(
    `${projectPath(input.projectId)}/versions/${input.version}/restore`,
    { method: "POST", headers: bearer(input.projectToken) },
    restoreVersionResponseSchema,
  );
}

/**
 * The link that opens a version's document in a new tab. A plain link cannot send a Bearer
 * header, so the route accepts the project token as `?token=` (and answers with `no-referrer`).
 */
export function buildVersionPreviewHref({ previewUrl, projectToken }: { previewUrl: string; projectToken: string }): string {
  const separator = previewUrl.includes("?") ? "&" : "?";
  return `${previewUrl}${separator}token=${encodeURIComponent(projectToken)}`;
}
