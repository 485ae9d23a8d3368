/**
 * Pulls the proper nouns out of a prompt: the site's name, a place and a specialty. Precise
 * patterns ("called X", quotes) win over guesses (a Capitalised phrase), and every guess is
 * checked against a list of words that are capitalised for other reasons ("Make", "SaaS", "Tailwind").
 */

import nameWords from "../data/name-words.json";
import { LANGUAGE_NAMES } from "./read-english";
import { isCurrencyCode } from "../locale/stated-currency";

const CONNECTORS = new Set(nameWords.connectors);
const NAME_ARTICLES = new Set(nameWords.nameArticles);
const STOPS = new Set(nameWords.stops);
const NAME_KEYWORD =
  /(?:^|[^\p{L}])(?:called|named|titled|(?<!\bmy\s)name\s+is|name:|brand\s+name|appel[ée]e?|llamad[oa]|namens|genannt|chiamat[oa]|chamad[oa])\s+(.{1,120})/iu;
// Japanese and Chinese quote a name in corner brackets: 「Komorebi」.
const QUOTED = /["“”«»„「『]([^"“”«»„「」『』\n]{2,60})["“”«»„」』]|(?:^|[\s(])'([^'\n]{2,48})'(?=[\s,.;:!?)]|$)/u;
const PROPER_TOKEN = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*|&|\+)$/u;

/** Capitalised words that are not names; kind and colour words are added by the caller. */
const TITLES = new Set(nameWords.titles);
const NAME_JOINERS = new Set(nameWords.nameJoiners);
const BASE_GENERIC = [...nameWords.baseGeneric, ...nameWords.titles, ...LANGUAGE_NAMES];

export interface ExtractedNames {
  name: string | null;
  /** True when the name is only a capitalised phrase, with no "called", quotes or "for X" around it. */
  guessed: boolean;
  location: string | null;
  focus: string | null;
}

function bare(token: string): string {
  return token.replace(/^[(\["'“‘]+/, "").replace(/[)\]"'”’,.;:!?]+$/, "");
}

function endsClause(token: string): boolean {
  return /[,;:!?)\]]$/.test(token) || (/\.$/.test(token) && !/^(co|inc|ltd|st|dr|mr|mrs|ms)\.$/i.test(token));
}

function titleCase(words: string[]): string {
  return words
    .map((w, i) => (i > 0 && CONNECTORS.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ");
}

/** Keeps a name short enough for a header, cutting at a word boundary. */
function clampName(name: string): string {
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

/** Words after which a capitalised run is a place ("em São Paulo", "a Napoli", "im Allgäu"). */
const PLACE_PREPOSITIONS = new Set(nameWords.placePrepositions);

/** "and"/"or" in the page languages: what joins the items of a list. */
const LIST_JOINERS = new Set(nameWords.listJoiners);

/** "run by", "geführt von": after these a capitalised run is the people who run the place. */
const RUN_BY = { verbs: new Set(nameWords.runBy.verbs), prepositions: new Set(nameWords.runBy.prepositions) };

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
      // "by the O'Connor family": a family is people.
      if (nameWords.families.includes(bare(tokens[runStart + run.length] ?? "").toLowerCase())) return null;
      // "Cours de piano": a first word whose run ends in a connector before lower-case words is a noun and its complement.
      const complement = runStart === 0 && words.length === 1 && words[0] === run[0] && run.length > 1 && run.slice(1).every((w) => CONNECTORS.has(w.toLowerCase()));
      const introduced = complement ? false : runStart === 0 && run.length === 1 ? introducesName(tokens, run.length, generic) : null;
      if (!words.length || afterPlace || introduced === false || isGeneric(words, generic)) return null;
      let ownLength = run.length;
      while (ownLength > 1 && CONNECTORS.has((run[ownLength - 1] ?? "").toLowerCase())) ownLength -= 1;
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
      if (introduced === "weak") {
        fallback ??= found;
        return null;
      }
      return found;
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
  let name: string | null = null;
  const keyword = NAME_KEYWORD.exec(text);
  if (keyword?.[1]) name = readNameAfterKeyword(keyword[1]);
  if (!name) {
    const quoted = QUOTED.exec(text);
    const value = (quoted?.[1] ?? quoted?.[2] ?? "").trim();
    if (value) name = clampName(value);
  }
  if (!name) {
    const forMatch = /\bfor\s+(?!my\b|our\b|a\b|an\b|the\s+[a-z])([\p{Lu}][^,.;:!?\n]{0,60})/u.exec(text);
    if (forMatch?.[1]) {
      const candidate = readNameAfterKeyword(forMatch[1]);
      if (candidate && /^[\p{Lu}\p{N}]/u.test(candidate) && !isGeneric(candidate.split(" "), generic)) name = candidate;
    }
  }
  const guessed = !name;
  if (!name) name = findCapitalisedPhrase(text, new Set(BASE_GENERIC), generic, nounsCapitalised);

  const place =
    /\b(?:in|based in|located in|from|covering|serving|near|around|tours?\s+of|guide\s+to)\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})/u.exec(text) ??
    // "a Lisbon surf school": a capitalised word between an article and a lower-case description.
    /\b(?:a|an)\s+([\p{Lu}][\p{Ll}'’-]+)\s+(?=[\p{Ll}])/u.exec(text);
  let location = place?.[1] ?? null;
  if (location && (generic.has(location.toLowerCase()) || location === name || name?.includes(location))) location = null;

  const focusMatch =
    /\b(?:speciali[sz](?:ing|es|e|ed)|that\s+(?:sells|makes|offers|serves)|selling|serving|focused\s+on|focusing\s+on|known\s+for|(?:online|web|e-?)\s*(?:shop|store)\s+for)\s+(?:in\s+)?([^.,;:!?\n]{3,80})/i.exec(text);
  let focus: string | null = null;
  if (focusMatch?.[1]) {
    const cut = focusMatch[1].split(/\s+(?:with|called|named|in|for|that|which|using|featuring|including|plus|and\s+(?:a|an|the|some))\s+/i)[0] ?? "";
    const words = cut.trim().split(/\s+/).slice(0, 6).join(" ");
    focus = words.length >= 3 ? words : null;
  }
  return { name: name || null, guessed: guessed && Boolean(name), location: location ? clampName(location) : null, focus };
}
