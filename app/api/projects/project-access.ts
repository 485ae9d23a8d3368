import { idSchema, type ProjectVersionInfo } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { readBearerToken } from "@/lib/server/http/read-json-body";
import { verifyToken } from "@/lib/server/security/tokens";
import type { Services } from "@/lib/server/services-registry";
import type { ProjectVersion } from "@/lib/server/storage/store";

/** Same headers as `/preview/:sessionId`: the sandbox CSP gives generated pages an opaque origin. */
export const PREVIEW_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": "sandbox allow-scripts; default-src 'none'; img-src data: https:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src data:",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
} as const;

/**
 * Checks the project token (the capability for a project's versions). `?token=` is accepted only
 * where an iframe must load the URL, since an iframe cannot send an Authorization header.
 */
export async function authorizeProject(input: { services: Services; request: Request; projectId: string; allowQueryToken?: boolean }) {
  const { services, request, projectId } = input;
  const queryToken = input.allowQueryToken ? new URL(request.url).searchParams.get("token") : null;
  const token = readBearerToken(request) ?? (queryToken && idSchema.safeParse(queryToken).success ? queryToken : undefined);
  if (!token) throw new AppError("UNAUTHORIZED", "Send the project token as Authorization: Bearer <token>");
  const hash = idSchema.safeParse(projectId).success ? await services.store.getProjectTokenHash(projectId) : null;
  if (!hash) throw new AppError("NOT_FOUND", "No such project");
  if (!verifyToken(token, hash)) throw new AppError("UNAUTHORIZED", "This token does not grant access to this project");
}

/** A version number from the URL; anything but a positive integer is a version that does not exist. */
export function parseVersionParam(raw: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw new AppError("NOT_FOUND", "No such version");
  return Number(raw);
}

/** The public shape of a version (its files are served by the preview URL, not inlined). */
export function toVersionInfo(version: Omit<ProjectVersion, "site">): ProjectVersionInfo {
  return {
    version: version.version,
    sessionId: version.sessionId,
    prompt: version.prompt,
    createdAt: version.createdAt,
    restoredFrom: version.restoredFrom ?? null,
    previewUrl: `/api/projects/${version.projectId}/versions/${version.version}/preview`,
  };
}
