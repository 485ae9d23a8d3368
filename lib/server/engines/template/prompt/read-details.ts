/**
 * The date a prompt mentions, so the page shows it instead of a placeholder (people: read-english.ts).
 * Month names come from Intl in every page language: "12 June 2027", "June 12", "12 de junio de 2027",
 * "12. Juni 2027", "3–5 juin".
 */

import { PAGE_LANGUAGES, type PageLanguage } from "../locale/read-language";

type Style = "long" | "short";
/** What Intl calls the weekday or month of each date, per page language and style: lower case, no final dot. */
export function calendarNames(unit: "weekday" | "month", dates: number[], styles: (lang: PageLanguage) => Style[]) {
  return PAGE_LANGUAGES.flatMap((lang) =>
    styles(lang).flatMap((style) => {
      const format = new Intl.DateTimeFormat(lang, { [unit]: style, timeZone: "UTC" });
      return dates.map((date): [string, Style] => [format.format(date).toLowerCase().replace(/\.$/, ""), style]);
    }),
  );
}

const MONTH_DATES = Array.from({ length: 12 }, (_, m) => Date.UTC(2024, m, 15));
// Short names only in English: elsewhere they are words too ("set", "out", "mag").
const monthStyles = (lang: PageLanguage): Style[] => (lang === "en" ? ["long", "short"] : ["long"]);
const MONTH_NAMES = calendarNames("month", MONTH_DATES, monthStyles).map(([name]) => name);
// Longest first, so "june" is not read as "jun".
const MONTHS = [...new Set([...MONTH_NAMES, "sept"])].sort((a, b) => b.length - a.length).join("|");
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th|\.|er|º)?`;
const DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${DAY}(?:\\s*[-–]\\s*${DAY})?\\s+(?:de\\s+)?(?:${MONTHS})\\.?(?:\\s+(?:de\\s+)?\\d{4})?|(?:${MONTHS})\\.?\\s+${DAY}(?:\\s*[-–]\\s*\\d{1,2})?(?:,?\\s+\\d{4})?)(?![\\p{L}\\p{N}])`,
  "iu",
);

export function readDate(text: string): string | null {
  return DATE.exec(text)?.[1]?.replace(/\s+/g, " ").trim() ?? null;
}
