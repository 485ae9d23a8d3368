/** The date a prompt mentions, so the page shows it instead of a placeholder (people: read-english.ts). */

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const DATE = new RegExp(
  `\\b(\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:${MONTHS})(?:\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?(?:,?\\s+\\d{4})?)\\b`,
  "i",
);
export function readDate(text: string): string | null {
  const match = DATE.exec(text);
  return match?.[1]?.replace(/\s+/g, " ").trim() ?? null;
}
