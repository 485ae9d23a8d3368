/**
 * Pulls the proper nouns out of a prompt: the site's name, a place and a specialty. Precise
 * patterns ("called X", quotes) win over guesses (a Capitalised phrase), and every guess is
 * checked against a list of words that are capitalised for other reasons ("Make", "SaaS", "Tailwind").
 */

import nameWords from "../data/name-words.json";
import { LANGUAGE_NAMES, isDescribingWord } from "./read-english";
import { INDEX } from "../locale/business-index";
import { isCurrencyCode } from "../locale/stated-currency";
import type { SiteSpec } from "../site-spec";
import { CONNECTORS, PROPER_TOKEN, bare, clampName, endsClause, readNameAfterKeyword } from "./read-called-name";

const NAME_ARTICLES = new Set(nameWords.nameArticles);
const NAME_KEYWORD = new RegExp(`(?:^|[^\\p{L}])(?:${nameWords.nameKeywords})\\s+(.{1,120})`, "iu");
// Japanese and Chinese quote a name in corner brackets: 「Komorebi」.
const QUOTED = /["“”«»„「『]([^"“”«»„「」『』\n]{2,60})["“”«»„」』]|(?:^|[\s(])'([^'\n]{2,48})'(?=[\s,.;:!?)]|$)/u;
const FOR_NAME = /\bfor\s+(?!my\b|our\b|a\b|an\b|the\s+[a-z])([\p{Lu}][^,.;:!?\n]{0,60})/u;
/** "specialising in sourdough", "known for vintage maps": what the place does, up to its first "with", "in"… */
const FOCUS = new RegExp(`\\b(?:${nameWords.focus.leads})\\s+(?:in\\s+)?([^.,;:!?\\n]{3,80})`, "i");
const FOCUS_END = new RegExp(`\\s+(?:${nameWords.focus.ends})\\s+`, "i");

/** Capitalised words that are not names; kind and colour words are added by the caller. */
const TITLES = new Set(nameWords.titles);
const NAME_JOINERS = new Set(nameWords.nameJoiners);
const BASE_GENERIC = [...nameWords.baseGeneric, ...nameWords.titles, ...LANGUAGE_NAMES];
/** Words after which a capitalised run is a place ("em São Paulo", "a Napoli", "im Allgäu"). */
const PLACE_PREPOSITIONS = new Set(nameWords.placePrepositions);
/** "and"/"or" in the page languages: what joins the items of a list. */
const LIST_JOINERS = new Set(nameWords.listJoiners);
/** "run by", "geführt von": after these a capitalised run is the people who run the place. */
const RUN_BY = { verbs: new Set(nameWords.runBy.verbs), prepositions: new Set(nameWords.runBy.prepositions) };

export interface ExtractedNames extends Pick<SiteSpec, "location" | "focus"> {
  name: string | null;
  /** True when the name is only a capitalised phrase, with no "called", quotes or "for X" around it. */
  guessed: boolean;
}

/**
 * A lone capitalised first word is a name when the sentence goes on to say what it is:
 * "Acme, project software for…", "Hive — a coworking space", "Inkwell is a studio", "Acme bakery in…".
 */
function introducesName(tokens: string[], length: number, generic: ReadonlySet<string>): "strong" | "weak" | false {
  const last = tokens[length - 1] ?? "";
  const next = tokens[length] ?? "";
  if (/,$/.test(last) || /^[—–|-]$/.test(next)) return "strong";
  // "Acme: project software for…" names it; "Leistungen: Physiotherapie, Massage" is a list's label.
  if (/:$/.test(last)) return /^\p{Ll}/u.test(bare(next)) ? "strong" : false;
  if (/^(?:is|are|was)$/.test(next)) return "strong";
  const word = bare(next);
  // "Lezioni di chitarra a Bologna": a noun and its complement, not a name.
  if (/^(?:di|da|do|della|dello|delle)$/.test(word)) return false;
  return /^[\p{Ll}]/u.test(word) && generic.has(word.toLowerCase()) && !BASE_GENERIC.includes(word.toLowerCase()) ? "weak" : false;
}

const DAYS = `(?:${nameWords.shortDays.join("|")})\\.?`;
const NOT_A_NAME_WORD = new RegExp(`^(?:[\\p{N}\\p{Sc}]|\\p{L}{1,3}\\p{N}|\\p{L}$|${DAYS}[-–]${DAYS}$)`, "iu");
/** "3", "1952", "7pm", "1-on-1", "R450", "Mon-Fri", "AED": a count, year, time, price, day range or currency code is no name. */
const isNotANameWord = (word: string) => NOT_A_NAME_WORD.test(word) || isCurrencyCode(word);

function isGeneric(run: string[], generic: ReadonlySet<string>): boolean {
  return run.every((w) => {
    const lower = w.toLowerCase();
    // "Tuesdays" is a weekday too.
    return generic.has(lower) || generic.has(lower.replace(/s$/, "")) || CONNECTORS.has(lower) || isNotANameWord(w);
  });
}

/**
 * A capitalised word among lower-case list items is one of them, not a name: "tyre changes, MOT
 * and servicing", "haircuts, colour and Balayage".
 */
function isListItem(tokens: string[], start: number, length: number): boolean {
  const before = tokens[start - 1] ?? "";
  const beforeThat = bare(tokens[start - 2] ?? "");
  const after = bare(tokens[start + length] ?? "").toLowerCase();
  const afterThat = bare(tokens[start + length + 1] ?? "");
  const lower = (word: string) => /^\p{Ll}/u.test(word);
  if (/,$/.test(before) && LIST_JOINERS.has(after) && lower(afterThat)) return true;
  return LIST_JOINERS.has(bare(before).toLowerCase()) && /,$|^\p{Ll}/u.test(tokens[start - 2] ?? "") && lower(beforeThat);
}

/** Sentences, where "Dr." or "Dra." ends none ("la Dra. Camila Rojas" stays one). */
function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const piece of text.split(/(?<=[.!?\n])\s+/)) {
    const last = sentences.at(-1);
    if (last !== undefined && TITLES.has(bare(last.split(/\s+/).at(-1) ?? "").toLowerCase())) sentences[sentences.length - 1] = `${last} ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}

/**
 * Finds a Capitalised phrase that is not sentence-initial filler, a kind word or a place after "in".
 * Filler ("Create", "Website") is trimmed from the edges; vocabulary ("Zen", "Bakery") is kept inside
 * a name ("Zen Den") but a phrase made only of vocabulary ("SaaS") is not a name.
 */
function findCapitalisedPhrase(text: string, filler: ReadonlySet<string>, generic: ReadonlySet<string>, tradeWords: ReadonlySet<string> | null): string | null {
  for (const sentence of splitSentences(text.slice(0, 800))) {
    const tokens = sentence.split(/\s+/).filter(Boolean);
    let run: string[] = [];
    let runStart = 0;
    // "Dance studio Tempo": a lone first word before a trade noun is only a fallback to a later name.
    let fallback: string | null = null;
    const flush = (): string | null => {
      let words = run;
      const trimmable = (word: string | undefined) => filler.has((word ?? "").toLowerCase()) || CONNECTORS.has((word ?? "").toLowerCase());
      // A capitalised article inside a sentence belongs to the name ("the band The Midnight Owls",
      // "mi panadería en Sevilla, La Miga").
      const keepThe = runStart > 0 && NAME_ARTICLES.has(words[0] ?? "") && words.length > 1;
      while (words.length && trimmable(words[0]) && !(keepThe && words === run)) words = words.slice(1);
      while (words.length && trimmable(words.at(-1))) words = words.slice(0, -1);
      // "12-18 March 2025", "20 taps": a run that opens with a number is no name ("Studio 54" still is).
      if (isNotANameWord(words[0] ?? "")) return null;
      const before = (tokens[runStart - 1] ?? "").toLowerCase();
      // "in the Alps", "dans les Alpes": a place after its preposition and article.
      const beforeArticle = /^(?:the|la|le|les|el|los|las|die|der|den|os|as|gli|i)$/.test(before) ? (tokens[runStart - 2] ?? "").toLowerCase() : "";
      const afterPlace = PLACE_PREPOSITIONS.has(before) || PLACE_PREPOSITIONS.has(beforeArticle) || beforeArticle === "dans";
      // "run by Tom Hale", "led by Hannah Reid", "run by the O'Connor family": the people who run it ("tours by Via Antica" is still the name).
      const by = beforeArticle ? runStart - 2 : runStart - 1;
      if (RUN_BY.prepositions.has(bare(tokens[by] ?? "").toLowerCase()) && RUN_BY.verbs.has(bare(tokens[by - 1] ?? "").toLowerCase())) return null;
      if (TITLES.has(bare(before).toLowerCase()) || TITLES.has((run[0] ?? "").toLowerCase())) return null;
      // "by the O'Connor family": a family is people; "NICEIC approved": a body that vouches for it.
      const after = bare(tokens[runStart + run.length] ?? "").toLowerCase();
      if (nameWords.families.includes(after) || nameWords.accreditations.includes(after)) return null;
      // "Cours de piano": a first word whose run ends in a connector before lower-case words is a noun and its complement.
      const complement = runStart === 0 && words.length === 1 && words[0] === run[0] && run.length > 1 && run.slice(1).every((w) => CONNECTORS.has(w.toLowerCase()));
      const introduced = complement ? false : runStart === 0 && run.length === 1 ? introducesName(tokens, run.length, generic) : null;
      if (!words.length || afterPlace || introduced === false || isGeneric(words, generic)) return null;
      const ownLength = Math.max(1, run.findLastIndex((w) => !CONNECTORS.has(w.toLowerCase())) + 1);
      if (isListItem(tokens, runStart, ownLength)) return null;
      // German capitalises every noun ("Reifenwechsel und Inspektion"): there a guess must follow a
      // trade word ("Bäckerei Müller") or be introduced as a name ("Müller ist …", "Müller, …").
      if (tradeWords && introduced !== "strong") {
        const afterTrade = tradeWords.has(bare(tokens[runStart - 1] ?? "").toLowerCase());
        const leading = words.findIndex((w) => !tradeWords.has(w.toLowerCase()));
        // "Bäckerei Müller" is the whole name, as German shop signs put it.
        if (!afterTrade && leading <= 0) return null;
      }
      let found = clampName(words.join(" ").replace(/['’]s$/, ""));
      // "Pizzeria da Gennaro", "Boulangerie chez Marie": the trade and its "da"/"chez" are part of the name.
      const trade = bare(tokens[runStart - 2] ?? "");
      if (NAME_JOINERS.has(before) && trade && generic.has(trade.toLowerCase()) && !BASE_GENERIC.includes(trade.toLowerCase())) {
        // "Salão de beleza da Joana": a trade of several words ("X de Y") is kept whole.
        let from = runStart - 2;
        while (from >= 2 && ["de", "di", "du"].includes(bare(tokens[from - 1] ?? "").toLowerCase())) from -= 2;
        const whole = tokens.slice(from, runStart - 1).map(bare).join(" ");
        found = clampName(`${whole.charAt(0).toUpperCase()}${whole.slice(1)} ${before} ${found}`);
      }
      // "Landscape architect studio", "Private chef": a word some trade is searched by, or an adjective, describes this one.
      if (introduced === "weak" && !INDEX.has(found.toLowerCase()) && !isDescribingWord(sentence, found)) fallback ??= found;
      return introduced === "weak" ? null : found;
    };
    for (let i = 0; i <= tokens.length; i += 1) {
      const token = tokens[i];
      const word = token ? bare(token) : "";
      const proper = word && (PROPER_TOKEN.test(word) || (run.length > 0 && CONNECTORS.has(word.toLowerCase())));
      if (proper) {
        if (run.length === 0) runStart = i;
        run.push(word);
        // A run ends at the first word that is not proper, or at a word that ends a clause.
        if (!(token && endsClause(token))) continue;
      }
      if (run.length) {
        const found = flush();
        if (found) return found;
        run = [];
      }
    }
    if (fallback) return fallback;
  }
  return null;
}

/** Name, place and specialty from a prompt; `genericWords` are extra words that never form a name. */
export function extractNames(
  prompt: string,
  genericWords: Iterable<string>,
  /** Set when the language capitalises every noun (German): the words that named the trade. */
  { nounsCapitalised = null }: { nounsCapitalised?: ReadonlySet<string> | null } = {},
): ExtractedNames {
  const text = prompt.slice(0, 2000);
  const generic = new Set([...BASE_GENERIC, ...genericWords]);
  const called = NAME_KEYWORD.exec(text)?.[1];
  const quoted = QUOTED.exec(text);
  const quotedName = (quoted?.[1] ?? quoted?.[2] ?? "").trim();
  // "a site for Crumb & Co": a capitalised name after "for", unless it is only generic words.
  const after = readNameAfterKeyword(FOR_NAME.exec(text)?.[1] ?? "");
  const forName = after && /^[\p{Lu}\p{N}]/u.test(after) && !isGeneric(after.split(" "), generic) ? after : null;
  const stated = (called && readNameAfterKeyword(called)) || (quotedName && clampName(quotedName)) || forName;
  const name = stated || findCapitalisedPhrase(text, new Set(BASE_GENERIC), generic, nounsCapitalised);

  const place =
    /\b(?:in|based in|located in|from|covering|serving|near|around|tours?\s+of|guide\s+to)\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})/u.exec(text) ??
    // "a Lisbon surf school": a capitalised word between an article and a lower-case description.
    /\b(?:a|an)\s+([\p{Lu}][\p{Ll}'’-]+)\s+(?=[\p{Ll}])/u.exec(text);
  let location = place?.[1] ?? null;
  if (location && (generic.has(location.toLowerCase()) || location === name || name?.includes(location))) location = null;

  const focused = FOCUS.exec(text)?.[1]?.split(FOCUS_END)[0]?.trim().split(/\s+/).slice(0, 6).join(" ") ?? "";
  const focus = focused.length >= 3 ? focused : null;
  return { name: name || null, guessed: !stated && Boolean(name), location: location ? clampName(location) : null, focus };
}
