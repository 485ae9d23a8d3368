"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import type { SessionStatus } from "@/lib/protocol";
import { ApiError, describeApiError, fetchSnapshot } from "@/lib/client/generation-api";
import { deleteProject, renameProject } from "@/lib/client/project-api";
import { forgetStoredProject, readProjectName, saveProjectName, useStoredSessions, type StoredSession } from "@/lib/client/session-storage";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const PROJECT_LIMIT = 8;

const statusWords: Record<SessionStatus, string> = {
  queued: "Queued", running: "Generating", completed: "Ready", failed: "Failed", cancelled: "Cancelled", interrupted: "Interrupted",
};

interface ProjectGroup {
  projectId: string;
  /** Newest turn first. */
  turns: StoredSession[];
}

/** This browser's sessions grouped by project, the project with the newest activity first. */
export function groupByProject(sessions: StoredSession[]): ProjectGroup[] {
  const groups = new Map<string, StoredSession[]>();
  for (const s of sessions) groups.set(s.projectId, [...(groups.get(s.projectId) ?? []), s]);
  return [...groups.entries()]
    .map(([projectId, turns]) => ({ projectId, turns: turns.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }))
    .sort((a, b) => b.turns[0]!.createdAt.localeCompare(a.turns[0]!.createdAt));
}

/** Recent work in this browser: one row per project, with its latest status; rename and remove. */
export function RecentGenerations() {
  const sessions = useStoredSessions(Infinity);
  const projects = useMemo(() => (sessions ? groupByProject(sessions).slice(0, PROJECT_LIMIT) : undefined), [sessions]);
  // Unknown during the server render: render nothing rather than a misleading empty state.
  if (projects === undefined) return null;
  return (
    <section aria-labelledby="recent-heading" className="space-y-3">
      <h2 id="recent-heading" className="text-sm font-semibold">Recent projects</h2>
      {projects.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Sites you start in this browser appear here.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {projects.map((p) => (
            <ProjectRow key={p.projectId} group={p} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The latest turn's status, asked of the server with that turn's token (null until known). */
function useLatestStatus(latest: StoredSession): SessionStatus | null {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const token = latest.token ?? latest.viewerToken;
  useEffect(() => {
    if (!token) return;
    let current = true;
    fetchSnapshot({ sessionId: latest.sessionId, token }).then(
      (s) => current && setStatus(s.status),
      () => undefined, // Unknown (deleted data, network): the row simply shows no status.
    );
    return () => {
      current = false;
    };
  }, [latest.sessionId, token]);
  return status;
}

/**
 * Rename and remove: on the server when this browser holds the project token (the name then
 * follows the project; a delete removes its turns and versions), else only in this browser.
 */
function useProjectActions(projectId: string, projectToken: string | undefined) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (thrown) {
      setError(describeApiError(thrown).message);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const rename = (name: string) =>
    run(async () => {
      if (projectToken && name.trim()) await renameProject({ projectId, projectToken, name: name.trim() });
      saveProjectName(projectId, name);
    });
  const remove = () =>
    run(async () => {
      try {
        if (projectToken) await deleteProject({ projectId, projectToken });
      } catch (thrown) {
        // Already gone on the server: forgetting it here is all that is left to do.
        if (!(thrown instanceof ApiError && thrown.code === "NOT_FOUND")) {
          if (thrown instanceof ApiError && thrown.code === "CONFLICT") throw new ApiError("CONFLICT", "It is still generating: cancel it first, then remove it.", 409);
          throw thrown;
        }
      }
      forgetStoredProject(projectId);
    });
  return { error, busy, rename, remove, clearError: () => setError(null) };
}

function ProjectRow({ group }: { group: ProjectGroup }) {
  const latest = group.turns[0]!;
  const first = group.turns.at(-1)!;
  const status = useLatestStatus(latest);
  const name = readProjectName(group.projectId) ?? first.prompt;
  const [mode, setMode] = useState<"view" | "rename" | "confirm-remove">("view");
  const [draft, setDraft] = useState(name);
  const projectToken = group.turns.find((t) => t.projectToken)?.projectToken;
  const actions = useProjectActions(group.projectId, projectToken);
  const href = latest.projectToken ? `/p/${group.projectId}` : `/g/${latest.sessionId}`;
  const button = "rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";

  return (
    <li data-testid="recent-project" data-project-id={group.projectId} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
      {mode === "rename" ? (
        <form
          className="flex min-w-0 flex-1 items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void actions.rename(draft).then((ok) => ok && setMode("view"));
          }}
        >
          <label className="sr-only" htmlFor={`rename-${group.projectId}`}>Project name</label>
          <input id={`rename-${group.projectId}`} data-testid="rename-input" autoFocus value={draft} maxLength={80} onChange={(e) => setDraft(e.target.value)} className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700" />
          <button type="submit" data-testid="rename-save" disabled={actions.busy} className={button}>Save</button>
          <button type="button" onClick={() => { actions.clearError(); setMode("view"); }} className={button}>Cancel</button>
        </form>
      ) : (
        <Link href={href} data-testid="recent-generation" className="min-w-0 flex-1 hover:underline">
          <span data-testid="recent-project-name" className="block truncate font-medium">{name}</span>
          <span className="flex flex-wrap gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
            {status && <span data-testid="recent-project-status">{statusWords[status]}</span>}
            <span>{group.turns.length === 1 ? "1 prompt" : `${group.turns.length} prompts`}</span>
            {!Number.isNaN(Date.parse(latest.createdAt)) && <time dateTime={latest.createdAt}>{dateFormat.format(new Date(latest.createdAt))}</time>}
          </span>
        </Link>
      )}
      {mode === "view" && (
        <span className="flex shrink-0 gap-1">
          <button type="button" data-testid="rename-project" onClick={() => { setDraft(name); setMode("rename"); }} className={button}>Rename</button>
          <button type="button" data-testid="remove-project" onClick={() => setMode("confirm-remove")} className={button}>Remove</button>
        </span>
      )}
      {mode === "confirm-remove" && (
        <span role="group" aria-label="Confirm removal" className="flex shrink-0 items-center gap-1 text-xs">
          <span className="text-zinc-600 dark:text-zinc-300">
            {projectToken ? "Delete it with all its prompts and versions?" : "Forget it in this browser?"}
          </span>
          <button type="button" data-testid="remove-confirm" disabled={actions.busy} onClick={() => void actions.remove()} className={`${button} text-red-700 dark:text-red-400`}>Remove</button>
          <button type="button" onClick={() => { actions.clearError(); setMode("view"); }} className={button}>Keep</button>
        </span>
      )}
      {actions.error && (
        <p role="alert" data-testid="project-action-error" className="basis-full text-xs text-red-700 dark:text-red-300">{actions.error}</p>
      )}
    </li>
  );
}
