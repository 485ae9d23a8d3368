/**
 * Undo and redo over a project's versions. Undo makes the version before the current one the
 * newest again (as a new version), redo brings back what an undo took away. Replaying the
 * versions' prompts rebuilds the stacks, so nothing but the versions themselves is stored.
 */

import type { SiteHistory } from "../../engine";
import { parseCopyEdits } from "../prompt/read-copy-edits";

type Step = "undo" | "redo" | "edit";

function stepOf(prompt: string): Step {
  const first = parseCopyEdits(prompt).intents[0];
  return first?.type === "undo" ? "undo" : first?.type === "redo" ? "redo" : "edit";
}

/** The version whose content undo (or redo) brings back, or null when there is none. */
export async function findUndoTarget(history: SiteHistory, want: "undo" | "redo"): Promise<number | null> {
  const versions = await history.listVersions();
  const past: number[] = [];
  const future: number[] = [];
  let current: number | null = null;
  for (const v of versions) {
    const step = current === null ? "edit" : stepOf(v.prompt);
    if (step === "undo" && past.length) {
      future.push(current!);
      current = past.pop()!;
    } else if (step === "redo" && future.length) {
      past.push(current!);
      current = future.pop()!;
    } else {
      if (current !== null) past.push(current);
      current = v.version;
      future.length = 0;
    }
  }
  return (want === "undo" ? past.at(-1) : future.at(-1)) ?? null;
}
