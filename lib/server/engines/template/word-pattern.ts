/** Regular-expression pieces for word lists read from data files. */

/** Letters and digits: a word boundary that works for every script (\b does not). */
export const WORD_START = "(?<![\\p{L}\\p{N}])";
export const WORD_END = "(?![\\p{L}\\p{N}])";

/** The text as a pattern that matches it literally. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One alternation of phrases, longest first; spaces match any run of spaces, apostrophes either kind. */
export function alternation(list: readonly string[]): string {
  const sorted = [...new Set(list)].sort((a, b) => b.length - a.length);
  return sorted.map((w) => escapeRegExp(w).replace(/\s+/g, "\\s+").replace(/['’]/g, "['’]")).join("|") || "(?!)";
}
