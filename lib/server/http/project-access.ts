import type { ProjectVersionInfo, Role } from "@/lib/protocol";
import { idSchema } from "@/lib/protocol";
import { verifyPreviewTicket } from "../security/preview-ticket";
import { verifyToken } from "../security/tokens";
import type { ProjectVersion, Store } from "../storage/store";
import { AppError } from "./app-error";
import { readBearerToken } from "./read-json-body";

/**
 * Checks the project token (Bearer) for a project and returns the token's stored hash (the key
 * of its preview tickets). The token is never accepted in a URL.
 */
export async function authorizeProject(input: { store: Pick<Store, "getProjectTokenHash">; request: Request; projectId: string }): Promise<string> {
  const token = readBearerToken(input.request);
  if (!token) throw new AppError("UNAUTHORIZED", "Send the project token as Authorization: Bearer <token>");
  const hash = await readProjectKey(input.store, input.projectId);
  if (!verifyToken(token, hash)) throw new AppError("UNAUTHORIZED", "This token does not grant access to this project");
  return hash;
}

/**
 * Read-only project access: the project token (owner) or the project's read-only share token
 * (viewer). Only read routes call this; every write route calls `authorizeProject`.
 */
export async function authorizeProjectRead(input: {
  store: Pick<Store, "getProjectTokenHash" | "getProjectViewerTokenHash">;
  request: Request;
  projectId: string;
}): Promise<Role> {
  const token = readBearerToken(input.request);
  if (!token) throw new AppError("UNAUTHORIZED", "Send the project token or its share token as Authorization: Bearer <token>");
  const hash = await readProjectKey(input.store, input.projectId);
  if (verifyToken(token, hash)) return "owner";
  if (verifyToken(token, await input.store.getProjectViewerTokenHash(input.projectId))) return "viewer";
  throw new AppError("UNAUTHORIZED", "This token does not grant access to this project");
}

/**
 * A write with the project's read-only token is refused as such (403), so a share link can tell
 * its holder why; any other wrong token stays 401.
 */
export async function authorizeProjectWrite(input: {
  store: Pick<Store, "getProjectTokenHash" | "getProjectViewerTokenHash">;
  request: Request;
  projectId: string;
}): Promise<void> {
  const role = await authorizeProjectRead(input);
  if (role !== "owner") throw new AppError("FORBIDDEN", "A read-only link cannot do this");
}

/** A version's document may be opened with the project token, or with a preview ticket for it. */
export async function authorizeVersionRead(input: { store: Pick<Store, "getProjectTokenHash">; request: Request; projectId: string; version: number }): Promise<void> {
  const ticket = new URL(input.request.url).searchParams.get("ticket");
  if (!ticket || readBearerToken(input.request)) {
    await authorizeProject(input);
    return;
  }
  const key = await readProjectKey(input.store, input.projectId);
  if (!verifyPreviewTicket({ key, projectId: input.projectId, version: input.version, ticket })) {
    throw new AppError("UNAUTHORIZED", "This preview link has expired; open the version again from the app");
  }
}

async function readProjectKey(store: Pick<Store, "getProjectTokenHash">, projectId: string): Promise<string> {
  const hash = idSchema.safeParse(projectId).success ? await store.getProjectTokenHash(projectId) : null;
  if (!hash) throw new AppError("NOT_FOUND", "No such project");
  return hash;
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
