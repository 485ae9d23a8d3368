import type { IncomingHttpHeaders } from "node:http";

/** Header the custom server sets (overwriting anything a client sent) so route handlers know the IP. */
export const CLIENT_IP_HEADER = "x-openv0-client-ip";

const normalise = (address: string) => address.trim().replace(/^::ffff:/, "");

/**
 * The client's IP, like Express's `trust proxy = N`: the addresses are the peer followed by the
 * X-Forwarded-For entries read from the right (each proxy appends the address it saw), and the
 * client is the one `trustedHops` steps from the peer. With 0 it is the peer; with 1 the address
 * the nearest proxy appended. Entries further left were written by the client and are never used
 * unless that many proxies are trusted.
 */
export function resolveClientIp(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustedHops: number): string {
  const peer = normalise(remoteAddress ?? "unknown");
  if (trustedHops <= 0) return peer;
  const raw = headers["x-forwarded-for"];
  const forwarded = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map(normalise)
    .filter((entry) => entry !== "");
  const fromPeer = [peer, ...forwarded.reverse()];
  return fromPeer[Math.min(trustedHops, fromPeer.length - 1)]!;
}
