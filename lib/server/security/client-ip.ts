import type { IncomingHttpHeaders } from "node:http";

/** Header the custom server sets (overwriting anything a client sent) so route handlers know the IP. */
export const CLIENT_IP_HEADER = "x-openv0-client-ip";

/**
 * The client's IP: the socket's peer address, or with `trustProxy` the first X-Forwarded-For entry
 * (only safe behind a proxy that sets it, hence opt-in).
 */
export function resolveClientIp(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return (remoteAddress ?? "unknown").replace(/^::ffff:/, "");
}
