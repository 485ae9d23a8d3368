/**
 * The language a prompt is written in (franc, trigram statistics), for the page's own language.
 * The engine writes en/es/fr/de/pt/it; a prompt in another language gets an English page, and the
 * reading says so, so the summary can tell the user.
 */

import { franc, francAll } from "franc-min";
import { getLocale } from "./locales";

export const PAGE_LANGUAGES = ["en", "es", "fr", "de", "pt", "it"] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

const ISO3: Record<string, PageLanguage> = { eng: "en", spa: "es", fra: "fr", deu: "de", por: "pt", ita: "it" };
const ONLY = Object.keys(ISO3);

export interface LanguageReading {
  lang: PageLanguage;
  /** ISO 639-3 code of a language the engine does not write (the page falls back to English). */
  other: string | null;
  /** Page languages the prompt reads as nearly as well ("de tacos en" is Spanish or French). */
  close?: PageLanguage[];
}

/** Each page language's small words in the text; `shared` words count only for English. */
function countFunctionWords(text: string, shared: ReadonlySet<string> = new Set()): Record<PageLanguage, number> {
  // "İstanbul'da" holds no Portuguese "da": a word joined by an apostrophe is not one of the small words.
  const words = text.toLowerCase().match(/[\p{L}\p{M}'’]+/gu) ?? [];
  const hits = PAGE_LANGUAGES.map((lang) => {
    const own = new Set(getLocale(lang).functionWords);
    return [lang, words.filter((w) => own.has(w) && (lang === "en" || !shared.has(w))).length];
  });
  return Object.fromEntries(hits) as Record<PageLanguage, number>;
}

/** Reads the prompt's language; quoted names and short prompts lean to English when unsure. */
export function readLanguage(prompt: string): LanguageReading {
  const text = prompt.replace(/["“”«»„][^"“”«»„]*["“”«»„]/g, " ").slice(0, 1200);
  const ranked = francAll(text, { only: ONLY, minLength: 3 });
  const all = francAll(text, { minLength: 10 });
  const full = all[0]?.[0] ?? "und";
  const hits = countFunctionWords(text);
  const english = hits.en;
  const nonLatin = /[^\p{Script=Latin}\p{N}\p{P}\p{S}\s]/u.test(text);
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  // Dutch shares "in" and "Website" with German: a language the engine does not write, that the
  // trigrams put well ahead of every page language, is that language, not the nearest one.
  const nearestPage = all.find(([code]) => ISO3[code])?.[1] ?? 0;
  const strongPage = PAGE_LANGUAGES.some((lang) => lang !== "en" && hits[lang] >= 3);
  if (!ISO3[full] && full !== "und" && nearestPage < 0.85 && english <= 1 && wordCount >= 6 && !strongPage) return { lang: "en", other: full };
  // Trigrams mislead on short prompts ("tattoo studio in Berlin" reads as Italian): the pick must
  // also use more of its own small words ("una", "für", "avec") than English ones.
  // Short Italian often reads as Spanish first: every page language the trigrams put near the top is tried, best first.
  const top = ranked[0]?.[1] ?? 0;
  const tried = [ISO3[full], ...ranked.filter(([, s]) => s >= top - 0.1).map(([code]) => ISO3[code])].filter((l): l is PageLanguage => Boolean(l) && l !== "en");
  const most = Math.max(0, ...tried.map((lang) => hits[lang]));
  const pick = tried.find((lang, i) => hits[lang] > english && (i === 0 || hits[lang] >= 2) && hits[lang] >= most);
  if (pick) {
    const score = ranked.find(([code]) => ISO3[code] === pick)?.[1] ?? 1;
    const close = ranked.flatMap(([code, s]) => {
      const lang = ISO3[code];
      return lang && lang !== pick && lang !== "en" && s >= score - 0.1 && hits[lang] >= hits[pick] ? [lang] : [];
    });
    return { lang: pick, other: null, ...(close.length ? { close } : {}) };
  }
  // "Personal chef in Miami offering meal prep" reads as Romanian first and English a close second: English.
  if (!ISO3[full] && full !== "und" && english <= 1 && (nonLatin || (wordCount >= 6 && nearestPage < 0.85))) return { lang: "en", other: full };
  return { lang: "en", other: null };
}

/**
 * A short prompt gives trigrams too little to go on ("Friseursalon Haarmonie in München" reads as
 * English): an English reading is weighed again with the other evidence the prompt carries: the
 * language of the trade word it names, the languages of the place's country, the language's own
 * letters (ß, ñ, ç, ã) and small words. English stays unless another language clearly wins.
 */
export function reweighLanguage(prompt: string, first: LanguageReading, evidence: { trade: readonly string[]; place: readonly string[] }): LanguageReading {
  if (first.close?.length) return checkAgainstPlace(prompt, pickAmongClose(first, evidence), evidence);
  if (first.lang !== "en") return checkAgainstPlace(prompt, first, evidence);
  // "Fahrradwerkstatt in Köln" reads as Swedish to the trigrams: a language the engine does not write
  // is weighed too, and gives way only to a page language the trade, place and letters all point to.
  const text = prompt.replace(/["“”«»„][^"“”«»„]*["“”«»„]/g, " ").slice(0, 1200);
  // "A pizza place in Rome": a small word English shares ("in") is no evidence for Italian.
  const hits = countFunctionWords(text, new Set(getLocale("en").functionWords));
  const pick = ISO3[franc(text, { minLength: 3, only: ONLY })];
  const english = hits.en + (evidence.trade.includes("en") ? 2 : 0);
  let best: { lang: PageLanguage; score: number } = { lang: "en", score: english };
  // "SEO consultant in Leeds", "Pizzeria in London": a trade word another language shares, in a place that
  // speaks English and with none of that language's small words, is English.
  const englishPlace = (lang: PageLanguage) => evidence.place.includes("en") && !evidence.place.includes(lang) && hits[lang] === 0;
  for (const lang of PAGE_LANGUAGES.filter((l) => l !== "en" && !englishPlace(l))) {
    const letters = getLocale(lang).letters;
    const score = hits[lang] + (evidence.trade.includes(lang) && !evidence.trade.includes("en") ? 2 : 0) +
      (evidence.place.includes(lang) ? 1 : 0) + (letters && new RegExp(letters, "iu").test(text) ? 1 : 0) + (pick === lang ? 1 : 0);
    if (score >= 3 && score > best.score) best = { lang, score };
  }
  // "Mobile bike repair van serving Leeds" reads as Dutch: a trade named in English, in a place that speaks it, is English.
  const englishAround = evidence.trade.includes("en") && evidence.place.includes("en");
  return best.lang === "en" && first.other && !englishAround ? first : { lang: best.lang, other: null };
}

/**
 * "Estudio de tatuajes en Buenos Aires" reads as Portuguese to the trigrams, "Fahrradwerkstatt in
 * Zürich" as Italian: a page language the place's country speaks, or the trade's words are in,
 * takes over when its small words, trade and place weigh more than the trigrams' pick.
 */
function checkAgainstPlace(prompt: string, first: LanguageReading, evidence: { trade: readonly string[]; place: readonly string[] }): LanguageReading {
  const hits = countFunctionWords(prompt.slice(0, 1200));
  const weigh = (lang: PageLanguage) => hits[lang] + (evidence.trade.includes(lang) ? 2 : 0) + (evidence.place.includes(lang) ? 1 : 0);
  const others = PAGE_LANGUAGES.filter((l) => l !== "en" && l !== first.lang && (evidence.place.includes(l) || evidence.trade.includes(l)));
  const best = others.reduce<PageLanguage>((top, lang) => (weigh(lang) > weigh(top) ? lang : top), first.lang);
  return best !== first.lang && weigh(best) > weigh(first.lang) + 1 ? { lang: best, other: null } : first;
}

/** Between languages that read alike ("Food truck de tacos en Monterrey"), the place's language decides. */
function pickAmongClose(first: LanguageReading, evidence: { trade: readonly string[]; place: readonly string[] }): LanguageReading {
  const weigh = (lang: PageLanguage) => (evidence.place.includes(lang) ? 2 : 0) + (evidence.trade.includes(lang) ? 1 : 0);
  const best = (first.close ?? []).reduce((top, lang) => (weigh(lang) > weigh(top) ? lang : top), first.lang);
  return { lang: best, other: null };
}
