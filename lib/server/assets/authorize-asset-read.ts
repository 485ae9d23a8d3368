import { ASSET_SESSION_HEADER } from "@/lib/protocol";
import { AppError } from "../http/app-error";
import { authorizeProjectRead } from "../http/project-access";
import { readBearerToken } from "../http/read-json-body";
import { authorizeSession } from "../security/authorize-session";
import type { Store } from "../storage/store";

/**
 * Who may read a project's images through the API: whoever may see the project (its token or its
 * share token), or the holder of a watch link to one of its sessions, who names that session in
 * `X-OpenV0-Session` (the page it watches shows these images too).
 */
export async function authorizeAssetRead(input: {
  store: Pick<Store, "getProjectTokenHash" | "getProjectViewerTokenHash" | "getSessionSecrets">;
  request: Request;
  projectId: string;
}): Promise<void> {
  const sessionId = input.request.headers.get(ASSET_SESSION_HEADER);
  const token = readBearerToken(input.request);
  if (!sessionId || !token) {
    await authorizeProjectRead(input);
    return;
  }
  const access = await authorizeSession(input.store, sessionId, token);
  if (!access.ok || access.session.projectId !== input.projectId) throw new AppError("UNAUTHORIZED", "This token does not grant access to this project's images");
}
