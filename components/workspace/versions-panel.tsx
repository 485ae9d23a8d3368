"use client";

import { useEffect, useMemo, useState } from "react";
import type { ProjectVersionInfo } from "@/lib/protocol";
import { describeApiError } from "@/lib/client/generation-api";
import { fetchProject, restoreVersion } from "@/lib/client/project-api";
import { openVersionPreview } from "@/lib/client/version-links";
import { useGenerationStore } from "@/stores/generation-store-provider";
import { VersionCompare } from "./version-compare";

const PROMPT_PREVIEW_CHARS = 80;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The prompt cut to one short line; the full text stays in the row's title. */
export function truncatePrompt(prompt: string, max = PROMPT_PREVIEW_CHARS): string {
  const oneLine = prompt.replace(/\s+/g, " ").trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}

const smallButton =
  "rounded-md px-2 py-1 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-50";

type Load = { state: "loading" } | { state: "ready"; versions: ProjectVersionInfo[] } | { state: "error"; message: string; code: string };

export interface VersionsPanelProps {
  /** The project token kept in this browser; without it (watch links, other browsers) nothing shows. */
  projectToken: string | null;
  /** Shows a version inline (preview, code, download); after a restore, called with the new newest one. */
  onView?: (version: ProjectVersionInfo, label: string) => void;
  /** The version shown inline, to mark its row. */
  viewing?: number | null;
  /** A restore became the conversation's newest turn: open it (without this, the copy is shown inline). */
  onRestored?: (restored: ProjectVersionInfo) => void;
  /** Each load of the list, oldest first (the toolbar names the current version from it). */
  onVersions?: (versions: ProjectVersionInfo[]) => void;
  /** Compare two versions side by side; without this the comparison opens inside the panel. */
  onCompare?: (versions: ProjectVersionInfo[]) => void;
}

/** The project's versions, newest first: open any of them in a new tab, or restore one as the newest. */
export function VersionsPanel({ projectToken, onView, viewing = null, onRestored, onVersions, onCompare }: VersionsPanelProps) {
  const isOwner = useGenerationStore((s) => s.role === "owner");
  const projectId = useGenerationStore((s) => s.generation.project_id);
  // A finished run adds a version before it announces completion, so completion is the cue to reload.
  const completedAt = useGenerationStore((s) => (s.generation.status === "completed" ? s.generation.completed_at : null));
  // While the link is down a load could only fail; once it is back, load again (an error from
  // the outage no longer applies).
  const online = useGenerationStore((s) => s.connection.status !== "reconnecting" && s.connection.status !== "offline");
  const [load, setLoad] = useState<Load>({ state: "loading" });
  // Bumped to reload on demand (after a restore, or the Refresh button).
  const [reloads, setReloads] = useState(0);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [comparing, setComparing] = useState(false);
  const enabled = isOwner && projectToken !== null;

  useEffect(() => {
    if (!isOwner || !projectToken || !online) return;
    // Only the newest request may write the list, so a slow answer never overwrites a fresher one.
    let current = true;
    fetchProject({ projectId, projectToken }).then(
      (project) => current && setLoad({ state: "ready", versions: project.versions }),
      (error: unknown) => {
        const described = describeApiError(error);
        if (current) setLoad({ state: "error", message: described.message, code: described.code });
      },
    );
    return () => {
      current = false;
    };
  }, [isOwner, projectId, projectToken, completedAt, reloads, online]);
  useEffect(() => {
    if (load.state === "ready") onVersions?.(load.versions);
  }, [load, onVersions]);

  // Newest first; memoised so the compare view does not reload on unrelated renders.
  const versions = useMemo(() => (load.state === "ready" ? [...load.versions].reverse() : []), [load]);
  if (!enabled) return null;

  /** Opens a version through a short-lived ticket: the project token never goes into a URL. */
  async function openVersion(version: number) {
    if (!projectToken) return;
    try {
      await openVersionPreview({ projectId, version, projectToken });
    } catch (error) {
      const described = describeApiError(error);
      setNotice({ tone: "error", text: `${described.message} (${described.code})` });
    }
  }

  async function restore(version: number) {
    if (!projectToken || restoring !== null) return;
    setRestoring(version);
    setNotice(null);
    try {
      const restored = await restoreVersion({ projectId, version, projectToken });
      setNotice({ tone: "ok", text: `Restored v${version} as v${restored.version}. Follow-up edits now start from it.` });
      setReloads((n) => n + 1);
      // What the user restored is what they expect to see: preview, code and download follow it.
      if (onRestored) onRestored(restored);
      else onView?.(restored, `v${restored.version} (restored from v${version})`);
    } catch (error) {
      const described = describeApiError(error);
      setNotice({ tone: "error", text: `${described.message} (${described.code})` });
    } finally {
      setRestoring(null);
    }
  }

  const newest = versions[0]?.version ?? null;

  return (
    <section
      aria-labelledby="versions-heading"
      data-testid="versions-panel"
      data-state={load.state}
      data-count={versions.length}
      className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="versions-heading" className="text-sm font-semibold">Versions</h2>
        {versions.length > 1 && (
          <button type="button" data-testid="versions-compare" aria-pressed={onCompare ? undefined : comparing} onClick={() => (onCompare ? onCompare(versions) : setComparing((c) => !c))} className={`${smallButton} ml-auto text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800`}>
            Compare
          </button>
        )}
        <button type="button" data-testid="versions-refresh" onClick={() => setReloads((n) => n + 1)} className={`${smallButton} text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800`}>
          Refresh
        </button>
      </div>

      {load.state === "loading" && <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">Loading versions…</p>}
      {load.state === "error" && (
        <p role="alert" data-testid="versions-error" className="mt-2 text-sm text-red-700 dark:text-red-300">
          Could not load the versions: {load.message} <span className="font-mono text-xs opacity-70">{load.code}</span>
        </p>
      )}
      {load.state === "ready" && versions.length === 0 && (
        <p data-testid="versions-empty" className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">
          No versions yet: one is saved each time a generation completes.
        </p>
      )}

      {versions.length > 0 && (
        <ol className="mt-3 divide-y divide-zinc-100 dark:divide-zinc-800">
          {versions.map((v) => (
            <li key={v.version} data-testid="version-item" data-version={v.version} data-viewing={viewing === v.version} className={`flex items-start gap-3 py-2.5 first:pt-0 last:pb-0 ${viewing === v.version ? "bg-indigo-50/60 dark:bg-indigo-950/30" : ""}`}>
              <span className="mt-0.5 shrink-0 rounded-md bg-zinc-100 px-1.5 py-0.5 font-mono text-xs font-semibold text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
                v{v.version}
              </span>
              <div className="min-w-0 flex-1">
                <p data-testid="version-prompt" title={v.prompt} className="line-clamp-2 text-sm break-words text-zinc-800 dark:text-zinc-200">
                  {truncatePrompt(v.prompt)}
                </p>
                <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
                  <time dateTime={v.createdAt}>{dateFormat.format(new Date(v.createdAt))}</time>
                  {v.restoredFrom !== null && <span data-testid="version-restored-from">restored from v{v.restoredFrom}</span>}
                  {v.version === newest && <span className="font-medium text-emerald-700 dark:text-emerald-400">latest</span>}
                </p>
              </div>
              {/* Restore first, so "Open" lines up in one column whether or not a row can be restored. */}
              <div className="flex shrink-0 items-center gap-1">
                {/* Restoring the newest version would only duplicate it. */}
                {v.version !== newest && (
                  <button
                    type="button"
                    data-testid="version-restore"
                    disabled={restoring !== null}
                    onClick={() => void restore(v.version)}
                    aria-label={`Restore version ${v.version}`}
                    className={`${smallButton} border border-zinc-300 text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800`}
                  >
                    {restoring === v.version ? "Restoring…" : "Restore"}
                  </button>
                )}
                {onView && (
                  <button
                    type="button"
                    data-testid="version-view"
                    aria-pressed={viewing === v.version}
                    onClick={() => onView(v, `v${v.version}`)}
                    aria-label={`View version ${v.version} here`}
                    className={`${smallButton} text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-950`}
                  >
                    View
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => void openVersion(v.version)}
                  data-testid="version-open"
                  aria-label={`Open version ${v.version} in a new tab`}
                  className={`${smallButton} text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-950`}
                >
                  Open
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}

      {comparing && projectToken && versions.length > 1 && <VersionCompare versions={versions} projectToken={projectToken} />}

      {notice && (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          data-testid={notice.tone === "error" ? "versions-action-error" : "versions-notice"}
          className={`mt-3 text-xs ${notice.tone === "error" ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-400"}`}
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}
