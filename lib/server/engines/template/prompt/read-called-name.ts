/**
 * The name after "called", "named" or "for" (and a renaming edit's new name), and the token rules every
 * name reader shares: a name is a run of capitalised words, its connectors ("Crumb & Co") and no more.
 */

import nameWords from "../data/name-words.json";
import { capitalise } from "../content/apply-domain";

export const CONNECTORS = new Set(nameWords.connectors);
const STOPS = new Set(nameWords.stops);
export const PROPER_TOKEN = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*|&|\+)$/u;

export function bare(token: string): string {
  return token.replace(/^[(\["'“‘]+/, "").replace(/[)\]"'”’,.;:!?]+$/, "");
}

export function endsClause(token: string): boolean {
  return /[,;:!?)\]]$/.test(token) || (/\.$/.test(token) && !/^(co|inc|ltd|st|dr|mr|mrs|ms)\.$/i.test(token));
}

function titleCase(words: string[]): string {
  return words.map((w, i) => (i > 0 && CONNECTORS.has(w.toLowerCase()) ? w.toLowerCase() : capitalise(w))).join(" ");
}

/** Keeps a name short enough for a header, cutting at a word boundary. */
export function clampName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
  if (clean.length <= 48) return clean;
  const cut = clean.slice(0, 48);
  const space = cut.lastIndexOf(" ");
  return (space >= 20 ? cut.slice(0, space) : cut).trim();
}

/** Reads the words after "called"/"named": stops at the first word that clearly starts new text. */
export function readNameAfterKeyword(rest: string): string | null {
  const quoted = /^\s*["“'«]([^"”'»\n]{1,60})["”'»]/.exec(rest);
  if (quoted?.[1]?.trim()) return clampName(quoted[1]);
  const tokens = rest.trim().split(/\s+/).slice(0, 10);
  const words: string[] = [];
  const firstIsProper = PROPER_TOKEN.test(bare(tokens[0] ?? ""));
  for (let i = 0; i < tokens.length && words.length < 6; i += 1) {
    const token = tokens[i] ?? "";
    const word = bare(token);
    if (!word) break;
    const lower = word.toLowerCase();
    const next = bare(tokens[i + 1] ?? "");
    if (i > 0 && CONNECTORS.has(lower)) {
      // "Crumb & Co" keeps its connector; "Crumb and green accents" does not.
      if (next && (PROPER_TOKEN.test(next) || !firstIsProper) && !STOPS.has(next.toLowerCase()) && !endsClause(token)) {
        words.push(word);
        continue;
      }
      break;
    }
    // "The Dog-Eared Page" is a name; "Crumb website" is not: a capitalised "Page" inside a proper name stays.
    const inName = firstIsProper && /^\p{Lu}/u.test(word) && ["page", "site", "website", "homepage"].includes(lower);
    // "Suds on Wheels", "Meals on Wheels": "on" between capitalised words stays inside the name.
    const onInName = lower === "on" && firstIsProper && PROPER_TOKEN.test(next) && !endsClause(token);
    if (i > 0 && STOPS.has(lower) && !inName && !onInName) break;
    if (i > 0 && firstIsProper && !PROPER_TOKEN.test(word) && !onInName) break;
    words.push(word);
    if (endsClause(token)) break;
  }
  while (words.length > 0 && CONNECTORS.has((words[words.length - 1] ?? "").toLowerCase())) words.pop();
  if (words.length === 0) return null;
  return clampName(firstIsProper ? words.join(" ") : titleCase(words));
}
