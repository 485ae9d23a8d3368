"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PROMPT_MAX_CHARS } from "@/lib/protocol";
import { describeApiError, startGeneration } from "@/lib/client/generation-api";
import { saveStoredSession } from "@/lib/client/session-storage";

export const EXAMPLE_PROMPTS = [
  "A bakery called Crumb & Co with a menu and a contact form, in green",
  "A portfolio for a freelance photographer named Ana Ruiz, dark and minimal",
  "A landing page for a yoga studio in Lisbon with class times and prices",
  "A small SaaS called Ledgerly that does invoicing for freelancers, in blue",
];

/** The prompt box: starts a generation, remembers its tokens, and opens its workspace. */
export function PromptForm() {
  const router = useRouter();
  const [prompt, setPrompt] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReturnType<typeof describeApiError> | null>(null);
  const tooLong = prompt.trim().length > PROMPT_MAX_CHARS;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy || !prompt.trim() || tooLong) return;
    setBusy(true);
    setError(null);
    try {
      const created = await startGeneration({ prompt: prompt.trim() });
      saveStoredSession({
        sessionId: created.sessionId,
        projectId: created.projectId,
        prompt: prompt.trim(),
        createdAt: new Date().toISOString(),
        token: created.token,
        viewerToken: created.viewerToken,
        projectToken: created.projectToken,
      });
      router.push(created.links.workspace);
    } catch (err) {
      setError(describeApiError(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-busy={busy}>
      <label htmlFor="prompt" className="sr-only">Describe the website you want</label>
      <div className="rounded-2xl border border-zinc-300 bg-white shadow-sm focus-within:border-indigo-500 focus-within:ring-4 focus-within:ring-indigo-500/15 dark:border-zinc-700 dark:bg-zinc-900">
        <textarea
          id="prompt"
          data-testid="prompt-input"
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void submit();
          }}
          rows={4}
          placeholder="A website for my coffee shop with the menu, opening hours and a map…"
          className="block w-full resize-none rounded-t-2xl bg-transparent px-4 pt-4 pb-2 text-base outline-none placeholder:text-zinc-400"
        />
        <div className="flex items-center justify-between gap-3 px-3 pb-3">
          <span className={`text-xs tabular-nums ${tooLong ? "text-red-600" : "text-zinc-400"}`}>
            {prompt.trim().length} / {PROMPT_MAX_CHARS}
          </span>
          <button
            type="submit"
            data-testid="generate-button"
            disabled={busy || !prompt.trim() || tooLong}
            className="rounded-xl bg-indigo-600 px-4 py-2 text-sm font-semibold text-white transition hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-40"
          >
            {busy ? "Starting…" : "Generate"}
          </button>
        </div>
      </div>

      {error && (
        <div role="alert" data-testid="create-error" className="rounded-xl border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          <p className="font-medium">Could not start the generation</p>
          <p className="mt-1">{error.message}</p>
          {error.details.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {error.details.map((d) => <li key={d}>{d}</li>)}
            </ul>
          )}
          <p className="mt-1 font-mono text-xs opacity-70">{error.code}</p>
        </div>
      )}

      <div>
        <p className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500">Try an example</p>
        <ul className="flex flex-wrap gap-2">
          {EXAMPLE_PROMPTS.map((example) => (
            <li key={example}>
              <button
                type="button"
                data-testid="example-prompt"
                onClick={() => setPrompt(example)}
                className="rounded-full border border-zinc-200 bg-white px-3 py-1.5 text-left text-sm text-zinc-700 transition hover:border-indigo-300 hover:bg-indigo-50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-indigo-800 dark:hover:bg-indigo-950"
              >
                {example}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}
