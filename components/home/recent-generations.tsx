"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { SessionStatus } from "@/lib/protocol";
import { ApiError, describeApiError } from "@/lib/client/generation-api";
import { deleteProject, renameProject } from "@/lib/client/project-api";
import { forgetStoredProject, readProjectName, saveProjectName, useStoredSessions, type StoredSession } from "@/lib/client/session-storage";
import { ProjectThumbnail } from "./project-thumbnail";
import { useProjectSummary } from "./use-project-summary";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

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

/** How many projects one page of Home shows; "Show more" adds as many again. */
export const PROJECTS_PER_PAGE = 12;

/** Every project of this browser, newest activity first: searchable by name or prompt, paged. */
export function RecentGenerations() {
  const sessions = useStoredSessions(Infinity);
  const [query, setQuery] = useState("");
  const [shown, setShown] = useState(PROJECTS_PER_PAGE);
  const groups = useMemo(() => (sessions ? groupByProject(sessions) : undefined), [sessions]);
  const matching = useMemo(() => {
    const words = query.trim().toLowerCase();
    if (!groups || !words) return groups;
    return groups.filter((g) => [readProjectName(g.projectId) ?? "", ...g.turns.map((t) => t.prompt)].some((text) => text.toLowerCase().includes(words)));
  }, [groups, query]);
  // Unknown during the server render: render nothing rather than a misleading empty state.
  if (groups === undefined || matching === undefined) return null;
  return (
    <section aria-labelledby="recent-heading" data-testid="project-list" data-count={groups.length} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="recent-heading" className="text-sm font-semibold">
          Your projects {groups.length > 0 && <span className="font-normal text-zinc-500">({groups.length})</span>}
        </h2>
        {groups.length > 3 && (
          <input
            type="search"
            data-testid="project-search"
            aria-label="Search your projects"
            placeholder="Search by name or prompt"
            value={query}
            onChange={(e) => { setQuery(e.target.value); setShown(PROJECTS_PER_PAGE); }}
            className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm sm:w-64 dark:border-zinc-700 dark:bg-zinc-900"
          />
        )}
      </div>
      {groups.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">Sites you start in this browser appear here.</p>}
      {groups.length > 0 && matching.length === 0 && <p data-testid="project-search-empty" className="text-sm text-zinc-500 dark:text-zinc-400">No project matches “{query}”.</p>}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {matching.slice(0, shown).map((p) => (
          <ProjectRow key={p.projectId} group={p} />
        ))}
      </ul>
      {matching.length > shown && (
        <button type="button" data-testid="project-list-more" onClick={() => setShown((n) => n + PROJECTS_PER_PAGE)} className="mx-auto block rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900">
          Show more ({matching.length - shown} more)
        </button>
      )}
    </section>
  );
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
  const summary = useProjectSummary(group.turns);
  const status = summary?.status ?? null;
  const name = readProjectName(group.projectId) ?? summary?.name ?? first.prompt;
  const count = summary?.turnCount ?? group.turns.length;
  const time = summary?.updatedAt ?? latest.createdAt;
  const [mode, setMode] = useState<"view" | "rename" | "confirm-remove">("view");
  const [draft, setDraft] = useState(name);
  const projectToken = group.turns.find((t) => t.projectToken)?.projectToken;
  const actions = useProjectActions(group.projectId, projectToken);
  const href = latest.projectToken ? `/p/${group.projectId}` : `/g/${latest.sessionId}`;
  const button = "rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";

  return (
    <li data-testid="recent-project" data-project-id={group.projectId} className="flex flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <Link href={href} tabIndex={-1} aria-hidden="true" className="block">
        <ProjectThumbnail sessionId={summary?.currentSessionId ?? null} name={name} />
      </Link>
      <div className="flex flex-1 flex-wrap items-center gap-2 px-3 py-2.5">
      {mode === "rename" ? (
        <form
          className="flex min-w-0 flex-1 basis-full items-center gap-2"
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
            <span>{count === 1 ? "1 prompt" : `${count} prompts`}</span>
            {!Number.isNaN(Date.parse(time)) && <time dateTime={time}>{dateFormat.format(new Date(time))}</time>}
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
        <span role="group" aria-label="Confirm removal" className="flex basis-full flex-wrap items-center gap-1 text-xs">
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
      </div>
    </li>
  );
}
