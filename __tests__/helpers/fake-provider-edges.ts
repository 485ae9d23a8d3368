import type { FakeKind, FakeRequest } from "./fake-openai-server";

/*
 * The fake provider's real-world edges, in the shapes llama.cpp's `llama-server` and OpenAI send
 * them (checked against both): a cut answer, the context-window 400s and llama.cpp's stream frames.
 */

/** Characters of the `huge` answer: 8 MiB, what a model stuck repeating itself produces. */
export const HUGE_ANSWER_CHARS = 8 * 1024 * 1024;

/** What the engine says when it asks to go on after a cut answer. */
const CONTINUATION = /cut off by the length limit/;
/** Characters of the cut's end a continuation restates (models start again from the last line). */
const RESTATED = 40;
/** Characters per answer of `length-always`. */
const ALWAYS_CUT_AT = 500;

/** The 400 a prompt over the context window gets, in the provider's own words. */
export function contextErrorBody(scenario: string): unknown {
  if (scenario === "ctx-llama") {
    return { error: { code: 400, message: "the request exceeds the available context size, try increasing it", type: "exceed_context_size_error", n_prompt_tokens: 5210, n_ctx: 4096 } };
  }
  if (scenario === "ctx-openai") {
    return { error: { message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9121 tokens. Please reduce the length of the messages.", type: "invalid_request_error", param: "messages", code: "context_length_exceeded" } };
  }
  return null;
}

/**
 * The part of `whole` this request gets and its finish reason. `length`: the first request gets
 * the first half, cut (`finish_reason: "length"`); a continuation gets the rest, restating the
 * cut's last characters behind a reopened fence. `length-always`: every request gets the next
 * 500 characters, cut.
 */
export function cutAnswer(scenario: string, kind: FakeKind, whole: string, messages: FakeRequest["messages"]): { answer: string; finish: string } {
  if ((scenario !== "length" && scenario !== "length-always") || kind !== "html") return { answer: whole, finish: "stop" };
  const continuing = CONTINUATION.test(messages.at(-1)?.content ?? "");
  const sofar = continuing ? (messages.findLast((m) => m.role === "assistant")?.content ?? "") : "";
  if (scenario === "length-always") return { answer: whole.slice(sofar.length, sofar.length + ALWAYS_CUT_AT), finish: "length" };
  if (!continuing) return { answer: whole.slice(0, Math.floor(whole.length / 2)), finish: "length" };
  return { answer: "```html\n" + sofar.slice(-RESTATED) + whole.slice(sofar.length), finish: "stop" };
}

/** llama.cpp's last frame: an empty delta with the finish reason, and its `timings`. */
export function llamaFinalFrame(model: string, finish: string, chars: number): string {
  const tokens = Math.ceil(chars / 4);
  return `data: ${JSON.stringify({
    choices: [{ finish_reason: finish, index: 0, delta: {} }],
    created: 1_700_000_000, id: "chatcmpl-llama", model, system_fingerprint: "b5000-fake", object: "chat.completion.chunk",
    timings: { prompt_n: 120, prompt_ms: 35.2, predicted_n: tokens, predicted_ms: tokens * 12.5, predicted_per_second: 80 },
  })}\n\n`;
}

/** Usage, which llama.cpp (like OpenAI) sends only when asked with `stream_options.include_usage`. */
export function llamaUsageFrame(model: string, chars: number): string {
  const tokens = Math.ceil(chars / 4);
  return `data: ${JSON.stringify({
    choices: [], created: 1_700_000_000, id: "chatcmpl-llama", model, object: "chat.completion.chunk",
    usage: { completion_tokens: tokens, prompt_tokens: 120, total_tokens: tokens + 120 },
  })}\n\n`;
}
