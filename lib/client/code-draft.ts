import { CODE_MAX_CHARS, PREVIEW_FILE_MAX_CHARS } from "@/lib/protocol";
import type { SiteFiles } from "./version-files";

/*
 * Unsaved hand edits of the code, kept in this browser's localStorage per project and per
 * version (the turn whose site is on screen), so a reload or a closed tab does not lose them.
 * Storage is data: what is read back is checked and bounded, and anything else is dropped.
 */

export type CodeFileId = keyof SiteFiles;

/** Drafts older than this are stale (their version has long been built on): dropped when read. */
const DRAFT_MAX_AGE_MS = 14 * 24 * 3600 * 1000;

const draftKey = (projectId: string, versionKey: string) => `openv0:code-draft:${projectId}:${versionKey}`;

// Bounded like a preview file: a draft grown past what one save takes is still kept, to be cut down.
const isFile = (value: unknown): value is string => typeof value === "string" && value.length <= PREVIEW_FILE_MAX_CHARS;

/** The stored draft of this project's version, or null. */
export function readCodeDraft(projectId: string, versionKey: string): SiteFiles | null {
  if (typeof localStorage === "undefined") return null;
  try {
    const raw = JSON.parse(localStorage.getItem(draftKey(projectId, versionKey)) ?? "null") as Record<string, unknown> | null;
    if (!raw || typeof raw !== "object") return null;
    const { html, css, js, savedAt } = raw;
    if (!isFile(html) || !isFile(css) || !isFile(js) || typeof savedAt !== "number" || Date.now() - savedAt > DRAFT_MAX_AGE_MS) {
      localStorage.removeItem(draftKey(projectId, versionKey));
      return null;
    }
    return { html, css, js };
  } catch {
    return null;
  }
}

/** Keeps the draft; false when the browser would not (private mode, full storage). */
export function writeCodeDraft(projectId: string, versionKey: string, files: SiteFiles): boolean {
  try {
    localStorage.setItem(draftKey(projectId, versionKey), JSON.stringify({ ...files, savedAt: Date.now() }));
    return true;
  } catch {
    return false;
  }
}

export function clearCodeDraft(projectId: string, versionKey: string): void {
  try {
    localStorage.removeItem(draftKey(projectId, versionKey));
  } catch {
    // Unavailable storage held nothing.
  }
}

export const sameFiles = (a: SiteFiles, b: SiteFiles) => a.html === b.html && a.css === b.css && a.js === b.js;

/** Why these files cannot be saved as they are (too long for one save), or null. */
export function describeOversizedFile(files: SiteFiles): string | null {
  const names: Record<CodeFileId, string> = { html: "index.html", css: "styles.css", js: "script.js" };
  for (const id of ["html", "css", "js"] as const) {
    if (files[id].length > CODE_MAX_CHARS) {
      return `${names[id]} is ${files[id].length.toLocaleString("en")} characters; one save takes at most ${CODE_MAX_CHARS.toLocaleString("en")} per file.`;
    }
  }
  return null;
}
