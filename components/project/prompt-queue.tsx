"use client";

import { useEffect, useRef, useState } from "react";
import { PROMPT_MAX_CHARS, type QueuedPromptInfo } from "@/lib/protocol";
import { describeApiError } from "@/lib/client/generation-api";
import { editQueuedPrompt, removeQueuedPrompt } from "@/lib/client/project-api";

const button = "rounded-md px-2 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800";

export interface PromptQueueProps {
  items: QueuedPromptInfo[];
  projectId: string;
  /** Without it (a share link) the queue is read-only. */
  projectToken: string | null;
  /** The queue changed here: reload it. */
  onChanged: () => void;
}

/** Prompts waiting for the current run, in the order they will run; the owner may edit or remove them. */
export function PromptQueue({ items, projectId, projectToken, onChanged }: PromptQueueProps) {
  const ref = useRef<HTMLElement>(null);
  // A prompt just queued is shown where the user looks: the chat scrolls to the queue.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [items.length]);
  if (items.length === 0) return null;
  return (
    <section ref={ref} aria-labelledby="queue-heading" data-testid="prompt-queue" data-count={items.length} className="rounded-xl border border-dashed border-zinc-300 bg-white/60 p-2 dark:border-zinc-700 dark:bg-zinc-900/60">
      <h2 id="queue-heading" className="px-2 pt-1 pb-1 text-xs font-semibold text-zinc-600 dark:text-zinc-400">
        Queued — runs when the current turn ends
      </h2>
      <ol className="space-y-1">
        {items.map((item, index) => (
          <QueuedItem key={item.id} item={item} index={index} projectId={projectId} projectToken={projectToken} onChanged={onChanged} />
        ))}
      </ol>
    </section>
  );
}

function QueuedItem({ item, index, projectId, projectToken, onChanged }: { item: QueuedPromptInfo; index: number } & Omit<PromptQueueProps, "items">) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.prompt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setEditing(false);
      onChanged();
    } catch (thrown) {
      setError(describeApiError(thrown).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li data-testid="queued-prompt" data-queue-id={item.id} className="rounded-lg px-2 py-1.5 text-sm">
      <span className="text-xs text-zinc-500 dark:text-zinc-400">Queued {index + 1}</span>
      {editing && projectToken ? (
        <form
          className="mt-1 space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => editQueuedPrompt({ projectId, projectToken, itemId: item.id, prompt: draft }));
          }}
        >
          <label htmlFor={`queued-${item.id}`} className="sr-only">Queued prompt</label>
          <textarea id={`queued-${item.id}`} data-testid="queued-prompt-input" value={draft} maxLength={PROMPT_MAX_CHARS} rows={2} onChange={(e) => setDraft(e.target.value)} className="block w-full resize-none rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950" />
          <span className="flex gap-1">
            <button type="submit" data-testid="queued-prompt-save" disabled={busy || !draft.trim()} className={button}>Save</button>
            <button type="button" onClick={() => { setDraft(item.prompt); setEditing(false); }} className={button}>Cancel</button>
          </span>
        </form>
      ) : (
        <span className="flex items-start justify-between gap-2">
          <span data-testid="queued-prompt-text" className="line-clamp-2 min-w-0 break-words text-zinc-800 dark:text-zinc-200">{item.prompt}</span>
          {projectToken && (
            <span className="flex shrink-0 gap-0.5">
              <button type="button" data-testid="queued-prompt-edit" aria-label={`Edit queued prompt ${index + 1}`} onClick={() => setEditing(true)} className={button}>Edit</button>
              <button type="button" data-testid="queued-prompt-remove" aria-label={`Remove queued prompt ${index + 1}`} disabled={busy} onClick={() => void run(() => removeQueuedPrompt({ projectId, projectToken, itemId: item.id }))} className={button}>Remove</button>
            </span>
          )}
        </span>
      )}
      {error && <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">{error}</p>}
    </li>
  );
}
