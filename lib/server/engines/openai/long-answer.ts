import { outputTooLongError } from "./provider-errors";
import { streamChat, type ChatInput, type ChatMessage, type ChatOptions } from "./stream-chat";

/*
 * An answer may be longer than one request's `max_tokens`: the provider then ends it with
 * `finish_reason: "length"`, and taking that as complete loses the rest of the page. So the
 * answer is continued: the same chat plus the answer so far and a request to go on from where it
 * stopped, spliced on without what the model repeats, for a bounded number of rounds. Past them,
 * or past the character cap of one file (a model stuck repeating itself), the step fails with
 * OUTPUT_TOO_LONG instead of growing the log by megabytes.
 */

export interface LongAnswerLimits {
  /** Follow-up requests after a cut answer before OUTPUT_TOO_LONG. */
  maxContinuations: number;
  /** Characters the whole answer may have. */
  maxChars: number;
}

const CONTINUE = "Your answer was cut off by the length limit. Continue exactly where it stopped: reply with the rest only, starting with the next character. Do not repeat anything, add no preamble and open no new code fence.";

/** Shortest repeat of the answer's end that is taken as an overlap rather than new text. */
const MIN_OVERLAP = 12;
/** Longest stretch looked at for such a repeat. */
const MAX_OVERLAP = 2_000;
/** Characters of a continuation after which the preview follows it. */
const SETTLED_AFTER = 256;

/**
 * `next` appended to `answer` without what it repeats: a code fence it reopens, and text that
 * restates the answer's last characters (the model starting again from the last line or tag).
 */
export function spliceContinuation(answer: string, next: string): string {
  let rest = next;
  // A continuation that reopens a fence (the answer's own fence is still open).
  const reopened = /^\s*```[\w-]*\n/.exec(rest);
  if (reopened && answer.includes("```")) rest = rest.slice(reopened[0].length);
  const limit = Math.min(MAX_OVERLAP, answer.length, rest.length);
  for (let k = limit; k >= MIN_OVERLAP; k--) {
    if (answer.endsWith(rest.slice(0, k))) return answer + rest.slice(k);
  }
  return answer + rest;
}

/** Streams one answer through as many continuations as it takes (bounded); `onText` gets the whole answer so far. */
export async function streamLongAnswer(chat: ChatOptions, input: ChatInput, limits: LongAnswerLimits): Promise<string> {
  let answer = "";
  const tooLong = (length: number) => {
    if (length > limits.maxChars) throw outputTooLongError(`passed ${limits.maxChars.toLocaleString("en")} characters`);
  };
  for (let round = 0; ; round++) {
    const base = answer;
    const messages: ChatMessage[] = round === 0
      ? input.messages
      : [...input.messages, { role: "assistant", content: base }, { role: "user", content: CONTINUE }];
    const part = await streamChat(chat, {
      messages,
      signal: input.signal,
      onText: (text) => {
        // A continuation's start may turn out to repeat the answer: shown once that is settled.
        if (round > 0 && text.length < SETTLED_AFTER) return;
        const whole = round === 0 ? text : spliceContinuation(base, text);
        tooLong(whole.length);
        input.onText?.(whole);
      },
    });
    answer = round === 0 ? part.text : spliceContinuation(base, part.text);
    tooLong(answer.length);
    if (part.finishReason !== "length") return answer;
    if (round >= limits.maxContinuations) {
      const requests = round + 1;
      throw outputTooLongError(`was still cut off by the token limit after ${requests} request${requests === 1 ? "" : "s"}`);
    }
  }
}
