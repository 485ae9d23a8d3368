import { z } from "zod";
import {
  createGenerationBodySchema,
  renameProjectResponseSchema,
  shareProjectResponseSchema,
  type RenameProjectResponse,
  type ShareProjectResponse,
  createGenerationResponseSchema,
  projectResponseSchema,
  projectTurnsResponseSchema,
  type ProjectTurnsResponse,
  restoreVersionResponseSchema,
  type CreateGenerationResponse,
  type ProjectResponse,
  type RestoreVersionResponse,
  publishBodySchema,
  publishStateSchema,
  type PublishState,
  promptQueueResponseSchema,
  queuePromptResponseSchema,
  queuedPromptSchema,
  type PromptQueueResponse,
  type QueuePromptResponse,
  type QueuedPromptInfo,
} from "@/lib/protocol";
import { ApiError, bearer, requestJson } from "./generation-api";

/*
 * Project calls: follow-up edits and versions. Every one needs the project token (kept in
 * localStorage next to the session's tokens), and every answer is parsed with the protocol's schema.
 */

const projectPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** POST /api/generations with `projectId`: starts a follow-up edit of the project's latest version. */
export function startFollowUp(input: { prompt: string; projectId: string; projectToken: string }): Promise<CreateGenerationResponse> {
  // Same rules as the server (trim, 1–4000 chars), so an obviously bad prompt never leaves the page.
  const body = createGenerationBodySchema.safeParse({ prompt: input.prompt, projectId: input.projectId });
  if (!body.success) {
    const details = body.error.issues.map((issue) => issue.message);
    return Promise.reject(new ApiError("VALIDATION_ERROR", "The edit request is not valid.", 0, details));
  }
  return requestJson(
    "/api/generations",
    { method: "POST", headers: { "content-type": "application/json", ...bearer(input.projectToken) }, body: JSON.stringify(body.data) },
    createGenerationResponseSchema,
  );
}

/** GET /api/projects/:projectId: every version of the project, oldest first. */
export function fetchProject({ projectId, projectToken }: { projectId: string; projectToken: string }): Promise<ProjectResponse> {
  return requestJson(projectPath(projectId), { headers: bearer(projectToken) }, projectResponseSchema);
}

/**
 * GET /api/projects/:projectId/turns: the project's conversation, oldest turn first; with the
 * project token, or with the project's read-only share token.
 */
export function fetchTurns({ projectId, projectToken }: { projectId: string; projectToken: string }): Promise<ProjectTurnsResponse> {
  return requestJson(`${projectPath(projectId)}/turns`, { headers: bearer(projectToken) }, projectTurnsResponseSchema);
}

/** PATCH /api/projects/:projectId: renames the project on the server. */
export function renameProject(input: { projectId: string; projectToken: string; name: string }): Promise<RenameProjectResponse> {
  return requestJson(
    projectPath(input.projectId),
    { method: "PATCH", headers: { "content-type": "application/json", ...bearer(input.projectToken) }, body: JSON.stringify({ name: input.name }) },
    renameProjectResponseSchema,
  );
}

/** DELETE /api/projects/:projectId: deletes the project, its turns and versions (409 while one runs). */
export async function deleteProject(input: { projectId: string; projectToken: string }): Promise<void> {
  // 204 has no body: requestJson then parses null.
  await requestJson(projectPath(input.projectId), { method: "DELETE", headers: bearer(input.projectToken) }, z.null());
}

/** POST /api/projects/:projectId/share: a new read-only token for the whole thread (replaces the old one). */
export function shareProject(input: { projectId: string; projectToken: string }): Promise<ShareProjectResponse> {
  return requestJson(`${projectPath(input.projectId)}/share`, { method: "POST", headers: bearer(input.projectToken) }, shareProjectResponseSchema);
}

/** POST /api/projects/:projectId/versions/:version/restore: copies a version as the newest one. */
export function restoreVersion(input: { projectId: string; version: number; projectToken: string }): Promise<RestoreVersionResponse> {
  return requestJson(
    `${projectPath(input.projectId)}/versions/${input.version}/restore`,
    { method: "POST", headers: bearer(input.projectToken) },
    restoreVersionResponseSchema,
  );
}

/** GET /api/projects/:projectId/publish: where the project is published, and its current version. */
export function fetchPublishState({ projectId, projectToken }: { projectId: string; projectToken: string }): Promise<PublishState> {
  return requestJson(`${projectPath(projectId)}/publish`, { headers: bearer(projectToken) }, publishStateSchema);
}

/** POST /api/projects/:projectId/publish: publishes (or updates) the site at `/s/<slug>`. */
export function publishProject(input: { projectId: string; projectToken: string; slug?: string; version?: number }): Promise<PublishState> {
  const body = publishBodySchema.safeParse({ slug: input.slug, version: input.version });
  if (!body.success) {
    return Promise.reject(new ApiError("VALIDATION_ERROR", body.error.issues[0]?.message ?? "That address is not valid.", 0, body.error.issues.map((i) => i.message)));
  }
  return requestJson(
    `${projectPath(input.projectId)}/publish`,
    { method: "POST", headers: { "content-type": "application/json", ...bearer(input.projectToken) }, body: JSON.stringify(body.data) },
    publishStateSchema,
  );
}

/** DELETE /api/projects/:projectId/publish: takes the public site down. */
export async function unpublishProject({ projectId, projectToken }: { projectId: string; projectToken: string }): Promise<void> {
  await requestJson(`${projectPath(projectId)}/publish`, { method: "DELETE", headers: bearer(projectToken) }, z.null());
}

/** GET /api/projects/:projectId/queue: prompts waiting for the current run (project or share token). */
export function fetchQueue({ projectId, token }: { projectId: string; token: string }): Promise<PromptQueueResponse> {
  return requestJson(`${projectPath(projectId)}/queue`, { headers: bearer(token) }, promptQueueResponseSchema);
}

/** POST /api/projects/:projectId/queue: queues a prompt behind the current run (started at once when idle). */
export function queuePrompt(input: { projectId: string; projectToken: string; prompt: string }): Promise<QueuePromptResponse> {
  return requestJson(
    `${projectPath(input.projectId)}/queue`,
    { method: "POST", headers: { "content-type": "application/json", ...bearer(input.projectToken) }, body: JSON.stringify({ prompt: input.prompt }) },
    queuePromptResponseSchema,
  );
}

/** PATCH /api/projects/:projectId/queue/:itemId: rewrites a waiting prompt. */
export function editQueuedPrompt(input: { projectId: string; projectToken: string; itemId: string; prompt: string }): Promise<QueuedPromptInfo> {
  return requestJson(
    `${projectPath(input.projectId)}/queue/${encodeURIComponent(input.itemId)}`,
    { method: "PATCH", headers: { "content-type": "application/json", ...bearer(input.projectToken) }, body: JSON.stringify({ prompt: input.prompt }) },
    queuedPromptSchema,
  );
}

/** DELETE /api/projects/:projectId/queue/:itemId: removes a waiting prompt. */
export async function removeQueuedPrompt(input: { projectId: string; projectToken: string; itemId: string }): Promise<void> {
  await requestJson(`${projectPath(input.projectId)}/queue/${encodeURIComponent(input.itemId)}`, { method: "DELETE", headers: bearer(input.projectToken) }, z.null());
}
