import { idSchema, type Role } from "@/lib/protocol";
import type { SessionRecord, Store } from "../storage/store";
import { verifyToken } from "./tokens";

/**
 * What the token reaches beyond this session: "project" for the owner's token (only the project's
 * owner starts its sessions) and the project's share token; "session" for a one-generation watch link.
 */
export type AccessScope = "session" | "project";

export type SessionAccess =
  | { ok: true; role: Role; scope: AccessScope; session: SessionRecord }
  | { ok: false; code: "NOT_FOUND" | "UNAUTHORIZED" };

/**
 * The one check of a session token, for HTTP routes and socket handshakes alike: one read of the
 * session (its record and token hashes together), constant-time comparison of the token with the
 * owner's and the viewer's hash. Unknown sessions and wrong tokens are told apart only as
 * NOT_FOUND / UNAUTHORIZED, never which tokens exist.
 */
export async function authorizeSession(store: Pick<Store, "getSessionSecrets">, sessionId: string, token: string): Promise<SessionAccess> {
  if (!idSchema.safeParse(sessionId).success) return { ok: false, code: "NOT_FOUND" };
  const secrets = await store.getSessionSecrets(sessionId);
  if (!secrets) return { ok: false, code: "NOT_FOUND" };
  if (verifyToken(token, secrets.tokenHash)) return { ok: true, role: "owner", scope: "project", session: secrets.session };
  if (verifyToken(token, secrets.viewerTokenHash)) return { ok: true, role: "viewer", scope: "session", session: secrets.session };
  // The project's token owns every session of the project, including the ones the server started
  // (queued prompts, restores), whose own tokens nobody holds.
  if (verifyToken(token, secrets.projectTokenHash)) return { ok: true, role: "owner", scope: "project", session: secrets.session };
  // A read-only share of the whole project watches each of its sessions, never more than a viewer.
  if (secrets.projectViewerTokenHash && verifyToken(token, secrets.projectViewerTokenHash)) {
    return { ok: true, role: "viewer", scope: "project", session: secrets.session };
  }
  return { ok: false, code: "UNAUTHORIZED" };
}
