/**
 * Undo and redo over a project's versions. Undo makes the version before the current one the
 * newest again (as a new version), redo brings back what an undo took away. Replaying the
 * versions' prompts rebuilds the stacks, so nothing but the versions themselves is stored.
 */

import type { SiteHistory } from "../../engine";
import { parseCopyEdits } from "../prompt/read-copy-edits";

type Step = "undo" | "redo" | "edit";

function stepOf(prompt: string): Step {
  const type = parseCopyEdits(prompt).intents[0]?.type;
  return type === "undo" || type === "redo" ? type : "edit";
}

/** The version whose content undo (or redo) brings back, or null when there is none. */
export async function findUndoTarget(history: SiteHistory, want: "undo" | "redo"): Promise<number | null> {
  const versions = await history.listVersions();
  const past: number[] = [];
  const future: number[] = [];
  let current: number | null = null;
  for (const v of versions) {
    const step: Step = current === null ? "edit" : stepOf(v.prompt);
    // Undo moves the current version onto the future stack and takes the last past one; redo the other way round.
    const [from, to]: [number[], number[]] = step === "undo" ? [past, future] : [future, past];
    if (step !== "edit" && from.length) {
      to.push(current!);
      current = from.pop()!;
    } else {
      if (current !== null) past.push(current);
      current = v.version;
      future.length = 0;
    }
  }
  return (want === "undo" ? past.at(-1) : future.at(-1)) ?? null;
}
