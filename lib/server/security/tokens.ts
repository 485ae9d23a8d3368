import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 192 random bits, url-safe: used for session ids, project ids and tokens. */
export function createRandomId(): string {
  return randomBytes(24).toString("base64url");
}

/** Tokens are stored only as SHA-256 hashes: they are long random strings, so no slow KDF is needed. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of a presented token with a stored hash. */
export function verifyToken(token: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
