/**
 * The kind of business a prompt describes, from the OpenStreetMap iD presets (names, aliases and
 * search terms in six languages; extracted by scripts/template-data into business-kinds.json).
 * "clínica dental", "Kletterhalle", "plumber" each find their preset, its names in every language
 * and the engine's site kind that lays such a business out.
 */

import aliases from "../data/trade-aliases.json";
import type { SiteKind } from "../site-spec";
import { getLocale } from "./locales";
import { singularOf } from "../prompt/read-english";
import { capitalise } from "../content/apply-domain";
import { PAGE_LANGUAGES, type PageLanguage } from "./read-language";
import { BY_ID, INDEX, READ_ONLY, VAGUE, type Entry } from "./business-index";

export interface BusinessReading {
  /** OSM preset id, e.g. "amenity/dentist". */
  id: string;
  kind: SiteKind;
  cuisine: string | null;
  /** The preset's name in the page's language ("Dentista"), else English. */
  label: string;
  /** The words of the prompt that named it ("dental clinic"). */
  matched: string;
  /** The languages whose words named it ("friseursalon": de), evidence for the prompt's language. */
  langs: PageLanguage[];
  /** How strongly the prompt named it: a preset's name counts double a search term, a phrase more than a word. */
  strength: number;
}

/** Place names are no trade ("an estate agent in Reading" is no library): they are left out of the match. */
const PLACE_AFTER = /(\b(?:in|near|from|at|around|à|en|aus|bei|em|no|na|di|a|nel|im)\s+)\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}/gu;

/** The prompt's words as written (case kept, so "Lemoine" can be told from "dentaire"). */
function rawWords(text: string): string[] {
  // French and Italian elide articles ("d'ostéopathie", "l'enoteca", "un'enoteca"): the noun is the word after the apostrophe.
  // "B&B" is one word.
  return text.replace(/(?<=(?<![\p{L}])(?:[dlcjmnst]|un|dell|all|nell|sull|quest|quell))['’](?=\p{L})/giu, " ").match(/[\p{L}\p{N}'’-]+(?:&[\p{L}\p{N}]+)*/gu) ?? [];
}

const HEADS = Object.entries(aliases.compounds.heads) as Array<[PageLanguage, string[]]>;
/** A modifier's own entry, without its joining letters, or the term it shares a stem with ("Physiotherapie-" → "physiotherapeut"). */
function readStem(word: string): Map<string, Entry> | undefined {
  const ends = ["", ...aliases.compounds.links].filter((link) => word.endsWith(link) && word.length - link.length >= 4);
  const own = ends.map((link) => INDEX.get(word.slice(0, word.length - link.length))).find(Boolean);
  if (own) return own;
  let best: { key: string; shared: number } | null = null;
  for (const key of INDEX.keys()) {
    let shared = 0;
    while (shared < key.length && key[shared] === word[shared]) shared += 1;
    if (shared >= 6 && shared >= word.length - 3 && shared >= key.length - 3 && !key.includes(" ") && (!best || shared > best.shared)) best = { key, shared };
  }
  return best ? INDEX.get(best.key) : undefined;
}

/**
 * A compound no preset names whole ("Zahnarztpraxis"): the head decides, or the modifier when the
 * head is generic. It counts as written in the head's language ("praxis": German).
 */
function readCompound(word: string): Map<string, Entry> | undefined {
  for (let at = 4; at <= word.length - 4; at += 1) {
    const head = word.slice(at);
    const hit = INDEX.get(head);
    const heads = HEADS.filter(([, list]) => list.includes(head)).map(([lang]) => lang);
    const generic = heads.length > 0 || [...(hit?.values() ?? [])].some((e) => e.kind && !e.kind.id.includes("/"));
    const modifier = generic ? readStem(word.slice(0, at)) : undefined;
    const found = modifier ?? (!generic && hit && head.length >= 5 && [...hit.values()].some((e) => e.weight >= 3) ? hit : undefined);
    if (!found) continue;
    const entry = [...found.values()][0]!;
    return new Map((heads.length ? heads : [...(hit?.keys() ?? found.keys())]).map((lang) => [lang, found.get(lang) ?? entry]));
  }
  return undefined;
}

const PHRASE = aliases.phraseHeads;
const JOINERS = new Set(PHRASE.joiners);
const headOf = (heads: Record<string, string[]>, lang: PageLanguage, word: string | undefined) => Boolean(word && heads[lang]?.includes(word));

/** "escola de surf": the head and joiner the prompt wrote before the matched trade, if any. */
function readPhraseHead(tokens: string[], at: number, lang: PageLanguage): { words: string[]; teaching: boolean } | null {
  const joiner = tokens[at - 1];
  const head = tokens[at - 2];
  if (!joiner || !JOINERS.has(joiner)) return null;
  const teaching = headOf(PHRASE.teaching, lang, head);
  return teaching || headOf(PHRASE.other, lang, head) ? { words: [head ?? "", joiner], teaching } : null;
}

/**
 * "my bike courier business", "Dog walker in Bristol … puppy visits": an English trade named as a
 * compound whose head is a person no preset knows (courier, walker, planner). A lone search term
 * ("bike", "puppy") is then no reading of the trade: a courier is no motorcycle repair shop.
 */
const ENGLISH_SMALL = new Set(getLocale("en").functionWords);
// Only a preset's own name makes the head known ("walker" is a search term of medical supplies).
const named = (w: string) => [...(INDEX.get(w)?.values() ?? [])].some((e) => e.weight >= 3);
const known = (w: string) => named(w) || named(singularOf(w)) || VAGUE.has(w);

function findUnknownAgent(tokens: string[], upTo: number): string | null {
  for (let at = 1; at < Math.min(tokens.length, 12, upTo + 2); at += 1) {
    const word = tokens[at] ?? "";
    const before = tokens[at - 1] ?? "";
    if (/^\p{L}{3,}(?:er|or|ist|ian)s?$/u.test(word) && !known(word) && !ENGLISH_SMALL.has(word) && before.length >= 3 && !ENGLISH_SMALL.has(before)) return `${before} ${word}`;
  }
  return null;
}

/** An English trade no preset names, in the user's words ("dog walker", "bike courier"). */
export function readUnknownTrade(prompt: string): string | null {
  return findUnknownAgent(rawWords(prompt.slice(0, 600)).map((w) => w.toLowerCase()), 12);
}

/** A term of a read-only language that differs from the word only in its ending ("kwiaciarni" ~ "kwiaciarnia"). */
function readInflected(word: string, lang: string): Map<string, Entry> | undefined {
  for (const [key, byLang] of INDEX) {
    if (!byLang.has(lang) || key.includes(" ") || Math.abs(key.length - word.length) > 2) continue;
    let shared = 0;
    while (shared < key.length && key[shared] === word[shared]) shared += 1;
    if (shared >= 6 && shared >= Math.max(key.length, word.length) - 2) return byLang;
  }
  return undefined;
}

const PAGE = new Set<string>(PAGE_LANGUAGES);

/** The best preset named in the prompt (longer phrases and names beat single search terms). */
export function readBusiness(prompt: string, lang: PageLanguage, other: string | null = null): BusinessReading | null {
  // A prompt in a language the engine only reads ("nld") is looked up in that language's terms first.
  const read = other ? (READ_ONLY[other] ?? null) : null;
  const raw = rawWords(prompt.slice(0, 1500).replace(PLACE_AFTER, "$1·"));
  const tokens = raw.map((w) => w.toLowerCase());
  // Compounds read in this prompt. Per call, not per process: the keys are the user's own words,
  // and a process-wide map would grow with every prompt the server ever reads.
  const compounds = new Map<string, Map<string, Entry> | undefined>();
  let best: { entry: Entry; score: number; phrase: string; at: number; langs: PageLanguage[] } | null = null;
  for (let at = 0; at < tokens.length; at += 1) {
    // A phrase is as long as the words it has: near the end a 4-word slice is shorter, and must not weigh 4×.
    for (let size = Math.min(4, tokens.length - at); size >= 1; size -= 1) {
      const phrase = tokens.slice(at, at + size).join(" ");
      // "enfants" is as vague as "enfant": the plural's own word is checked before its singular is looked up.
      let byLang = VAGUE.has(phrase) ? undefined : (INDEX.get(phrase) ?? INDEX.get(phrase.replace(/s$/, "")) ?? INDEX.get(singularOf(phrase)));
      if (!byLang && size === 1 && phrase.length >= 8) {
        if (!compounds.has(phrase)) compounds.set(phrase, readCompound(phrase));
        byLang = compounds.get(phrase);
      }
      const langs = [...(byLang?.keys() ?? [])].filter((l): l is PageLanguage => PAGE.has(l));
      // Inflected words of a read-only language ("w kwiaciarni", Polish locative) share the term's stem.
      if (!byLang && read && size === 1 && phrase.length >= 7) byLang = readInflected(phrase, read);
      // A compound, or a long word only another language has ("Tierarztpraxis"), is read in its own language whatever the page's.
      const compound = compounds.get(phrase);
      const entry = compound ? { ...[...compound.values()][0]!, label: capitalise(phrase) } : (byLang?.get(lang) ?? (read ? byLang?.get(read) : undefined) ?? byLang?.get("en") ?? (phrase.length >= 8 ? [...(byLang?.values() ?? [])][0] : undefined));
      if (!entry) continue;
      // Earlier words weigh a little more: "a bakery that also sells coffee" is a bakery.
      const score = entry.weight * size - at * 0.01;
      if (!best || score > best.score) best = { entry, score, phrase, at, langs };
    }
  }
  if (!best?.entry.kind) return null;
  if (lang === "en" && best.entry.weight < 3 && !best.phrase.includes(" ") && findUnknownAgent(tokens, best.at)) return null;
  const kind = best.entry.kind;
  const end = best.at + best.phrase.split(" ").length;
  // "clínica dental", "cabinet d'ostéopathie": in these languages the words after the noun belong to the trade.
  const small = new Set(getLocale(lang).functionWords);
  // German names the trade by its noun alone ("Bäckerei Müller": Müller is the name).
  const after = lang === "en" || lang === "de" ? [] : tokens.slice(end, end + 2);
  // A capitalised word after the trade is its name ("Pâtisserie Lemoine"), not part of the trade.
  const next = raw[end] ?? "";
  const tail = /^\p{Lu}/u.test(next) ? [] : after[0] && !small.has(after[0]) ? [after[0]] : after[0] === "de" && after[1] ? [after[0], after[1]] : [];
  const head = readPhraseHead(tokens, best.at, lang);
  // "my pottery classes in Melbourne": the teaching named after the trade makes a shop's preset a service.
  const taughtWord = tokens[end] ?? "";
  const taught = lang === "en" && PHRASE.teachingAfter.en.includes(taughtWord);
  // The apostrophe the words were split at comes back: "cabinet d'ostéopathie".
  const matched = [...(head?.words ?? []), best.phrase, ...(taught ? [taughtWord] : tail)].join(" ").replace(/(?<![\p{L}])(d|l|dell|all|nell|sull|quest|quell) (?=\p{L})/gu, "$1'");
  return {
    id: kind.id,
    kind: ((head?.teaching || taught) && kind.kind === "shop" ? "landing" : kind.kind) as SiteKind,
    cuisine: kind.cuisine ?? null,
    label: (head || taught ? capitalise(matched) : (best.entry.label ?? kind.names[lang] ?? kind.names.en ?? best.phrase)).replace(/\s*\/.*$/, ""),
    matched,
    strength: best.entry.weight * best.phrase.split(" ").length,
    langs: best.langs,
  };
}

/** The preset's name in a language, for a site edited later (its id is on the page). */
export function businessLabel(id: string, lang: PageLanguage): string | null {
  const names = BY_ID.get(id)?.names;
  return names?.[lang] ?? names?.en ?? null;
}

/** A word's endings of 5 to 9 letters, none longer than `longest`. */
function endings(word: string, longest: number): string[] {
  return Array.from({ length: Math.min(9, longest) - 4 }, (_, i) => word.slice(-(i + 5)));
}

/**
 * Heads German compounds share in the presets' terms ("tauchschule", "reitschule", "tanzschule":
 * "schule"), none of them an English word: a word the presets do not know that ends in one
 * ("Hundeschule") is German, evidence for the page's language though it names no preset.
 */
function compoundHeads(): Set<string> {
  const counts = new Map<string, number>();
  // Every ending of an English term: a head that is one is no German evidence.
  const englishEnds = new Set<string>();
  for (const [key, byLang] of INDEX) {
    if (byLang.has("en")) for (const end of endings(key, key.length)) englishEnds.add(end);
    const word = key.replace(/-/g, "");
    if (!byLang.has("de") || byLang.has("en") || /\s/.test(word) || word.length < 9) continue;
    for (const end of endings(word, word.length - 3)) counts.set(end, (counts.get(end) ?? 0) + 1);
  }
  return new Set([...counts].filter(([head, count]) => count >= 2 && !englishEnds.has(head)).map(([head]) => head));
}
// Built on the first prompt that needs it, not at start-up.
let germanHeads: Set<string> | null = null;

/** The languages whose compound heads end a long word of the prompt ("Hundeschule": de). */
export function compoundLanguages(prompt: string): PageLanguage[] {
  const heads = (germanHeads ??= compoundHeads());
  const words = rawWords(prompt.slice(0, 600)).map((w) => w.toLowerCase());
  return words.some((word) => endings(word, word.length - 3).some((end) => heads.has(end))) ? ["de"] : [];
}
