"use client";

import { useState } from "react";
import { describeApiError } from "@/lib/client/generation-api";
import { shareProject } from "@/lib/client/project-api";
import { saveStoredSession, type StoredSession } from "@/lib/client/session-storage";

/**
 * Shares the whole conversation read-only: `/p/:id?view=<project share token>`. The token comes
 * with a new project; older projects get one from the server on the first click (kept here).
 */
export function ProjectShareButton({ projectId, projectToken, records }: { projectId: string; projectToken: string; records: StoredSession[] }) {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function share() {
    setError(null);
    try {
      let token = records.find((r) => r.projectViewerToken)?.projectViewerToken;
      if (!token) {
        token = (await shareProject({ projectId, projectToken })).viewerToken;
        const record = records[0];
        if (record) saveStoredSession({ ...record, projectViewerToken: token });
      }
      const next = `${window.location.origin}/p/${encodeURIComponent(projectId)}?view=${encodeURIComponent(token)}`;
      setLink(next);
      setCopied(await navigator.clipboard.writeText(next).then(() => true, () => false));
    } catch (thrown) {
      setError(describeApiError(thrown).message);
    }
  }

  return (
    <div className="relative">
      <button
        type="button"
        data-testid="project-share-button"
        onClick={() => void share()}
        className="rounded-lg border border-zinc-300 px-3 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {copied ? "Link copied" : "Share conversation (read-only)"}
      </button>
      {(link || error) && (
        <div className="absolute right-0 top-full z-10 mt-2 w-72 rounded-lg border border-zinc-300 bg-white p-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {link && (
            <input
              readOnly
              aria-label="Read-only link to the whole conversation"
              data-testid="project-share-link"
              onFocus={(e) => e.currentTarget.select()}
              value={link}
              className="w-full bg-transparent font-mono"
            />
          )}
          {error && <p role="alert" className="text-red-700 dark:text-red-300">Could not create the link: {error}</p>}
        </div>
      )}
    </div>
  );
}
