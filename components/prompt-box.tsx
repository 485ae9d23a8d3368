"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createGenerationResponseSchema, PROMPT_MAX_CHARS, type CreateGenerationResponse } from "@/lib/protocol";
import { describeApiError } from "@/lib/client/generation-api";
import { rememberCreatedSession } from "@/lib/client/session-storage";

/*
 * The parts the home page's prompt form and the workspace's follow-up form share: the submit
 * flow, the text box with its counter and button, the example chips and the error alert.
 * `large` is the home page's look, `compact` the workspace's.
 */

export type PromptBoxSize = "large" | "compact";
type ApiErrorView = ReturnType<typeof describeApiError>;

export interface PromptSubmit {
  prompt: string;
  setPrompt: (prompt: string) => void;
  trimmed: string;
  tooLong: boolean;
  busy: boolean;
  error: ApiErrorView | null;
  submit: (event?: FormEvent) => Promise<void>;
}

/** The project page, opened on one turn: where a new site is built and refined, from its first prompt. */
export const projectPageHref = (created: Pick<CreateGenerationResponse, "projectId" | "sessionId">) =>
  `/p/${encodeURIComponent(created.projectId)}?turn=${encodeURIComponent(created.sessionId)}`;

/**
 * A prompt's state and its submit: `start` creates the session (its tokens are then kept in this
 * browser) or queues the prompt; then `onCreated` takes over (the project page stays put), or the
 * new project's page opens. With `start` null nothing is submitted.
 */
export function usePromptSubmit<T extends object = CreateGenerationResponse>(
  start: ((prompt: string) => Promise<T>) | null,
  onCreated?: (created: T) => void,
): PromptSubmit {
  const router = useRouter();
  const [prompt, setPrompt] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorView | null>(null);
  const trimmed = prompt.trim();
  const tooLong = trimmed.length > PROMPT_MAX_CHARS;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy || !trimmed || tooLong || !start) return;
    setBusy(true);
    setError(null);
    try {
      const created = await start(trimmed);
      const session = createGenerationResponseSchema.safeParse(created);
      if (session.success) rememberCreatedSession(session.data, trimmed);
      if (onCreated) {
        setPrompt("");
        setBusy(false);
        onCreated(created);
        return;
      }
      // Stays busy: the page is about to change to the new project's page.
      if (session.success) router.push(projectPageHref(session.data));
    } catch (err) {
      setError(describeApiError(err));
      setBusy(false);
    }
  }

  return { prompt, setPrompt, trimmed, tooLong, busy, error, submit };
}

const BOX_CLASSES = {
  large: {
    frame: "rounded-2xl border border-zinc-300 bg-white shadow-sm focus-within:border-indigo-500 focus-within:ring-4 focus-within:ring-indigo-500/15 dark:border-zinc-700 dark:bg-zinc-900",
    textarea: "block w-full resize-none rounded-t-2xl bg-transparent px-4 pt-4 pb-2 text-base outline-none placeholder:text-zinc-400",
    footer: "flex items-center justify-between gap-3 px-3 pb-3",
    button: "rounded-xl bg-indigo-600 px-4 py-2 text-sm font-semibold text-white transition hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-40",
  },
  compact: {
    frame: "rounded-lg border border-zinc-300 bg-white focus-within:border-indigo-500 focus-within:ring-4 focus-within:ring-indigo-500/15 dark:border-zinc-700 dark:bg-zinc-950",
    textarea: "block w-full resize-none rounded-t-lg bg-transparent px-3 pt-2.5 pb-1 text-sm outline-none placeholder:text-zinc-400 disabled:opacity-60",
    footer: "flex items-center justify-between gap-3 px-2.5 pb-2.5",
    button: "rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-40",
  },
} satisfies Record<PromptBoxSize, Record<string, string>>;

export interface PromptBoxProps {
  form: PromptSubmit;
  size: PromptBoxSize;
  /** The textarea's id (for its label). */
  id: string;
  inputTestId: string;
  submitTestId: string;
  submitLabel: string;
  placeholder: string;
  rows: number;
  /** Also disable the textarea while submitting. */
  lockWhileBusy?: boolean;
}

/** The prompt textarea (Ctrl/⌘+Enter submits), its character count and the submit button. */
export function PromptBox({ form, size, id, inputTestId, submitTestId, submitLabel, placeholder, rows, lockWhileBusy = false }: PromptBoxProps) {
  const { prompt, setPrompt, trimmed, tooLong, busy, submit } = form;
  const classes = BOX_CLASSES[size];
  const hintId = `${id}-hint`;
  return (
    <div className={classes.frame}>
      <textarea
        id={id}
        data-testid={inputTestId}
        value={prompt}
        onChange={(e) => setPrompt(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void submit();
        }}
        rows={rows}
        aria-describedby={hintId}
        aria-invalid={tooLong || undefined}
        disabled={lockWhileBusy && busy}
        placeholder={placeholder}
        className={classes.textarea}
      />
      <div className={classes.footer}>
        <span id={hintId} className="min-w-0 text-xs text-zinc-500 dark:text-zinc-400">
          {tooLong ? (
            <span data-testid={`${inputTestId}-too-long`} role="alert" className="text-red-600 dark:text-red-400">
              {trimmed.length - PROMPT_MAX_CHARS} characters over the {PROMPT_MAX_CHARS}-character limit: shorten it to submit.
            </span>
          ) : (
            <>
              <span className="tabular-nums">{trimmed.length} / {PROMPT_MAX_CHARS}</span>
              <span data-testid={`${inputTestId}-shortcut`} className="hidden sm:inline"> · <kbd className="font-sans">Ctrl</kbd>/<kbd className="font-sans">⌘</kbd>+<kbd className="font-sans">Enter</kbd> to submit</span>
            </>
          )}
        </span>
        <button type="submit" data-testid={submitTestId} disabled={busy || !trimmed || tooLong} className={classes.button}>
          {busy ? "Starting…" : submitLabel}
        </button>
      </div>
    </div>
  );
}

const CHIP_CLASSES = {
  large: {
    list: "flex flex-wrap gap-2",
    chip: "rounded-full border border-zinc-200 bg-white px-3 py-1.5 text-left text-sm text-zinc-700 transition hover:border-indigo-300 hover:bg-indigo-50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-indigo-800 dark:hover:bg-indigo-950",
  },
  // One row that scrolls sideways: the pinned box must not grow with the examples.
  compact: {
    list: "flex gap-1.5 overflow-x-auto pb-0.5 [scrollbar-width:thin]",
    chip: "shrink-0 whitespace-nowrap rounded-full border border-zinc-200 px-2.5 py-1 text-xs text-zinc-700 transition hover:border-indigo-300 hover:bg-indigo-50 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-indigo-800 dark:hover:bg-indigo-950",
  },
} satisfies Record<PromptBoxSize, Record<string, string>>;

export interface ExampleChipsProps {
  examples: readonly string[];
  onPick: (example: string) => void;
  size: PromptBoxSize;
  testId: string;
  /** The list's accessible name, when no visible heading names it. */
  label?: string;
  disabled?: boolean;
}

/** Example prompts as chips; picking one fills the box. */
export function ExampleChips({ examples, onPick, size, testId, label, disabled = false }: ExampleChipsProps) {
  const classes = CHIP_CLASSES[size];
  return (
    <ul aria-label={label} className={classes.list}>
      {examples.map((example) => (
        <li key={example}>
          <button type="button" data-testid={testId} disabled={disabled} onClick={() => onPick(example)} className={classes.chip}>
            {example}
          </button>
        </li>
      ))}
    </ul>
  );
}

const ALERT_ROUNDING = { large: "rounded-xl", compact: "rounded-lg" } satisfies Record<PromptBoxSize, string>;

/** Why a session could not be started: the server's message, its validation details and its code. */
export function ApiErrorAlert({ error, title, testId, size }: { error: ApiErrorView; title: string; testId: string; size: PromptBoxSize }) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className={`${ALERT_ROUNDING[size]} border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200`}
    >
      <p className="font-medium">{title}</p>
      <p className="mt-1">{error.message}</p>
      {error.details.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {error.details.map((d) => <li key={d}>{d}</li>)}
        </ul>
      )}
      <p className="mt-1 font-mono text-xs opacity-70">{error.code}</p>
    </div>
  );
}
