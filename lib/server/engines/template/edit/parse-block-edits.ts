/**
 * Follow-up edits that name sections by the user's own words: "rename the timetable section to
 * Weekly schedule", "move the wine list above the menu", "remove the shows section", "add a
 * booking form". They are resolved against the page's real headings when applied.
 */

import { detectFormKind, type FormKind } from "../content/form-kinds";
import { capitalise } from "../content/apply-domain";

export type BlockEditIntent =
  | { type: "rename-section"; from: string; to: string }
  | { type: "move-section"; name: string; target: string; where: "before" | "after" }
  | { type: "remove-named"; name: string }
  | { type: "add-form"; form: FormKind; heading: string };

const SITE_WORDS = /^(?:it|this|the\s+(?:site|page|website|business|brand|company|shop|store))$/i;
const RENAME_SECTION = /\brename\s+(?:the\s+)?(.{1,40}?)\s+(?:section|heading|block|part)\s+(?:to|as)\s+["“']?([^"”'.;\n]{1,60}?)["”']?(?=$|[.;\n]|\s+and\s)/i;
const MOVE = /\b(?:move|put|place)\s+(?:the\s+)?(.{1,40}?)(?:\s+section)?\s+(above|before|below|after|under|(?:to|at)\s+the\s+(?:top|bottom|end|start)|first|last)(?:\s+(?:the\s+)?(.{1,40}?)(?:\s+section)?)?(?=$|[.;,\n]|\s+and\s)/i;
const REMOVE_NAMED = /\b(?:remove|delete|drop|hide|get\s+rid\s+of|take\s+out)\s+(?:the\s+)?(.{1,40}?)\s+(?:section|block|part)\b/i;

function clean(text: string): string {
  return text.trim().replace(/^(?:the|a|an|my|our)\s+/i, "");
}

/** Finds block edits and returns the text with them taken out, so other readers do not re-read them. */
export function parseBlockEdits(input: string): { intents: BlockEditIntent[]; rest: string } {
  let text = input;
  const intents: BlockEditIntent[] = [];
  const rename = RENAME_SECTION.exec(text);
  if (rename?.[1] && rename[2] && !SITE_WORDS.test(rename[1].trim())) {
    intents.push({ type: "rename-section", from: clean(rename[1]), to: capitalise(rename[2].trim()) });
    text = text.replace(rename[0], " ");
  }
  const move = MOVE.exec(text);
  if (move?.[1] && move[2]) {
    const where = /above|before|top|start|first/i.test(move[2]) ? "before" : "after";
    const target = move[3] ? clean(move[3]) : /top|start|first/i.test(move[2]) ? ":first" : ":last";
    intents.push({ type: "move-section", name: clean(move[1]), target, where });
    text = text.replace(move[0], " ");
  }
  const remove = REMOVE_NAMED.exec(text);
  if (remove?.[1]) intents.push({ type: "remove-named", name: clean(remove[1]) });
  return { intents, rest: text };
}

/** "a booking form", "reservations", "an enquiry form" → the form to add; a plain contact form is a section. */
export function readAddedForm(piece: string): BlockEditIntent | null {
  const kind = detectFormKind(piece);
  if (!kind || kind === "contact") return null;
  const words = clean(piece.trim()).replace(/\s+(?:section|forms?)$/i, "").split(/\s+/).slice(-3).join(" ");
  return { type: "add-form", form: kind, heading: capitalise(words) || "Booking" };
}
