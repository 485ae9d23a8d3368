/**
 * English grammar from the compromise NLP library, where hand-written patterns used to guess:
 * the singular of a plural noun ("bakeries", "classes", "boxes" — not just a dropped "s") and the
 * peoples and nations it names ("Peruvian", "Welsh") and the people a prompt names ("chef Marta Silva", "hosted by Ana Reyes", "keynote by Dr. Jane Goodall").
 */

import nlp from "compromise";
import { escapeRegExp } from "../word-pattern";

interface World {
  model: { one: { lexicon: Record<string, string | undefined> } };
  methods: { two: { transform: { noun: { toSingular: (word: string, model: object) => string } } } };
}
// The inflector itself, as compromise's plugins reach it: a whole parse per word would cost ~1 ms,
// and the trade reader looks words up hundreds of times per prompt.
const WORLD = nlp.world() as World;

/** "bakeries" → "bakery", "classes" → "class"; a word that is not an English plural may come back mangled ("gas" → "ga"), so callers look the word itself up first. */
export function singularOf(word: string): string {
  return WORLD.methods.two.transform.noun.toSingular(word, WORLD.model);
}

/** Full names of people the prompt mentions (two words or more, titles dropped); never the site's name. */
export function readPeople(text: string, siteName: string | null): string[] {
  const names = nlp(text.slice(0, 2000)).people().not("#Honorific").out("array") as string[];
  const people: string[] = [];
  for (const raw of names) {
    const person = raw.replace(/[^\p{L}\p{M}'’.\s-]+/gu, "").trim();
    if (person.split(/\s+/).length < 2 || person === siteName || siteName?.includes(person) || people.includes(person)) continue;
    // "Sofia and Marco Bellini": the first name before "and" shares the surname.
    const surname = person.split(/\s+/).at(-1) ?? "";
    // Not when that word is itself a surname: "Kate Hill and Tom Reed" are no Hill Reed.
    const partner = new RegExp(`(?<!\\p{Lu}[\\p{L}'’-]*\\s)(\\p{Lu}\\p{Ll}+)\\s+(?:and|&|y|et|und|e)\\s+${escapeRegExp(person)}`, "u").exec(text)?.[1];
    if (partner && !people.includes(`${partner} ${surname}`)) people.push(`${partner} ${surname}`);
    people.push(person);
  }
  return people.slice(0, 3);
}

/**
 * What the prompt calls a person it names: "our dentists Dr. Amira Khan and Dr. Tom Reed" → "Dentist",
 * "chef Marta Silva" → "Chef". Null when it names no role ("run by Tom Hale", "with Ana").
 */
export function readRole(text: string, person: string): string | null {
  const at = text.indexOf(person.split(/\s+/)[0] ?? person);
  if (at < 0) return null;
  // Back over titles, other names and "and" to the noun before them.
  const before = text.slice(Math.max(0, at - 80), at).replace(/(?:(?:\b(?:and|&)\b|,|\b(?:Dr|Dra|Mr|Mrs|Ms|Prof)\.?|\p{Lu}[\p{L}'’-]+)\s*)+$/u, "").trim();
  const noun = /(?:^|\s)(\p{Ll}[\p{L}-]{2,})$/u.exec(before)?.[1];
  if (!noun || !nlp(noun).has("#Noun") || nlp(noun).has("#Preposition") || nlp(noun).has("#Verb")) return null;
  const role = singularOf(noun);
  return role.charAt(0).toUpperCase() + role.slice(1);
}

/** Languages' names in English ("polish", "thai"), from Intl: as cuisines and nationalities they describe, never name. */
function languageNames(): string[] {
  const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b));
  return codes.flatMap((code) => names.of(code)?.toLowerCase() ?? []).filter((name) => /^\p{L}+$/u.test(name));
}
export const LANGUAGE_NAMES: readonly string[] = languageNames();
const NATIONS = new Set(LANGUAGE_NAMES);

/** "Peruvian", "Moroccan", "Spanish": a people's word (compromise's demonyms, or a language's name). */
export function isNationality(word: string): boolean {
  const lower = word.toLowerCase();
  return NATIONS.has(lower) || WORLD.model.one.lexicon[lower] === "Demonym";
}

/** "dental clinic": the word describes the noun after it (an adjective); in "tree surgeon" it is a noun of its own. */
export function isDescribingWord(phrase: string, word: string): boolean {
  return nlp(phrase).match(word).has("#Adjective");
}

/** "grooming", "catering", "music": a gerund or a mass noun, which takes no "a". */
export function isMassNoun(word: string): boolean {
  return nlp(word).has("(#Gerund|#Uncountable)");
}
