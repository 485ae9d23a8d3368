/**
 * The kind of business a prompt describes, from the OpenStreetMap iD presets (names, aliases and
 * search terms in six languages; extracted by scripts/template-data into business-kinds.json).
 * "clínica dental", "Kletterhalle", "plumber" each find their preset, its names in every language
 * and the engine's site kind that lays such a business out.
 */

import data from "../data/business-kinds.json";
import vague from "../data/vague-terms.json";
import type { SiteKind } from "../site-spec";
import { getLocale } from "./locales";
import type { PageLanguage } from "./read-language";

interface BusinessKind {
  id: string;
  kind: string;
  cuisine?: string;
  names: Partial<Record<PageLanguage, string>>;
  terms: Partial<Record<PageLanguage, string[]>>;
}

export interface BusinessReading {
  /** OSM preset id, e.g. "amenity/dentist". */
  id: string;
  kind: SiteKind;
  cuisine: string | null;
  /** The preset's name in the page's language ("Dentista"), else English. */
  label: string;
  /** The words of the prompt that named it ("dental clinic"). */
  matched: string;
  /** How strongly the prompt named it: a preset's name counts double a search term, a phrase more than a word. */
  strength: number;
}

const KINDS = data.kinds as BusinessKind[];
const VAGUE = new Set(vague.words);

type Entry = { kind: BusinessKind; weight: number };
const INDEX = new Map<string, Map<PageLanguage, Entry>>();

function add(term: string, lang: PageLanguage, kind: BusinessKind, weight: number): void {
  const key = term.toLowerCase().replace(/\s*\/.*$/, "").trim();
  if (key.length < 3 || VAGUE.has(key)) return;
  const byLang = INDEX.get(key) ?? new Map<PageLanguage, Entry>();
  const prior = byLang.get(lang);
  if (!prior || prior.weight < weight) byLang.set(lang, { kind, weight });
  INDEX.set(key, byLang);
}

for (const kind of KINDS) {
  for (const [lang, name] of Object.entries(kind.names) as Array<[PageLanguage, string]>) add(name, lang, kind, 3);
  for (const [lang, terms] of Object.entries(kind.terms) as Array<[PageLanguage, string[]]>) for (const term of terms) add(term, lang, kind, 1.5);
}

function words(text: string): string[] {
  // French and Italian elide articles ("d'ostéopathie", "l'enoteca"): the noun is the word after the apostrophe.
  return text.toLowerCase().replace(/(?<=\b[dlcjmnst])['’](?=\p{L})/gu, " ").match(/[\p{L}\p{N}'’-]+/gu) ?? [];
}

/** The best preset named in the prompt (longer phrases and names beat single search terms). */
export function readBusiness(prompt: string, lang: PageLanguage): BusinessReading | null {
  const tokens = words(prompt.slice(0, 1500));
  let best: { entry: Entry; score: number; phrase: string; at: number } | null = null;
  for (let at = 0; at < tokens.length; at += 1) {
    for (let size = 4; size >= 1; size -= 1) {
      const phrase = tokens.slice(at, at + size).join(" ");
      const byLang = INDEX.get(phrase) ?? INDEX.get(phrase.replace(/s$/, ""));
      const entry = byLang?.get(lang) ?? byLang?.get("en");
      if (!entry) continue;
      // Earlier words weigh a little more: "a bakery that also sells coffee" is a bakery.
      const score = entry.weight * size - at * 0.01;
      if (!best || score > best.score) best = { entry, score, phrase, at };
    }
  }
  if (!best) return null;
  const kind = best.entry.kind;
  // "clínica dental", "cabinet d'ostéopathie": in these languages the words after the noun belong to the trade.
  const small = new Set(getLocale(lang).functionWords);
  const after = lang === "en" ? [] : tokens.slice(best.at + best.phrase.split(" ").length).slice(0, 2);
  const tail = after[0] && !small.has(after[0]) ? [after[0]] : after[0] === "de" && after[1] ? [after[0], after[1]] : [];
  return {
    id: kind.id,
    kind: kind.kind as SiteKind,
    cuisine: kind.cuisine ?? null,
    label: (kind.names[lang] ?? kind.names.en ?? best.phrase).replace(/\s*\/.*$/, ""),
    matched: [best.phrase, ...tail].join(" "),
    strength: best.entry.weight * best.phrase.split(" ").length,
  };
}

/** The preset's name in a language, for a site edited later (its id is on the page). */
export function businessLabel(id: string, lang: PageLanguage): string | null {
  const kind = KINDS.find((k) => k.id === id);
  return kind ? (kind.names[lang] ?? kind.names.en ?? null) : null;
}
