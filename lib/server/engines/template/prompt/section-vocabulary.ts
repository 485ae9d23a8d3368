/**
 * Maps a section name as the user wrote it ("lessons", "our dentists", "price list") to the kind
 * of section that presents it best. The heading stays the user's own words; only the layout and
 * the kind of content come from here. Unknown names get the generic "cards" layout.
 */

import words from "../data/section-words.json";
import type { BlockLayout } from "../site-spec";

/** Checked in order; the first pattern that matches a phrase decides its layout (data/section-words.json). */
const LAYOUT_PATTERNS = words.layouts.map(([layout, source]) => [layout as Exclude<BlockLayout, "form">, new RegExp(`(?<![\\p{L}])(${source})(?![\\p{L}])`, "iu")] as const);

export function layoutForPhrase(phrase: string): Exclude<BlockLayout, "form"> {
  return LAYOUT_PATTERNS.find(([, pattern]) => pattern.test(phrase))?.[0] ?? "cards";
}

/** Words that turn a list item into a style ask rather than a section ("clean and minimal"). */
export const STYLE_ITEM = new RegExp(`(?<![\\p{L}])(${words.style})(?![\\p{L}])`, "iu");
