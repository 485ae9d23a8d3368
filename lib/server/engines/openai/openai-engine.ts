import OpenAI from "openai";
import { EngineError, type GenerationEngine, type SiteFiles, type StepInput, type StepResult } from "../engine";
import { extractFinalCode, extractStreamingCode, type CodeKind } from "./extract-code";
import { createHtmlRepairer, repairPartialHtml } from "./html-repair";
import { buildPlanCorrection, buildPlanMessages, isStepId, parsePlanAnswer, STEP_FILES } from "./plan";
import { buildStepMessages, expectedLength } from "./step-prompts";
import { streamLongAnswer, type LongAnswerLimits } from "./long-answer";
import type { ChatInput, ChatOptions } from "./stream-chat";

export interface OpenAIEngineOptions {
  /** Optional for local servers (Ollama, LM Studio, vLLM) that ignore it. */
  apiKey?: string;
  /** OpenAI-compatible base URL, e.g. http://localhost:11434/v1; unset = api.openai.com. */
  baseURL?: string;
  model: string;
  stallTimeoutMs: number;
  /** Retries of a 429 before RATE_LIMITED. */
  maxRetries: number;
  /** `max_tokens` of each request (unset: the provider's default). */
  maxTokens?: number;
  /** Continuations of an answer cut by the token limit, and the characters one file may have. */
  limits?: Partial<LongAnswerLimits>;
  /** Told of every provider failure with its public code (for the log; never the provider's text). */
  onProviderError?: ChatOptions["onProviderError"];
}

const DEFAULT_LIMITS: LongAnswerLimits = { maxContinuations: 2, maxChars: 200_000 };

const LABELS: Record<CodeKind, string> = { html: "markup", css: "stylesheet", js: "script" };

const kib = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;

/**
 * The LLM engine: an OpenAI-compatible Chat Completions API, streamed. A planning request returns
 * JSON (validated, asked again once if unusable); then one streamed pass per file (markup,
 * stylesheet, script), the markup reaching the live preview token by token.
 */
export function createOpenAIEngine(options: OpenAIEngineOptions): GenerationEngine {
  const client = new OpenAI({
    apiKey: options.apiKey ?? "not-needed",
    baseURL: options.baseURL,
    // Retries (429 only) and timeouts (the stall watchdog) are ours: the SDK's sleep ignores cancel.
    maxRetries: 0,
    timeout: 30 * 60_000,
    // The SDK would print raw stream chunks to the console on errors.
    logLevel: "off",
  });
  const chat: ChatOptions = {
    client, model: options.model, stallTimeoutMs: options.stallTimeoutMs, maxRetries: options.maxRetries,
    maxTokens: options.maxTokens, onProviderError: options.onProviderError,
  };
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ask = (input: ChatInput) => streamLongAnswer(chat, input, limits);

  return {
    name: `openai:${options.model}`.slice(0, 100),
    estimateStepSeconds: () => 20,
    // The planning request takes seconds: without a visible step the session would just say "queued".
    planningTitle: "Planning the site",
    keepsElementIds: true,
    async plan({ prompt, baseSite, signal, target }) {
      // A prompt aimed at one element changes that element's markup only: nothing to plan.
      if (target) return [{ id: "structure", title: "Editing the selected element" }];
      const edit = baseSite !== undefined;
      const messages = buildPlanMessages({ prompt, baseSite });
      const first = await ask({ messages, signal });
      let result = parsePlanAnswer(first, { edit });
      if (!result.ok) {
        const again = await ask({ messages: [...messages, ...buildPlanCorrection(first, result.problem)], signal });
        result = parsePlanAnswer(again, { edit });
      }
      if (!result.ok) {
        throw new EngineError("INVALID_OUTPUT", "The AI model did not return a usable plan, even when asked twice. You can retry.", true);
      }
      return result.steps;
    },
    runStep: (input) => runPass(ask, input),
  };
}

/** An opening tag of an element: what any page's markup has and a sentence of prose does not. */
const HTML_ELEMENT = /<[a-z][\w-]*(?:\s[^>]*)?\/?>/i;

async function runPass(ask: (input: ChatInput) => Promise<string>, input: StepInput): Promise<StepResult> {
  const { step, site, baseSite, signal, onPartial, target } = input;
  if (!isStepId(step.id)) {
    throw new EngineError("GENERATION_FAILED", "This generation was planned by another engine and cannot continue with the AI engine.", false);
  }
  const kind = STEP_FILES[step.id];
  const expected = expectedLength(kind, baseSite);
  const messages = buildStepMessages({ prompt: input.prompt, step, kind, site, baseSite, target, images: input.images });
  const answer = await ask({ messages, signal, onText: onPartial && streamInto(kind, site, expected, onPartial) });
  const code = extractFinalCode(answer, kind);
  if (!code.trim()) {
    throw new EngineError("INVALID_OUTPUT", `The AI model returned an empty ${LABELS[kind]}. You can retry.`, true);
  }
  // Words instead of a page (a refusal, an apology): nothing a browser could show as a site.
  if (kind === "html" && !HTML_ELEMENT.test(code)) {
    throw new EngineError("INVALID_OUTPUT", "The AI model answered in words instead of the page's markup. You can retry.", true);
  }
  // The final markup is repaired too: a model that forgets a closing tag must not break the page.
  const next: SiteFiles = { ...site, [kind]: kind === "html" ? repairPartialHtml(code) : code };
  // Aimed at one element, the answer is that element alone: the runner's wrapper puts it in place.
  if (target && kind === "html") return { site: next, message: "Rewrote the selected element", fragment: true };
  return { site: next, message: describeResult(kind, next) };
}

/** Turns the growing answer into partial sites for the preview. */
function streamInto(kind: CodeKind, site: SiteFiles, expected: number, onPartial: NonNullable<StepInput["onPartial"]>) {
  const repairer = createHtmlRepairer();
  return (answer: string) => {
    // A rough, never-complete fraction: the length of the answer is unknown until it ends.
    const fraction = 1 - Math.exp(-answer.length / expected);
    // Half a script would only throw in the preview: scripts appear with the step's final snapshot.
    if (kind === "js") return onPartial(site, fraction);
    const code = extractStreamingCode(answer, kind);
    onPartial({ ...site, [kind]: kind === "html" ? repairer.update(code) : code }, fraction);
  };
}

function describeResult(kind: CodeKind, site: SiteFiles): string {
  if (kind === "html") {
    const sections = (site.html.match(/<section\b/gi) ?? []).length;
    return `Wrote the page markup: ${sections} section${sections === 1 ? "" : "s"}, ${kib(site.html)}`;
  }
  if (kind === "css") return `Wrote the stylesheet: ${(site.css.match(/\{/g) ?? []).length} rules, ${kib(site.css)}`;
  return `Wrote the script: ${kib(site.js)}`;
}
