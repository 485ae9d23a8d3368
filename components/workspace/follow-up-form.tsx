"use client";

import { useMemo } from "react";
import type { CreateGenerationResponse, GenerationState, QueuePromptResponse } from "@/lib/protocol";
import { queuePrompt, startFollowUp } from "@/lib/client/project-api";
import { rememberCreatedSession } from "@/lib/client/session-storage";
import { suggestEdits } from "@/lib/client/suggest-edits";
import { startElementTurn } from "@/lib/client/site-edit-api";
import { useSelection } from "./selection-context";
import { useGenerationStore } from "@/stores/generation-store-provider";
import { ApiErrorAlert, ExampleChips, PromptBox, usePromptSubmit } from "@/components/prompt-box";


/**
 * A follow-up can start once nothing runs any more and there is a site to edit: a completed run,
 * or a stopped one that got as far as a preview (interrupted is a failure the server caused).
 */
export function isReadyForFollowUp(generation: Pick<GenerationState, "status" | "preview">): boolean {
  if (generation.status === "completed") return true;
  const stopped = generation.status === "failed" || generation.status === "cancelled" || generation.status === "interrupted";
  return stopped && generation.preview !== null;
}

/** A run is going (or about to): what is typed now waits in the project's queue. */
const isRunning = (status: GenerationState["status"]) => status === "running" || status === "queued";

type Submitted = { started: CreateGenerationResponse } | { queued: QueuePromptResponse };

export interface FollowUpFormProps {
  /** The project token kept in this browser; without it (watch links, other browsers) nothing shows. */
  projectToken: string | null;
  /** The project page keeps the conversation on screen: it takes the new turn instead of a navigation. */
  onStarted?: (created: CreateGenerationResponse) => void;
  /** Prompts are waiting already: a new one goes behind them, not ahead. */
  queueWaiting?: boolean;
  /** A prompt was queued (or, with nothing running any more, started at once by the server). */
  onQueued?: (queued: QueuePromptResponse) => void;
}

/**
 * The prompt box of the conversation, pinned under it: starts an edit of this project as the next
 * turn or, while a run goes, queues the prompt on the server to run when that run ends.
 */
export function FollowUpForm({ projectToken, onStarted, queueWaiting = false, onQueued }: FollowUpFormProps) {
  const isOwner = useGenerationStore((s) => s.role === "owner");
  const ready = useGenerationStore((s) => isReadyForFollowUp(s.generation));
  const running = useGenerationStore((s) => isRunning(s.generation.status));
  const projectId = useGenerationStore((s) => s.generation.project_id);
  // Edits the built-in engine understands, drawn from this site; clicking one fills the box.
  const html = useGenerationStore((s) => s.generation.preview?.html_content ?? null);
  const examples = useMemo(() => suggestEdits(html), [html]);
  const selection = useSelection();
  const target = selection?.on ? selection.selected : null;
  // Queueing needs the project page, which shows the queue; elsewhere the box waits for the run.
  const queues = !target && onQueued !== undefined && (running || queueWaiting);
  const start = async (prompt: string): Promise<Submitted> => {
    if (!projectToken) throw new Error("no project token");
    // With an element selected, the prompt is aimed at it: only that element changes.
    if (target) return { started: await startElementTurn({ prompt, projectId, projectToken, targetId: target.id }) };
    if (queues) return { queued: await queuePrompt({ prompt, projectId, projectToken }) };
    const started = await startFollowUp({ prompt, projectId, projectToken });
    rememberCreatedSession(started, prompt);
    return { started };
  };
  const form = usePromptSubmit<Submitted>(projectToken ? start : null, (submitted) => {
    if ("queued" in submitted) onQueued?.(submitted.queued);
    else onStarted?.(submitted.started);
  });
  if (!isOwner || !projectToken || !(ready || (running && onQueued !== undefined))) return null;

  return (
    <section aria-labelledby="follow-up-heading" data-testid="follow-up" data-queues={queues} className="rounded-xl border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <form onSubmit={(e) => void form.submit(e)} aria-busy={form.busy} className="space-y-2">
        <h2 id="follow-up-heading" className="flex items-baseline justify-between gap-2 text-sm font-semibold">
          <label htmlFor="follow-up-input">Edit this site</label>
          <span data-testid="follow-up-mode" className="text-xs font-normal text-zinc-500 dark:text-zinc-400">
            {queues ? "Runs after the current turn" : "Starts from the current version"}
          </span>
        </h2>
        {target && (
          <p data-testid="editing-target" className="flex items-center justify-between gap-2 rounded-md bg-indigo-50 px-2 py-1 text-xs text-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-200">
            <span className="min-w-0 truncate">Editing: <strong>{target.label}</strong></span>
            <button type="button" onClick={() => selection?.selectId(null)} className="shrink-0 rounded px-1.5 font-medium hover:bg-indigo-100 dark:hover:bg-indigo-900">
              Whole page
            </button>
          </p>
        )}
        <PromptBox
          form={form}
          size="compact"
          id="follow-up-input"
          inputTestId="follow-up-input"
          submitTestId="follow-up-submit"
          submitLabel={queues ? "Queue" : "Apply edit"}
          placeholder={queues ? "Type the next change; it runs when this one is done…" : "Make the header dark and add a pricing section…"}
          rows={2}
          lockWhileBusy
        />
        <ExampleChips examples={examples} onPick={form.setPrompt} size="compact" testId="follow-up-example" label="Example edits" disabled={form.busy} />
        {form.error && <ApiErrorAlert error={form.error} title={queues ? "Could not queue the prompt" : "Could not start the edit"} testId="follow-up-error" size="compact" />}
      </form>
    </section>
  );
}
