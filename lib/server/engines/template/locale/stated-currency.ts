/** The currency a prompt names outright, if any; it beats the one of the prompt's place. */

import sectionWords from "../data/section-words.json";

const CURRENCY_CODES = new Set(Intl.supportedValuesOf("currency"));

/** "AED", "CHF": an ISO 4217 code Intl knows. */
export function isCurrencyCode(word: string): boolean {
  return CURRENCY_CODES.has(word);
}
const narrowSymbol = (code: string) => new Intl.NumberFormat("en", { style: "currency", currency: code, currencyDisplay: "narrowSymbol" }).formatToParts(0).find((p) => p.type === "currency")?.value ?? code;

/**
 * The currency a prompt names: an ISO code by an amount ("AED 300", "120 CHF"), or a symbol or word
 * ("£", "euros"). A "$" or "dollars" in Toronto is the Canadian dollar: a symbol the place's own
 * currency shares means the place's currency.
 */
export function statedCurrency(text: string, placeCurrency: string): string | null {
  const code = /(?<![\p{L}])([A-Z]{3})\s?\d|\d\s?([A-Z]{3})(?![\p{L}])/u.exec(text);
  const iso = code?.[1] ?? code?.[2];
  if (iso && isCurrencyCode(iso)) return iso;
  const named = Object.entries(sectionWords.currencies).find(([, source]) => new RegExp(source, "i").test(text))?.[0] ?? null;
  return named && narrowSymbol(named) === narrowSymbol(placeCurrency) ? placeCurrency : named;
}
