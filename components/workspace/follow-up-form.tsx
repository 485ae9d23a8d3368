"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PROMPT_MAX_CHARS, type GenerationState } from "@/lib/protocol";
import { describeApiError } from "@/lib/client/generation-api";
import { startFollowUp } from "@/lib/client/project-api";
import { saveStoredSession } from "@/lib/client/session-storage";
import { useGenerationStore } from "@/stores/generation-store-provider";

/** Edits the built-in engine understands; clicking one fills the box. */
export const FOLLOW_UP_EXAMPLES = [
  "Make the header dark",
  "Add a pricing section",
  "Change the accent colour to blue",
  "Rename to Golden Crust",
];

/**
 * A follow-up can start once nothing runs any more and there is a site to edit: a completed run,
 * or a stopped one that got as far as a preview (interrupted is a failure the server caused).
 */
export function isReadyForFollowUp(generation: Pick<GenerationState, "status" | "preview">): boolean {
  if (generation.status === "completed") return true;
  const stopped = generation.status === "failed" || generation.status === "cancelled" || generation.status === "interrupted";
  return stopped && generation.preview !== null;
}

export interface FollowUpFormProps {
  /** The project token kept in this browser; without it (watch links, other browsers) nothing shows. */
  projectToken: string | null;
}

/** The follow-up prompt box: starts an edit of this project and opens the new session's workspace. */
export function FollowUpForm({ projectToken }: FollowUpFormProps) {
  const router = useRouter();
  const isOwner = useGenerationStore((s) => s.role === "owner");
  const ready = useGenerationStore((s) => isReadyForFollowUp(s.generation));
  const projectId = useGenerationStore((s) => s.generation.project_id);
  const [prompt, setPrompt] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReturnType<typeof describeApiError> | null>(null);
  if (!isOwner || !ready || !projectToken) return null;

  const trimmed = prompt.trim();
  const tooLong = trimmed.length > PROMPT_MAX_CHARS;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy || !trimmed || tooLong || !projectToken) return;
    setBusy(true);
    setError(null);
    try {
      const created = await startFollowUp({ prompt: trimmed, projectId, projectToken });
      saveStoredSession({
        sessionId: created.sessionId,
        projectId: created.projectId,
        prompt: trimmed,
        createdAt: new Date().toISOString(),
        token: created.token,
        viewerToken: created.viewerToken,
        projectToken: created.projectToken,
      });
      // Stays busy: the page is about to change to the new session's workspace.
      router.push(created.links.workspace);
    } catch (err) {
      setError(describeApiError(err));
      setBusy(false);
    }
  }

  return (
    <section
      aria-labelledby="follow-up-heading"
      data-testid="follow-up"
      className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <form onSubmit={(e) => void submit(e)} aria-busy={busy} className="space-y-3">
        <div>
          <h2 id="follow-up-heading" className="text-sm font-semibold">
            <label htmlFor="follow-up-input">Edit this site</label>
          </h2>
          <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
            Describe a change; it starts from the project&apos;s latest version and opens as a new version.
          </p>
        </div>
        <div className="rounded-lg border border-zinc-300 bg-white focus-within:border-indigo-500 focus-within:ring-4 focus-within:ring-indigo-500/15 dark:border-zinc-700 dark:bg-zinc-950">
          <textarea
            id="follow-up-input"
            data-testid="follow-up-input"
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void submit();
            }}
            rows={3}
            disabled={busy}
            placeholder="Make the header dark and add a pricing section…"
            className="block w-full resize-none rounded-t-lg bg-transparent px-3 pt-2.5 pb-1 text-sm outline-none placeholder:text-zinc-400 disabled:opacity-60"
          />
          <div className="flex items-center justify-between gap-3 px-2.5 pb-2.5">
            <span className={`text-xs tabular-nums ${tooLong ? "text-red-600" : "text-zinc-400"}`}>
              {trimmed.length} / {PROMPT_MAX_CHARS}
            </span>
            <button
              type="submit"
              data-testid="follow-up-submit"
              disabled={busy || !trimmed || tooLong}
              className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-40"
            >
              {busy ? "Starting…" : "Apply edit"}
            </button>
          </div>
        </div>

        <ul aria-label="Example edits" className="flex flex-wrap gap-1.5">
          {FOLLOW_UP_EXAMPLES.map((example) => (
            <li key={example}>
              <button
                type="button"
                data-testid="follow-up-example"
                disabled={busy}
                onClick={() => setPrompt(example)}
                className="rounded-full border border-zinc-200 px-2.5 py-1 text-xs text-zinc-700 transition hover:border-indigo-300 hover:bg-indigo-50 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-indigo-800 dark:hover:bg-indigo-950"
              >
                {example}
              </button>
            </li>
          ))}
        </ul>

        {error && (
          <div role="alert" data-testid="follow-up-error" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
            <p className="font-medium">Could not start the edit</p>
            <p className="mt-1">{error.message}</p>
            {error.details.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {error.details.map((d) => <li key={d}>{d}</li>)}
              </ul>
            )}
            <p className="mt-1 font-mono text-xs opacity-70">{error.code}</p>
          </div>
        )}
      </form>
    </section>
  );
}
