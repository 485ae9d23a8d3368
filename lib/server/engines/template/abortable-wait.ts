/** Cancellation helper: engines must stop promptly when the runner aborts a generation. */

import { setTimeout as sleep } from "node:timers/promises";

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts (not Node's own AbortError). */
export async function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (ms > 0) await sleep(ms, undefined, { signal }).catch(() => signal.throwIfAborted());
}
