/**
 * The date a prompt mentions, so the page shows it instead of a placeholder (people: read-english.ts).
 * Month names come from Intl in every page language: "12 June 2027", "June 12", "12 de junio de 2027",
 * "12. Juni 2027", "3–5 juin".
 */

import { PAGE_LANGUAGES } from "../locale/read-language";

function monthNames(): string[] {
  const names = new Set<string>();
  for (const lang of PAGE_LANGUAGES) {
    // Short names only in English: elsewhere they are words too ("set", "out", "mag").
    for (const month of lang === "en" ? (["long", "short"] as const) : (["long"] as const)) {
      const format = new Intl.DateTimeFormat(lang, { month, timeZone: "UTC" });
      for (let m = 0; m < 12; m += 1) names.add(format.format(Date.UTC(2024, m, 15)).toLowerCase().replace(/\.$/, ""));
    }
  }
  names.add("sept");
  // Longest first, so "june" is not read as "jun".
  return [...names].sort((a, b) => b.length - a.length);
}

const MONTHS = monthNames().join("|");
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th|\.|er|º)?`;
const DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${DAY}(?:\\s*[-–]\\s*${DAY})?\\s+(?:de\\s+)?(?:${MONTHS})\\.?(?:\\s+(?:de\\s+)?\\d{4})?|(?:${MONTHS})\\.?\\s+${DAY}(?:\\s*[-–]\\s*\\d{1,2})?(?:,?\\s+\\d{4})?)(?![\\p{L}\\p{N}])`,
  "iu",
);

export function readDate(text: string): string | null {
  const match = DATE.exec(text);
  return match?.[1]?.replace(/\s+/g, " ").trim() ?? null;
}
