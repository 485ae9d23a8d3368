"use client";

import { useEffect, useState, type FormEvent } from "react";
import type { PublishState } from "@/lib/protocol";
import { describeApiError } from "@/lib/client/generation-api";
import { fetchPublishState, publishProject, unpublishProject } from "@/lib/client/project-api";
import { useGenerationStore } from "@/stores/generation-store-provider";

const button =
  "rounded-md px-2.5 py-1 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-50";
const primary = `${button} bg-indigo-600 text-white hover:bg-indigo-500`;
const quiet = `${button} text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800`;

type Load = { state: "loading" } | { state: "ready"; value: PublishState } | { state: "error"; message: string };

/**
 * Publish, Update and Unpublish for the project's one public address (`/s/<slug>`). The address
 * serves the version published, not the newest: "Update" appears when the current version is newer.
 */
export function PublishControls({ projectId, projectToken }: { projectId: string; projectToken: string }) {
  // A finished turn may have made a newer version than the one published.
  const completedAt = useGenerationStore((s) => (s.generation.status === "completed" ? s.generation.completed_at : null));
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [editing, setEditing] = useState(false);
  const [slug, setSlug] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    fetchPublishState({ projectId, projectToken }).then(
      (value) => current && setLoad({ state: "ready", value }),
      (thrown: unknown) => current && setLoad({ state: "error", message: describeApiError(thrown).message }),
    );
    return () => {
      current = false;
    };
  }, [projectId, projectToken, completedAt]);

  async function act(action: () => Promise<PublishState | null>) {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      if (next) setLoad({ state: "ready", value: next });
      else setLoad((l) => (l.state === "ready" ? { state: "ready", value: { ...l.value, publication: null } } : l));
      setEditing(false);
    } catch (thrown) {
      setError(describeApiError(thrown).message);
    } finally {
      setBusy(false);
    }
  }

  if (load.state !== "ready") {
    return load.state === "error" ? <span data-testid="publish-error" role="alert" className="text-xs text-red-700 dark:text-red-300">{load.message}</span> : null;
  }
  const { publication, currentVersion, suggestedSlug } = load.value;
  const publish = (event?: FormEvent) => {
    event?.preventDefault();
    void act(() => publishProject({ projectId, projectToken, slug: slug.trim() || undefined }));
  };
  const behind = publication !== null && currentVersion !== null && currentVersion !== publication.version;

  return (
    <div data-testid="publish-controls" data-published={publication !== null} className="flex flex-wrap items-center justify-end gap-1.5">
      {publication && !editing && (
        <>
          <a data-testid="published-link" href={publication.url} target="_blank" rel="noopener noreferrer" className="max-w-[14rem] truncate rounded-md px-1.5 py-1 font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300">
            {publication.url}
          </a>
          <span data-testid="published-version" className="text-xs text-zinc-500 dark:text-zinc-400">
            v{publication.version} live · <span data-testid="published-visits">{publication.visits}</span> {publication.visits === 1 ? "visit" : "visits"}
          </span>
          {behind && (
            <button type="button" data-testid="publish-update" disabled={busy} onClick={() => void act(() => publishProject({ projectId, projectToken, slug: publication.slug }))} className={primary}>
              {busy ? "Updating…" : `Update to v${currentVersion}`}
            </button>
          )}
          <button type="button" data-testid="publish-unpublish" disabled={busy} onClick={() => void act(async () => (await unpublishProject({ projectId, projectToken }), null))} className={quiet}>
            Unpublish
          </button>
        </>
      )}
      {!publication && !editing && (
        <button type="button" data-testid="publish-open" disabled={currentVersion === null} onClick={() => { setSlug(suggestedSlug); setEditing(true); }} className={primary}>
          Publish
        </button>
      )}
      {editing && (
        <form onSubmit={publish} className="flex flex-wrap items-center gap-1.5" aria-label="Publish the site">
          <label htmlFor="publish-slug" className="text-xs text-zinc-600 dark:text-zinc-400">Address /s/</label>
          <input
            id="publish-slug"
            data-testid="publish-slug"
            value={slug}
            onChange={(e) => setSlug(e.target.value.toLowerCase())}
            maxLength={40}
            autoFocus
            spellCheck={false}
            className="w-40 rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
          />
          <button type="submit" data-testid="publish-confirm" disabled={busy || !slug.trim()} className={primary}>
            {busy ? "Publishing…" : `Publish v${currentVersion ?? ""}`}
          </button>
          <button type="button" onClick={() => { setEditing(false); setError(null); }} className={quiet}>Cancel</button>
        </form>
      )}
      {error && <p role="alert" data-testid="publish-error" className="basis-full text-right text-xs text-red-700 dark:text-red-300">{error}</p>}
    </div>
  );
}
