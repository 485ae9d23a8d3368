import type { Role } from "@/lib/protocol";
import { authorizeSession } from "../security/authorize-session";
import type { SessionRecord, Store } from "../storage/store";
import { AppError } from "./app-error";
import { readBearerToken } from "./read-json-body";

const refusals = {
  NOT_FOUND: "No such generation",
  UNAUTHORIZED: "This token does not grant access to this generation",
} as const;

/**
 * Checks the Bearer token against the session (one read) and returns the role and the session.
 * Unknown sessions and wrong tokens answer 404/401 without saying which tokens exist; viewers are
 * refused owner-only actions with 403. Tokens are never accepted in the URL.
 */
export async function authorizeRequest(input: {
  store: Pick<Store, "getSessionSecrets">;
  request: Request;
  sessionId: string;
  need?: Role;
}): Promise<{ role: Role; session: SessionRecord }> {
  const token = readBearerToken(input.request);
  if (!token) throw new AppError("UNAUTHORIZED", "Send the session token as Authorization: Bearer <token>");
  const access = await authorizeSession(input.store, input.sessionId, token);
  if (!access.ok) throw new AppError(access.code, refusals[access.code]);
  if (input.need === "owner" && access.role !== "owner") throw new AppError("FORBIDDEN", "A read-only link cannot do this");
  return { role: access.role, session: access.session };
}
