/**
 * Per-section styles, keyed by section id so an edit that adds a section to a site whose
 * stylesheet lacks them can append exactly the rules it needs.
 */

import type { SectionId } from "../site-spec";
import { readAsset } from "./read-asset";

// assets/sections.css: each section's rules after its marker, as they are written into a site.
const SECTION_STYLES = Object.fromEntries(
  [...readAsset("sections.css").matchAll(/\/\* section: ([a-z]+) \*\/([\s\S]*?)\n?(?=\/\* section: [a-z]+ \*\/|$)/g)].map(([, id, css]) => [id, css]),
) as Record<SectionId, string>;
/** The styles of hours lists and request forms (assets/blocks.css). */
export const BLOCK_STYLES = readAsset("blocks.css");

/** A marker the edit engine looks for to know a section's styles are already present. */
export function sectionStyleMarker(id: SectionId): string {
  return `/* section: ${id} */`;
}

export function renderSectionStyles(id: SectionId): string {
  return `${sectionStyleMarker(id)}${SECTION_STYLES[id]}\n`;
}
