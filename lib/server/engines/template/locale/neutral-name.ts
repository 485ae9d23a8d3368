/**
 * A name for a business the prompt did not name: its own trade and place in the page's language
 * ("Leeds Dentist", "Panadería Sevilla"), never another trade's brand.
 */

import { fillSlots, getLocale } from "./locales";
import type { PageLanguage } from "./read-language";

function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{Ll})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
}

export function neutralName({ lang, trade, place }: { lang: PageLanguage; trade: string | null; place: string | null }): string {
  const templates = getLocale(lang).nameTemplate;
  const label = trade ? titleCase(trade.replace(/\s*\/.*$/, "").trim()).slice(0, 40) : null;
  if (!label) return place ?? titleCase(getLocale(lang).copy.business);
  return fillSlots(place ? templates.withPlace : templates.alone, { Trade: label, place: place ?? "" }).trim();
}
