import { useMemo, useSyncExternalStore } from "react";
import { z } from "zod";
import { idSchema } from "@/lib/protocol";

/*
 * This browser's generations: tokens and a little metadata in localStorage, one key per session,
 * so a reload, a second tab and the "recent generations" list all work without an account.
 */

const PREFIX = "openv0:generation:";
/** Same-tab writes do not fire `storage`, so writers announce changes with this event. */
const CHANGE_EVENT = "openv0:storage";
const RECENT_LIMIT = 8;

export const storedSessionSchema = z.object({
  sessionId: idSchema,
  projectId: idSchema,
  prompt: z.string(),
  createdAt: z.string(),
  token: idSchema.optional(),
  viewerToken: idSchema.optional(),
  projectToken: idSchema.optional(),
  /** The project's read-only share token (the `/p/:id?view=` link), once known. */
  projectViewerToken: idSchema.optional(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

function parseRecord(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function readRaw(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    // Storage can be disabled (privacy mode); the app then simply has no memory.
    return null;
  }
}

/** Saves (or merges into) the record of one session. */
export function saveStoredSession(record: StoredSession): void {
  const previous = parseRecord(readRaw(PREFIX + record.sessionId));
  try {
    window.localStorage.setItem(PREFIX + record.sessionId, JSON.stringify({ ...previous, ...record }));
    window.dispatchEvent(new Event(CHANGE_EVENT));
  } catch {
    // Quota or disabled storage: the current tab still works, only reload/second tab lose the token.
  }
}

/** Keeps a just-created session's tokens in this browser (reload, second tab, the project page). */
export function rememberCreatedSession(
  created: { sessionId: string; projectId: string; token: string; viewerToken: string; projectToken: string; projectViewerToken?: string },
  prompt: string,
): void {
  saveStoredSession({
    sessionId: created.sessionId,
    projectId: created.projectId,
    prompt,
    createdAt: new Date().toISOString(),
    token: created.token,
    viewerToken: created.viewerToken,
    projectToken: created.projectToken,
    ...(created.projectViewerToken ? { projectViewerToken: created.projectViewerToken } : {}),
  });
}

/** The stored record of a session, or null. */
export function readStoredSession(sessionId: string): StoredSession | null {
  return parseRecord(readRaw(PREFIX + sessionId));
}

function listRawRecords(): string {
  const raws: string[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(PREFIX)) raws.push(readRaw(key) ?? "");
      // Names change the list too: carried along so the snapshot changes when one does.
      else if (key?.startsWith(NAME_PREFIX)) raws.push(JSON.stringify({ name: readRaw(key) }));
    }
  } catch {
    return "[]";
  }
  return `[${raws.filter(Boolean).join(",")}]`;
}

/** Newest-first records of this browser's generations (all of them, or the newest `limit`). */
export function listStoredSessions(raw = listRawRecords(), limit: number = RECENT_LIMIT): StoredSession[] {
  let values: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) values = parsed;
  } catch {
    return [];
  }
  return values
    .flatMap((v) => {
      const parsed = storedSessionSchema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/**
 * The stored record of a session: `undefined` during the server render and hydration (storage is
 * unknown there), then the record or null. Raw strings are the snapshot so React can compare them.
 */
export function useStoredSession(sessionId: string): StoredSession | null | undefined {
  const raw = useSyncExternalStore(subscribe, () => readRaw(PREFIX + sessionId), () => undefined);
  return useMemo(() => (raw === undefined ? undefined : parseRecord(raw)), [raw]);
}

/** This browser's generations, newest first, at most `limit` (undefined on the server render). */
export function useStoredSessions(limit: number = RECENT_LIMIT): StoredSession[] | undefined {
  const raw = useSyncExternalStore(subscribe, listRawRecords, () => undefined);
  return useMemo(() => (raw === undefined ? undefined : listStoredSessions(raw, limit)), [raw, limit]);
}

const NAME_PREFIX = "openv0:project-name:";
const NAME_MAX_CHARS = 80;

/** The name this browser gave a project (Home's rename), or null. */
export function readProjectName(projectId: string): string | null {
  const raw = readRaw(NAME_PREFIX + projectId);
  return raw ? raw.slice(0, NAME_MAX_CHARS) : null;
}

/** Renames a project in this browser; an empty name goes back to the default (its first prompt). */
export function saveProjectName(projectId: string, name: string): void {
  const trimmed = name.replace(/\s+/g, " ").trim().slice(0, NAME_MAX_CHARS);
  try {
    if (trimmed) window.localStorage.setItem(NAME_PREFIX + projectId, trimmed);
    else window.localStorage.removeItem(NAME_PREFIX + projectId);
  } catch {
    // Disabled storage: the rename lasts as long as the page.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Forgets every record of a project in this browser (its tokens go with them). */
export function forgetStoredProject(projectId: string): void {
  for (const record of listStoredSessions(listRawRecords(), Infinity)) {
    if (record.projectId !== projectId) continue;
    try {
      window.localStorage.removeItem(PREFIX + record.sessionId);
    } catch {
      // Disabled storage holds nothing to forget.
    }
  }
  try {
    window.localStorage.removeItem(NAME_PREFIX + projectId);
  } catch {
    // As above.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}
