/** Dates and people a prompt mentions, so the page shows them instead of placeholders. */

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const DATE = new RegExp(
  `\\b(\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:${MONTHS})(?:\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?(?:,?\\s+\\d{4})?)\\b`,
  "i",
);
const ROLE_NAME =
  /\b(?:chef|owner|founder|host|hosted\s+by|run\s+by|led\s+by|by|with|instructor|teacher|coach|dr\.?|doctor|photographer|keynote\s+by|speaker)\s+((?:[\p{Lu}][\p{Ll}'’-]+)(?:\s+[\p{Lu}][\p{Ll}'’-]+){1,2})/gu;

export function readDate(text: string): string | null {
  const match = DATE.exec(text);
  return match?.[1]?.replace(/\s+/g, " ").trim() ?? null;
}

/** Full names introduced by a role ("chef Marta Silva", "hosted by Ana Reyes"); never the site name. */
export function readPeople(text: string, siteName: string | null): string[] {
  const people: string[] = [];
  for (const match of text.slice(0, 2000).matchAll(ROLE_NAME)) {
    const person = match[1]?.trim() ?? "";
    if (person && person !== siteName && !people.includes(person)) people.push(person);
  }
  return people.slice(0, 3);
}
