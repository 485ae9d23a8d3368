/** The currency a prompt names outright, if any; it beats the one of the prompt's place. */

import sectionWords from "../data/section-words.json";
import factWords from "../data/fact-words.json";
import { alternation } from "../word-pattern";

const CURRENCY_CODES = new Set(Intl.supportedValuesOf("currency"));

/** "AED", "CHF": an ISO 4217 code Intl knows. */
export const isCurrencyCode = (word: string) => CURRENCY_CODES.has(word);

/** How a locale writes a currency on its own ("$", "CHF", "€"); throws for a locale or code Intl rejects. */
export function symbolOf(code: string, currencyDisplay: "narrowSymbol" | "symbol", locale = "en"): string | undefined {
  const parts = new Intl.NumberFormat(locale, { style: "currency", currency: code, currencyDisplay }).formatToParts(0);
  return parts.find((p) => p.type === "currency")?.value;
}
const narrowSymbol = (code: string) => symbolOf(code, "narrowSymbol") ?? code;

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

/**
 * Every symbol Intl writes for a currency, "$" to "R$", "CHF" and "zł" (matched case-sensitively:
 * "ft" is no forint). A lone letter ("K", "Q", "P") or "KM" is too often something else ("K9 dog
 * training", "Q4", "10 KM"); only the rand's "R" counts, before three digits or more ("R450", not "Skyline R34").
 */
function currencySymbols(): string[] {
  const symbols = [...CURRENCY_CODES].flatMap((code) => [symbolOf(code, "narrowSymbol"), symbolOf(code, "symbol")]);
  const usable = symbols.filter((s): s is string => !!s && s.length <= 4 && !/^\p{L}$/u.test(s) && s !== "KM");
  // An ISO code is written as a symbol too ("20 USD", "EUR 45"), and "US$" by other locales.
  return [...new Set(usable), ...CURRENCY_CODES, "US$", "S/"];
}

const AMOUNT = String.raw`\d{1,3}(?:[,.\u00a0\u202f']\d{3})+(?:[.,]\d{1,2})?|\d{1,7}(?:[.,]\d{1,2})?`;
const SYMBOL = `${alternation(currencySymbols())}|R(?=\\s?\\d{3})`;
const RANGE_END = String.raw`(?:\s?[-–]\s?(?:${SYMBOL})?\s?(?:${AMOUNT}))?`;
// "£10pp": a per-person mark may follow the amount at once.
const BY_SYMBOL = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:(?:${SYMBOL})\s?(${AMOUNT})${RANGE_END}|(${AMOUNT})${RANGE_END}\s?(?:${SYMBOL}))(?![\p{N}])(?!(?!(?:pp|pax)(?![\p{L}]))\p{L})`, "gu");
const BY_WORD = new RegExp(String.raw`(?<![\p{L}\p{N}])(${AMOUNT})${RANGE_END}\s?(?:${alternation(factWords.prices.currencyWords)})(?![\p{L}])`, "giu");

/** "1,800" and "1.800" are thousands; "5,50", "5.50" and "1.200,50" have cents. */
export function amountOf(text: string): number {
  const digits = text.replace(/[^\d.,\s]/g, "").trim();
  if (/^\d{1,3}(?:[,.\s]\d{3})+$/.test(digits)) return Number(digits.replace(/[,.\s]/g, ""));
  const cents = /[.,](\d{1,2})$/.exec(digits);
  const whole = (cents ? digits.slice(0, cents.index) : digits).replace(/\D/g, "");
  return Number(cents ? `${whole}.${cents[1]}` : whole);
}

export interface MoneyMention {
  start: number;
  end: number;
  amount: number;
  /** "£25–30": a range, shown as its lower end ("from £25"). */
  range: boolean;
}

/** Every amount of money the text writes ("£25", "12,50 €", "R$ 80", "AED 300", "30 dollars"), in order. */
export function findMoney(text: string): MoneyMention[] {
  const found: MoneyMention[] = [];
  for (const m of [...text.matchAll(BY_SYMBOL), ...text.matchAll(BY_WORD)]) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const amount = amountOf(m[1] ?? m[2] ?? "");
    if (!Number.isFinite(amount) || found.some((f) => f.start < end && start < f.end)) continue;
    found.push({ start, end, amount, range: /\d\s?[-–]\s?\D{0,4}\d/.test(m[0]) });
  }
  return found.sort((a, b) => a.start - b.start);
}
