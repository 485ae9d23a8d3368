/**
 * Finds the sections a prompt lists, in the order it lists them: "with lessons, prices and booking",
 * "Sections: treatments, our dentists and appointments", "I'd like X, Y and a newsletter signup".
 * Each item keeps the user's own words as its heading; style words ("clean and minimal") and
 * colours ("ocean blue") in the same list are left to the style readers.
 */

import { FORM_WORDING, detectFormKind, type FormKind } from "../content/form-kinds";
import { findColorMentions } from "./named-colors";
import words from "../data/section-words.json";
import { STYLE_ITEM, layoutForPhrase } from "./section-vocabulary";
import { capitalise } from "../content/apply-domain";
import type { PageBlock } from "../site-spec";

/** One listed item: its heading as the user wrote it, capitalised ("Our dentists"), and the form it asks for. */
export type ListedSection = Pick<PageBlock, "heading" | "form">;

export interface SectionList {
  items: ListedSection[];
  /** True when the prompt clearly enumerates the page ("Sections: …" or three or more items). */
  exhaustive: boolean;
  /** What the business offers, listed after its trade ("garage: tyre changes, MOT and servicing"): items of one Services section. */
  offers: string[];
  /** Fields a form is asked to have ("a quote form with move date and number of rooms"), by form. */
  fields: Partial<Record<FormKind, string[]>>;
}
const OFFER_TRIGGER = new RegExp(`^(?::|[—–-]|${words.offerTriggers})$`, "iu");

const TRIGGER = new RegExp(
  `(?:^|\\s)(${words.list.triggers}|sections?\\s*:|pages?\\s*:|secciones\\s*:|${words.triggers}|${words.offerTriggers})(?=\\s|$)|(:|\\s[—–]|\\s-)(?=\\s)`,
  "giu",
);
const LEAD_FILLER = new RegExp(`^(?:(?:${words.list.leadFiller})\\s+)+`, "iu");
const PEOPLE_VERB = new RegExp(`^(?:${words.list.peopleVerbs})\\s+(?:${words.list.people})\\s+(?:to\\s+)?`, "i");
const TRAILING_NOUN = /\s+(?:sections?|pages?|blocks?|parts?|forms?|widgets?)$/i;
const CUT = new RegExp(`\\s(?:${words.list.cut})\\s.*$`, "i");
/** "in green", "for kids", "on the beach": a place or purpose, not a section. */
const PREPOSITIONAL = new RegExp(`^(?:${words.list.prepositions})\\s`, "i");
const NOT_SECTIONS = new RegExp(`^(?:${words.list.notSections})$`, "i");

/** Pairs joined by "and" that name one thing, so they are never split. */
const COMPOUNDS = new RegExp(`\\b(${words.list.compounds[0]!.join("|")})\\s+(and|&)\\s+(${words.list.compounds[1]!.join("|")})\\b`, "gi");

/** Splits "a, b, c and d" (Oxford comma or not) into items; "before and after" and "24/7" stay whole. */
function splitItems(text: string): string[] {
  const guarded = text.replace(COMPOUNDS, (_m, a: string, _and: string, b: string) => `${a}\u0001${b}`);
  return guarded
    .split(new RegExp(`\\s*(?:(?<!\\d),|,(?!\\d{3}))\\s*|\\s*(?<!\\d)\\/(?!\\d)\\s*|\\s+(?:as\\s+well\\s+as|plus)\\s+|\\s+(?:and|&|${words.joiners})\\s+`, "iu"))
    .map((c) => c.replace(/\u0001/g, " and ").trim())
    .filter(Boolean);
}

function cleanItem(raw: string): string {
  let item = raw.replace(/[()"“”]/g, " ").replace(/\s+/g, " ").trim();
  item = item.replace(/[.!?:;]+$/, "").replace(LEAD_FILLER, "").replace(PEOPLE_VERB, "");
  // "lessons for kids and adults in small groups" → "lessons"; "bikes for sale" stays whole.
  if (item.split(" ").length > 3) item = item.replace(CUT, "");
  return item.replace(TRAILING_NOUN, "").trim().replace(LEAD_FILLER, "");
}

function isStyleItem(item: string): boolean {
  // "ocean blue", "soft lavender accents" are colours; "wine list" is a section that names a colour.
  let rest = item.toLowerCase();
  for (const colour of findColorMentions(`${item} colour`)) rest = rest.replace(colour.word, " ");
  if (rest !== item.toLowerCase() && rest.split(/\s+/).every((w) => !w || STYLE_ITEM.test(w))) return true;
  return STYLE_ITEM.test(item) && layoutForPhrase(item) === "cards" && detectFormKind(item) === null;
}

const PREPOSITION_WORD = new RegExp(`^(?:${words.list.prepositions}|${words.list.cut})$`, "i");
const RUN_BY = new RegExp(`^(?:${words.list.runBy})\\s`, "i");
// "formulario de presupuesto con …": a form's own words may stand between its noun and "with".
const FORM_THEN_WITH = new RegExp(`\\b(?:${words.list.formNouns})(?:\\s+[\\p{L}'’]+){0,2}\\s+(?:${words.list.triggers}|${words.triggers})$`, "iu");
// "Kai", "Anna Holm" are names; "MOT", "FAQ" are not.
const isCapitalised = (word: string) => /^\p{Lu}\p{Ll}/u.test(word);

/**
 * "artists Kai and Mira", "speakers Anna Holm and Lars Berg", "run by Sofia": the people named in
 * a list are not sections; the lower-case word before them is ("Artists"), and names alone are dropped
 * when the list's other items are lower case.
 */
function withoutPeople(items: string[]): string[] {
  const mixed = items.some((item) => !isCapitalised(item));
  return items.flatMap((item) => {
    if (RUN_BY.test(item)) return [];
    const words = item.split(" ");
    const lead = words.findIndex(isCapitalised);
    // "arborist in Sydney" ends in a place, not in people: the word before the names is no preposition.
    if (lead > 0 && words.slice(lead).every(isCapitalised) && !PREPOSITION_WORD.test(words[lead - 1] ?? "")) return [words.slice(0, lead).join(" ")];
    return mixed && lead === 0 && words.every(isCapitalised) && layoutForPhrase(item) === "cards" && detectFormKind(item) === null ? [] : [item];
  });
}

/** Reads one trigger's items; names, places and the trade of the site are never sections. */
function readItems(text: string, exclude: readonly string[], trades: readonly string[] = [], formHeading: (kind: FormKind) => string = (kind) => FORM_WORDING[kind].heading): ListedSection[] {
  const items: ListedSection[] = [];
  const raws = splitItems(text);
  const cleaned = withoutPeople(raws.map(cleanItem).filter(Boolean));
  for (const [index, item] of cleaned.entries()) {
    const raw = raws.find((r) => r.includes(item)) ?? raws[index] ?? item;
    const words = item.split(" ");
    if (words.length > 5 || NOT_SECTIONS.test(item) || PREPOSITIONAL.test(item) || isStyleItem(item)) continue;
    if (exclude.some((word) => word && item.toLowerCase().includes(word.toLowerCase()))) continue;
    // "Bakery in Toronto, …": the trade itself is the whole page, not one of its sections.
    const opensWithTrade = index === 0 && /\s(?:in|at|near|from)\s/i.test(raw);
    if (opensWithTrade && trades.some((trade) => trade && (item.toLowerCase() === trade.toLowerCase() || item.toLowerCase().endsWith(` ${trade.toLowerCase()}`)))) continue;
    // "a quote form": the form is named with its noun; "Quote" alone is no heading, the form's own is.
    const named = detectFormKind(item);
    const form = named ?? detectFormKind(raw);
    items.push({ heading: form && !named ? formHeading(form) : capitalise(item), form });
  }
  return items;
}

/** A single item is trusted only when it names a known section or a form ("with a gallery"). */
function isConvincing(items: ListedSection[], trigger: string): boolean {
  if (items.length >= 2) return true;
  const only = items[0];
  if (!only) return false;
  if (/^(?:sections?|pages?)\s*:/i.test(trigger)) return true;
  // After a bare colon one item is usually a description ("the example: a photographer portfolio").
  return trigger !== ":" && (only.form !== null || layoutForPhrase(only.heading) !== "cards");
}

/** The listed sections of the whole prompt, in order, without repeats. */
const MENU_WITH_PRICES = new RegExp(words.menuWithPrices, "giu");
/** Sections no form field is named like ("reviews", "a gallery"); "number of rooms" or "date" may be either. */
const PAGE_SECTIONS: ReadonlySet<string> = new Set(["gallery", "testimonials", "faq", "about", "team", "menu", "pricing", "posts", "newsletter"]);

export function readSectionList(rawPrompt: string, exclude: readonly string[] = [], trades: readonly string[] = [], formHeading?: (kind: FormKind) => string): SectionList {
  const prompt = rawPrompt.replace(MENU_WITH_PRICES, "$1");
  const result: ListedSection[] = [];
  const offers: string[] = [];
  const fields: Partial<Record<FormKind, string[]>> = {};
  let exhaustive = false;
  for (const sentence of prompt.slice(0, 3000).split(/(?<=[.!?;])\s+|\n+/)) {
    const marks = [...sentence.matchAll(TRIGGER)].map((m) => ({ at: (m.index ?? 0) + m[0].length, from: m.index ?? 0, word: m[1] ?? (m[2] ? ":" : "") }));
    let best: { items: ListedSection[]; word: string } | null = null;
    let formFields = false;
    for (const [i, mark] of marks.entries()) {
      const text = sentence.slice(mark.at, marks[i + 1]?.from ?? sentence.length);
      // "a quote form with move date and number of rooms": what follows a form is its fields, not sections.
      if (FORM_THEN_WITH.test(sentence.slice(0, mark.at))) {
        const kind = detectFormKind(sentence.slice(Math.max(0, mark.from - 40), mark.from));
        // "moving from and to" leaves a lone "to": a small word is no field. A known section after
        // the fields ("…, preferred date, reviews and a gallery") is a section again.
        const asked = splitItems(text).map(cleanItem).filter((f) => f && f.split(" ").length <= 5 && !detectFormKind(f) && !PREPOSITION_WORD.test(f) && /\p{L}{3}/u.test(f));
        const own = asked.filter((f) => !PAGE_SECTIONS.has(layoutForPhrase(f)));
        if (kind && own.length) fields[kind] = own.slice(0, 6).map(capitalise);
        const sections = asked.filter((f) => PAGE_SECTIONS.has(layoutForPhrase(f))).map((f) => ({ heading: capitalise(f), form: null }));
        if (sections.length && (!best || sections.length > best.items.length)) best = { items: sections, word: "with" };
        formFields = true;
        continue;
      }
      const items = readItems(text, exclude, [], formHeading);
      if (isConvincing(items, mark.word) && (!best || items.length > best.items.length)) best = { items, word: mark.word };
    }
    // A bare list sentence ("Lessons, prices, reviews and booking.") needs no trigger word; there the trade may open it ("Bakery in Toronto, …").
    // A sentence whose list was a form's fields is no list of sections.
    const bare = formFields ? [] : readItems(sentence, exclude, trades, formHeading);
    // The owners and the trade it dropped still count towards "this sentence is a list".
    if (!best && bare.length >= 2 && splitItems(sentence).length >= 3 && (sentence.match(/,/g) ?? []).length >= 2) best = { items: bare, word: ":" };
    if (!best) continue;
    // A list after a colon or "offering" that names no known section or form is what the business does.
    if (OFFER_TRIGGER.test(best.word.trim()) && best.items.every((i) => !i.form && layoutForPhrase(i.heading) === "cards")) {
      offers.push(...best.items.map((i) => i.heading));
      continue;
    }
    if (best.items.length >= 3 || /^(?:sections?|pages?)\s*:/i.test(best.word) || (best.word === ":" && best.items.length >= 2)) exhaustive = true;
    for (const item of best.items) {
      if (!result.some((r) => r.heading.toLowerCase() === item.heading.toLowerCase())) result.push(item);
    }
  }
  return { items: result.slice(0, 10), exhaustive, offers: offers.slice(0, 8), fields };
}
