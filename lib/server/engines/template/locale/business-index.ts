/**
 * The words that name each kind of business: the OpenStreetMap iD presets' names and search terms
 * (business-kinds.json) and the engine's own trade aliases, each word with the presets it names in
 * each language and how strongly it names them.
 */

import data from "../data/business-kinds.json";
import aliases from "../data/trade-aliases.json";
import vague from "../data/vague-terms.json";
import type { PageLanguage } from "./read-language";

interface BusinessKind {
  id: string;
  kind: string;
  cuisine?: string;
  names: Partial<Record<PageLanguage, string>>;
  terms: Partial<Record<PageLanguage, string[]>>;
  /** Search terms in languages the engine reads but does not write ("fietsenwinkel": nl). */
  other?: Record<string, string[]>;
}

const KINDS = data.kinds as BusinessKind[];
export const VAGUE = new Set(vague.words);

/** kind null: the phrase names a trade no preset fits ("piano teacher"): none is taken for it. */
export type Entry = { kind: BusinessKind | null; weight: number; label?: string };
/** Keyed by the page languages and the read-only ones ("nl"); only page languages are evidence for the page's language. */
export const INDEX = new Map<string, Map<string, Entry>>();
export const READ_ONLY = data.readOnly as Record<string, string>;

function add(term: string, lang: string, entry: Entry): void {
  const key = term.toLowerCase().replace(/\s*\/.*$/, "").trim();
  if (key.length < 3 || VAGUE.has(key)) return;
  const byLang = INDEX.get(key) ?? new Map<string, Entry>();
  const prior = byLang.get(lang);
  if (!prior || prior.weight < entry.weight) byLang.set(lang, entry);
  INDEX.set(key, byLang);
}

const NAME_HEADS = aliases.nameHeads as Partial<Record<PageLanguage, string[]>>;
for (const kind of KINDS) {
  for (const [lang, name] of Object.entries(kind.names) as Array<[PageLanguage, string]>) {
    add(name, lang, { kind, weight: 3 });
    // "Accountant Office", "Tattoo Parlor": people name the trade without the preset's head noun.
    const words = name.toLowerCase().split(/\s+/);
    if (words.length > 1 && NAME_HEADS[lang]?.includes(words.at(-1) ?? "")) add(words.slice(0, -1).join(" "), lang, { kind, weight: 2.5 });
  }
  for (const [lang, terms] of Object.entries(kind.terms) as Array<[PageLanguage, string[]]>) for (const term of terms) add(term, lang, { kind, weight: 1.5 });
  for (const [lang, terms] of Object.entries(kind.other ?? {})) for (const term of terms) add(term, lang, { kind, weight: 1.5 });
}
export const BY_ID = new Map(KINDS.map((k) => [k.id, k]));
for (const [lang, list] of Object.entries(aliases.aliases) as Array<[PageLanguage, Array<{ phrase: string; id: string | null; label?: string }>]>) {
  for (const alias of list) {
    const kind = alias.id === null ? null : BY_ID.get(alias.id);
    if (kind === undefined) throw new Error(`trade-aliases.json: no preset ${alias.id}`);
    add(alias.phrase, lang, { kind, weight: aliases.weight, ...(alias.label ? { label: alias.label } : {}) });
  }
}
