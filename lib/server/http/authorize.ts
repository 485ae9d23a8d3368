import type { Role } from "@/lib/protocol";
import type { Services } from "../services-registry";
import { AppError } from "./app-error";
import { readBearerToken } from "./read-json-body";

/**
 * Checks the Bearer token against the session. Unknown sessions and wrong tokens both answer 404/401
 * without saying which tokens exist; viewers are refused owner-only actions with 403.
 */
export async function authorizeRequest(
  services: Services,
  request: Request,
  sessionId: string,
  need: Role = "viewer",
): Promise<Role> {
  const token = readBearerToken(request);
  if (!token) throw new AppError("UNAUTHORIZED", "Send the session token as Authorization: Bearer <token>");
  if (!(await services.store.getSession(sessionId))) throw new AppError("NOT_FOUND", "No such generation");
  const role = await services.generations.authorize(sessionId, token);
  if (!role) throw new AppError("UNAUTHORIZED", "This token does not grant access to this generation");
  if (need === "owner" && role !== "owner") throw new AppError("FORBIDDEN", "A read-only link cannot do this");
  return role;
}

/**
 * Like `authorizeRequest`, but also takes the token from `?token=` so a plain link (a download)
 * works; the header wins when both are sent.
 */
export function authorizeLinkRequest(services: Services, request: Request, sessionId: string, need: Role = "viewer"): Promise<Role> {
  const queryToken = new URL(request.url).searchParams.get("token");
  if (readBearerToken(request) || !queryToken) return authorizeRequest(services, request, sessionId, need);
  const headers = new Headers(request.headers);
  headers.set("authorization", `Bearer ${queryToken}`);
  return authorizeRequest(services, new Request(request.url, { headers }), sessionId, need);
}
