/**
 * A name for a business the prompt did not name: its own trade and place in the page's language
 * ("Leeds Dentist", "Panadería Sevilla"), never another trade's brand.
 */

import { fillSlots, getLocale } from "./locales";
import type { PageLanguage } from "./read-language";
import { capitalise } from "../content/apply-domain";

/** "Escola de Surf", "Food Truck de Tacos": the language's small words stay lower case inside a name. */
function titleCase(text: string, lang: PageLanguage): string {
  const small = new Set(getLocale(lang).functionWords);
  return text.replace(/(^|[\s-])(\p{Ll}[\p{L}'’]*)/gu, (whole, space: string, word: string) => {
    if (space && small.has(word)) return whole;
    // "d'ostéopathie" → "d'Ostéopathie": the elided article stays small, the noun is capitalised.
    const elided = space ? (/^[dl]['’](?=\p{L})/u.exec(word)?.[0] ?? "") : "";
    return space + elided + capitalise(word.slice(elided.length));
  });
}

export function neutralName({ lang, trade, place }: { lang: PageLanguage; trade: string | null; place: string | null }): string {
  const templates = getLocale(lang).nameTemplate;
  // With no trade known, the neutral noun: a page named only "Utrecht" reads as the town's own site.
  const label = titleCase((trade ?? getLocale(lang).copy.business).replace(/\s*\/.*$/, "").trim(), lang).slice(0, 40);
  const name = fillSlots(place ? templates.withPlace : templates.alone, { Trade: label, place: place ?? "" }).trim();
  // French elides "de" before a vowel: "Fromagerie d'Annecy".
  return lang === "fr" ? name.replace(/(?<![\p{L}])de (?=[AEIOUYÀÂÉÈÊÎÔÛH])/gu, "d'") : name;
}
