/**
 * Vocabulary for reading prompts: which words point to which kind of site, which words ask for a
 * section, and which set the tone. Weights let specific phrases ("coffee shop") beat generic words
 * ("shop"). The word lists live in data/prompt-keywords.json.
 */

import keywords from "../data/prompt-keywords.json";
import type { SectionId, SiteKind, Tone } from "../site-spec";
import { WORD_END, WORD_START, escapeRegExp } from "../word-pattern";

type Weighted = ReadonlyArray<readonly [term: string, weight: number]>;

// Our own committed vocabulary (not input), typed by the shapes the readers use.
export const KIND_KEYWORDS = keywords.kinds as unknown as Record<Exclude<SiteKind, "landing">, Weighted>;
export const SECTION_KEYWORDS = keywords.sections as Record<SectionId, readonly string[]>;
export const TONE_KEYWORDS = keywords.tones as Record<Tone, readonly string[]>;

/** Words that never make a site name: every kind keyword, section word and tone word (the caller adds colours). */
export const GENERIC_WORDS = [
  ...Object.values(KIND_KEYWORDS).flatMap((list) => list.flatMap(([term]) => [term, `${term}s`])),
  ...Object.values(SECTION_KEYWORDS).flat(),
  ...Object.values(TONE_KEYWORDS).flat(),
];

/** Words that ask for a dark look as a whole (not "dark green"). */
export const DARK_PATTERN =
  /\b(dark|night|black)[\s-]*(mode|theme|themed|background|look|design|ui|palette|style|site|website)\b|\bmoody\b|\bneon\b|\bdark\s*(?:and|&)\s*\w+\s*(?:theme|design|look)\b/i;
export const LIGHT_PATTERN = /\b(light|bright|white)[\s-]*(mode|theme|themed|background|look|design)\b/i;

const termPatterns = new Map<string, RegExp>();

/** Builds (once) a matcher that respects word edges in any script, with optional plural endings. */
export function buildTermPattern(term: string, flags = "giu"): RegExp {
  const key = `${flags}|${term}`;
  const pattern = termPatterns.get(key) ?? compileTermPattern(term, flags);
  termPatterns.set(key, pattern);
  pattern.lastIndex = 0;
  return pattern;
}

function compileTermPattern(term: string, flags: string): RegExp {
  const escaped = escapeRegExp(term).replace(/ /g, "[\\s-]+");
  if (!/^[\p{L}\p{N}]/u.test(term)) return new RegExp(escaped, flags);
  const plural = /[\p{L}]$/u.test(term) ? "(?:s|es)?" : "";
  return new RegExp(`${WORD_START}${escaped}${plural}${WORD_END}`, flags);
}
