/** Cancellation helpers: engines must stop promptly when the runner aborts a generation. */

import { setTimeout as sleep } from "node:timers/promises";

/** The error to throw for an aborted signal: its reason when that is an Error, else an AbortError. */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const message = typeof reason === "string" && reason ? reason : "The generation was cancelled";
  return Object.assign(new Error(message), { name: "AbortError" });
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError(signal);
}

/** Resolves after `ms`, or rejects with the signal's error as soon as it aborts (not Node's own AbortError). */
export async function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  throwIfAborted(signal);
  if (ms > 0) await sleep(ms, undefined, { signal }).catch(() => throwIfAborted(signal));
}
