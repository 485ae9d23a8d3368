"use client";

import { startGeneration } from "@/lib/client/generation-api";
import { ApiErrorAlert, ExampleChips, PromptBox, usePromptSubmit } from "@/components/prompt-box";

export const EXAMPLE_PROMPTS = [
  "A bakery called Crumb & Co with a menu and a contact form, in green",
  "A portfolio for a freelance photographer named Ana Ruiz, dark and minimal",
  "A landing page for a yoga studio in Lisbon with class times and prices",
  "A small SaaS called Ledgerly that does invoicing for freelancers, in blue",
];

const start = (prompt: string) => startGeneration({ prompt });

/** The prompt box: starts a generation, remembers its tokens, and opens its workspace. */
export function PromptForm() {
  const form = usePromptSubmit(start);

  return (
    <form onSubmit={(e) => void form.submit(e)} className="space-y-3" aria-busy={form.busy}>
      <label htmlFor="prompt" className="sr-only">Describe the website you want</label>
      <PromptBox
        form={form}
        size="large"
        id="prompt"
        inputTestId="prompt-input"
        submitTestId="generate-button"
        submitLabel="Generate"
        placeholder="A website for my coffee shop with the menu, opening hours and a map…"
        rows={4}
      />

      {form.error && <ApiErrorAlert error={form.error} title="Could not start the generation" testId="create-error" size="large" />}

      <div>
        <p className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500">Try an example</p>
        <ExampleChips examples={EXAMPLE_PROMPTS} onPick={form.setPrompt} size="large" testId="example-prompt" />
      </div>
    </form>
  );
}
