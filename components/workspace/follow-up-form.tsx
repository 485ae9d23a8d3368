"use client";

import type { CreateGenerationResponse, GenerationState } from "@/lib/protocol";
import { startFollowUp } from "@/lib/client/project-api";
import { startElementTurn } from "@/lib/client/site-edit-api";
import { useSelection } from "./selection-context";
import { useGenerationStore } from "@/stores/generation-store-provider";
import { ApiErrorAlert, ExampleChips, PromptBox, usePromptSubmit } from "@/components/prompt-box";

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
  /** The project page keeps the conversation on screen: it takes the new turn instead of a navigation. */
  onStarted?: (created: CreateGenerationResponse) => void;
}

/** The follow-up prompt box: starts an edit of this project as the conversation's next turn. */
export function FollowUpForm({ projectToken, onStarted }: FollowUpFormProps) {
  const isOwner = useGenerationStore((s) => s.role === "owner");
  const ready = useGenerationStore((s) => isReadyForFollowUp(s.generation));
  const projectId = useGenerationStore((s) => s.generation.project_id);
  const selection = useSelection();
  // With an element selected, the prompt is aimed at it: only that element changes.
  const target = selection?.on ? selection.selected : null;
  const form = usePromptSubmit(
    projectToken
      ? (prompt) => (target ? startElementTurn({ prompt, projectId, projectToken, targetId: target.id }) : startFollowUp({ prompt, projectId, projectToken }))
      : null,
    onStarted,
  );
  if (!isOwner || !ready || !projectToken) return null;

  return (
    <section
      aria-labelledby="follow-up-heading"
      data-testid="follow-up"
      className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <form onSubmit={(e) => void form.submit(e)} aria-busy={form.busy} className="space-y-3">
        <div>
          <h2 id="follow-up-heading" className="text-sm font-semibold">
            <label htmlFor="follow-up-input">Edit this site</label>
          </h2>
          <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
            Describe a change; it starts from the project&apos;s latest version and becomes the next turn of this conversation.
          </p>
        </div>
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
          submitLabel="Apply edit"
          placeholder="Make the header dark and add a pricing section…"
          rows={3}
          lockWhileBusy
        />

        <ExampleChips
          examples={FOLLOW_UP_EXAMPLES}
          onPick={form.setPrompt}
          size="compact"
          testId="follow-up-example"
          label="Example edits"
          disabled={form.busy}
        />

        {form.error && <ApiErrorAlert error={form.error} title="Could not start the edit" testId="follow-up-error" size="compact" />}
      </form>
    </section>
  );
}
