import type OpenAI from "openai";
import { setTimeout as sleep } from "node:timers/promises";
import { EngineError } from "../engine";
import { RateLimitedError, stalledError, streamEndedEarlyError, toProviderError } from "./provider-errors";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatOptions {
  client: OpenAI;
  model: string;
  /** Fail with STALLED when no token arrives for this long (also before the first token). */
  stallTimeoutMs: number;
  /** Retries of a 429 before giving up with RATE_LIMITED. */
  maxRetries: number;
  /** `max_tokens` of each request: the provider ends the answer there with `finish_reason: "length"`. */
  maxTokens?: number;
  /** Told of every provider failure (its public code) and whether it is retried here. */
  onProviderError?: (failure: { code: string; retrying: boolean; attempt: number }) => void;
}

/** One streamed answer, and why the provider ended it (`length`: cut by the token limit). */
export interface ChatAnswer {
  text: string;
  finishReason: string;
}

export interface ChatInput {
  messages: ChatMessage[];
  /** Cancel/shutdown: aborts the HTTP request to the provider at once. */
  signal: AbortSignal;
  /** Called with the whole answer so far after every token. */
  onText?: (text: string) => void;
}

/** A provider that names a longer wait than this gets no automatic retry: the user can retry later. */
const MAX_RETRY_WAIT_MS = 60_000;

/** Backoff for a 429 without a usable retry-after: 1 s, 2 s, 4 s, … (±25 %), at most 20 s. */
const backoffMs = (attempt: number) => Math.min(20_000, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

/**
 * Streams one chat completion and returns the whole answer. Retries 429s with backoff (honouring
 * retry-after); every other failure throws an EngineError with a public code and message.
 */
export async function streamChat(options: ChatOptions, input: ChatInput): Promise<ChatAnswer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await streamOnce(options, input);
    } catch (error) {
      input.signal.throwIfAborted();
      const rateLimited = error instanceof RateLimitedError;
      const wait = rateLimited ? (error.retryAfterMs ?? backoffMs(attempt)) : 0;
      const retrying = rateLimited && attempt < options.maxRetries && wait <= MAX_RETRY_WAIT_MS;
      if (error instanceof EngineError) options.onProviderError?.({ code: error.code, retrying, attempt: attempt + 1 });
      if (!rateLimited) throw error;
      if (!retrying) {
        const tries = attempt + 1;
        throw new RateLimitedError(
          `The AI provider is rate-limiting requests (HTTP 429, ${tries} ${tries === 1 ? "try" : "tries"}). Retry in a little while.`,
          error.retryAfterMs,
        );
      }
      // Cancel ends the wait at once, failing with the signal's own reason.
      await sleep(wait, undefined, { signal: input.signal }).catch(() => input.signal.throwIfAborted());
    }
  }
}

async function streamOnce(options: ChatOptions, input: ChatInput): Promise<ChatAnswer> {
  const watchdog = new AbortController();
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      watchdog.abort();
    }, options.stallTimeoutMs);
  };
  const signal = AbortSignal.any([input.signal, watchdog.signal]);
  let text = "";
  let finished = false;
  let finishReason = "";
  /** The stream was read to its end (not left by a throwing callback). */
  let drained = false;
  arm();
  try {
    const stream = await options.client.chat.completions
      .create({
        model: options.model, messages: input.messages, stream: true,
        ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
      }, { signal })
      .catch((error: unknown) => {
        throw stalled ? stalledError(options.stallTimeoutMs) : toProviderError(error);
      });
    const chunks = stream[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<OpenAI.Chat.Completions.ChatCompletionChunk>;
      try {
        next = await chunks.next();
      } catch (error) {
        // A connection that breaks after the answer was complete loses nothing.
        if (finished && !input.signal.aborted) break;
        throw stalled ? stalledError(options.stallTimeoutMs) : toProviderError(error);
      }
      if (next.done) break;
      const choice = next.value.choices[0];
      if (finished) continue;
      arm();
      if (choice?.finish_reason) {
        finished = true;
        finishReason = choice.finish_reason;
        // Only [DONE] or a usage chunk may follow; do not wait long for a provider that never closes.
        clearTimeout(timer);
        timer = setTimeout(() => watchdog.abort(), Math.min(options.stallTimeoutMs, 5000));
      }
      const delta = choice?.delta?.content;
      if (delta) {
        text += delta;
        // Errors of the callback (publishing) propagate as they are; `finally` ends the request.
        input.onText?.(text);
      }
    }
    drained = true;
  } finally {
    clearTimeout(timer);
    // Leaving early (a callback error) must not leave the HTTP request running.
    if (!drained) watchdog.abort();
  }
  // The SDK ends the iteration quietly when the request is aborted, so check why it ended.
  input.signal.throwIfAborted();
  if (stalled) throw stalledError(options.stallTimeoutMs);
  if (!finished) throw streamEndedEarlyError();
  return { text, finishReason };
}
