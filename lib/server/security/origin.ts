/**
 * Browser origins allowed to open a socket: the app's own origin (the Origin's host equals the
 * request's Host), `http://localhost:PORT`, and `ALLOWED_ORIGINS`. Requests without an Origin
 * header come from non-browser clients (SDKs, curl), which cannot be driven by a hostile page.
 */
export function isOriginAllowed(input: { origin: string | undefined; host: string | undefined; allowed: string[]; port: number }): boolean {
  const { origin, host, allowed, port } = input;
  if (!origin) return true;
  const normalised = origin.replace(/\/$/, "").toLowerCase();
  if (allowed.some((a) => a.toLowerCase() === normalised)) return true;
  if (normalised === `http://localhost:${port}` || normalised === `http://127.0.0.1:${port}`) return true;
  try {
    return host !== undefined && new URL(normalised).host === host.toLowerCase();
  } catch {
    return false;
  }
}
