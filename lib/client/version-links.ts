import { errorBodySchema, previewTicketResponseSchema } from "@/lib/protocol";
import { ApiError, bearer, requestJson } from "./generation-api";

/*
 * Opening and downloading generated sites without putting a token in any URL: a URL is readable
 * by the generated page it opens, by history and by whoever it is copied to. Downloads are
 * fetched with an Authorization header and handed to the browser as a blob; a version opens in a
 * tab through a short-lived ticket that grants only that one read.
 */

const projectPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/** Opens one version of a project in a new tab, through a ticket valid for a few minutes. */
export async function openVersionPreview(input: { projectId: string; version: number; projectToken: string }): Promise<void> {
  // Opened now, while the click still counts as a user gesture (popup blockers), and cut from
  // this window so the generated page cannot reach back to the app through `window.opener`.
  const tab = window.open("about:blank", "_blank");
  if (tab) tab.opener = null;
  try {
    const url = await fetchVersionTicketUrl(input);
    if (tab) tab.location.href = url;
    else window.open(url, "_blank", "noopener,noreferrer");
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/** A ticket link to one version's document, for a sandboxed frame (compare) or a tab. */
export async function fetchVersionTicketUrl(input: { projectId: string; version: number; projectToken: string }): Promise<string> {
  const { url } = await requestJson(
    `${projectPath(input.projectId)}/versions/${input.version}/ticket`,
    { method: "POST", headers: bearer(input.projectToken) },
    previewTicketResponseSchema,
  );
  return url;
}

/** Downloads the latest site of a session as a zip (owner or viewer token). */
export function downloadZip({ sessionId, token }: { sessionId: string; token: string }): Promise<void> {
  return downloadWithToken(`/api/generations/${encodeURIComponent(sessionId)}/download`, token, `openv0-${sessionId}.zip`);
}

/** Downloads one version of a project as a zip (project token). */
export function downloadVersionZip(input: { projectId: string; version: number; projectToken: string }): Promise<void> {
  return downloadWithToken(`${projectPath(input.projectId)}/versions/${input.version}/download`, input.projectToken, `openv0-v${input.version}.zip`);
}

async function downloadWithToken(url: string, token: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: bearer(token), cache: "no-store" });
  } catch {
    throw new ApiError("NETWORK", "Could not reach the server. Check your connection and try again.", 0);
  }
  if (!res.ok) {
    const body = errorBodySchema.safeParse(await res.json().catch(() => null));
    if (body.success) throw new ApiError(body.data.error.code, body.data.error.message, res.status, body.data.error.details);
    throw new ApiError("BAD_RESPONSE", `The server answered ${res.status} without an error description.`, res.status);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  saveBlob(await res.blob(), name);
}

/** Hands a blob to the browser's download manager under `name`. */
function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
