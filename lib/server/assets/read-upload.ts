import { AppError } from "../http/app-error";
import { readBodyBytes } from "../http/read-body-bytes";

/** The upload's bytes, at most `limit` (refused while it streams in, see readBodyBytes). */
export async function readUploadBytes(request: Request, limit: number): Promise<Uint8Array> {
  const bytes = await readBodyBytes(request, limit, () => new AppError("PAYLOAD_TOO_LARGE", `An image may be at most ${formatBytes(limit)}`, { maxBytes: limit }));
  return new Uint8Array(bytes);
}

/** "5 MB", "512 KB": a limit as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
