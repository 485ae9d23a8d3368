import type { Env } from "../env";
import type { Logger } from "../logger";
import type { GenerationEngine } from "./engine";
import { createOpenAIEngine } from "./openai/openai-engine";
import { createTemplateEngine } from "./template/template-engine";

/**
 * Picks the generation engine from the environment: GENERATION_ENGINE when set, else the LLM
 * engine as soon as a provider is configured (API key or base URL), else the offline template.
 */
export function selectEngine(env: Env, logger?: Logger): GenerationEngine {
  const configured = Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
  const choice = env.GENERATION_ENGINE ?? (configured ? "openai" : "template");
  if (choice === "template") return createTemplateEngine({ stepMs: env.TEMPLATE_STEP_MS });
  if (!configured) {
    throw new Error("GENERATION_ENGINE=openai needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local server (see docs/PROVIDERS.md)");
  }
  return createOpenAIEngine({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    stallTimeoutMs: env.LLM_STALL_TIMEOUT_MS,
    maxRetries: env.LLM_MAX_RETRIES,
    maxTokens: env.LLM_MAX_TOKENS,
    limits: { maxContinuations: env.LLM_MAX_CONTINUATIONS, maxChars: env.LLM_MAX_FILE_CHARS },
    // The code only: the provider's own text can echo part of the key.
    onProviderError: ({ code, retrying, attempt }) => logger?.info({ code, retrying, attempt }, "AI provider error"),
  });
}
