/**
 * The trade in the user's own words: the noun phrase a prompt opens with, before its place
 * ("Pest control in Brisbane", "a sign language interpreter in Cape Town").
 */

import tradeAliases from "../data/trade-aliases.json";
import nameWords from "../data/name-words.json";
import { isNationality } from "./read-english";

const TRADE_PHRASE = new RegExp(`(?:^|(?<![\\p{L}])(?:${tradeAliases.tradeWord.articles})\\s+)((?:[\\p{L}'’-]{2,}\\s+){0,2}\\p{L}{4,})\\s+(?:${tradeAliases.tradeWord.prepositions})\\s+(?:the\\s+)?\\p{Lu}`, "iu");
const ARTICLE_WORDS = new Set(tradeAliases.tradeWord.articles.split("|"));
const SITE_WORDS = new Set(nameWords.baseGeneric);
const LEAD_IN = new Set(tradeAliases.tradeWord.leadIn);
// Words that lead up to the trade and are never part of it: "a small winery", "a family of pharmacies".
const isLead = (word: string) => ARTICLE_WORDS.has(word) || SITE_WORDS.has(word) || LEAD_IN.has(word);
/**
 * "Pest control in Brisbane", "a sign language interpreter in Cape Town": the user's words for the
 * trade, before the place. Capitalised words after the first are a name ("trattoria Nonna Rosa in
 * Naples"), so then there is no phrase (German capitalises every noun, so there any is fine).
 */
export function readTradePhrase(prompt: string, lang: string): string | null {
  const match = TRADE_PHRASE.exec(prompt);
  // Only the prompt's opening words name the trade ("A website for a tree surgeon in…"), not "…on the beach in Brighton".
  const leadIn = prompt.slice(0, match?.index ?? 0).toLowerCase().split(/[^\p{L}'’]+/u).filter(Boolean);
  if (!match || leadIn.some((w) => !isLead(w))) return null;
  const words = (match[1] ?? "").split(/\s+/).filter(Boolean);
  while (words.length > 1 && isLead((words[0] ?? "").toLowerCase())) words.shift();
  if (!words.length || (lang !== "de" && words.slice(1).some((w) => /^\p{Lu}/u.test(w) && !isNationality(w)))) return null;
  if (SITE_WORDS.has((words.at(-1) ?? "").toLowerCase())) return null;
  // "my bike courier business": the business is the courier.
  if (words.length > 1 && /^business(?:es)?$/i.test(words.at(-1) ?? "")) words.pop();
  return words.map((w, i) => (i === 0 && isNationality(w)) || lang === "de" ? w : w.toLowerCase()).join(" ");
}
