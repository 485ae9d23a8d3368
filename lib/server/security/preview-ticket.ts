import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a version-preview ticket opens its document. */
export const TICKET_TTL_SECONDS = 300;

const sign = (key: string, projectId: string, version: number, expires: number) =>
  createHmac("sha256", key).update(`version-preview\n${projectId}\n${version}\n${expires}`).digest("base64url");

/**
 * A short-lived capability to read one version's document, for the URL a new tab or iframe must
 * load (it cannot send a header). It is signed with the project token's stored hash, which never
 * leaves the server, so every node can check it without a shared secret, and it grants nothing
 * but that read: a generated page that reads its own URL learns only how to load itself.
 */
export function issuePreviewTicket(input: { key: string; projectId: string; version: number; now?: number }): { ticket: string; expiresAt: string } {
  const expires = Math.floor((input.now ?? Date.now()) / 1000) + TICKET_TTL_SECONDS;
  return {
    ticket: `${expires}.${sign(input.key, input.projectId, input.version, expires)}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/** True when the ticket was issued for this version of this project and has not expired. */
export function verifyPreviewTicket(input: { key: string; projectId: string; version: number; ticket: string; now?: number }): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(input.ticket);
  if (!match) return false;
  const expires = Number(match[1]);
  const now = Math.floor((input.now ?? Date.now()) / 1000);
  if (expires < now || expires > now + TICKET_TTL_SECONDS) return false;
  const expected = Buffer.from(sign(input.key, input.projectId, input.version, expires));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
