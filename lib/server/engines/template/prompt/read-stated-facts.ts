/**
 * The facts a prompt states outright: opening hours, prices, and the address, phone, e-mail and
 * hero line it gives (read as the copy edits are, in every page language). The page shows these
 * instead of stock hours, made-up tiers and an invented e-mail. They leave the text the other
 * readers see, so "Basic $49" names no business "Basic" and "open Mon–Sat" adds no section.
 */

import { parseCopyEdits, slotWords } from "./read-copy-edits";
import { WORD_START as B, alternation as alt } from "../word-pattern";
import type { StatedFacts } from "../site-spec";
import { readHours, withoutClockTimes } from "./read-hours";
import { readPrices } from "./read-prices";
import { findMoney } from "../locale/stated-currency";

/** The text without the spans, and no list separator left dangling where they were. */
function cutSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = text;
  for (const [start, end] of [...spans].sort((a, b) => b[0] - a[0])) out = `${out.slice(0, start)} ${out.slice(end)}`;
  return out
    .replace(/\s*([:,;/])(?:\s*[,;/])+/g, "$1")
    .replace(/\s*[:,;/]\s*(?=[.!?]|$)/g, "")
    .replace(/\s+([.!?,;])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

const ASK = `(?:${alt([...slotWords("phone"), ...slotWords("email")])})`;
// "Call 0113 496 0000 or email hi@x.com" leaves "Call or email": words that asked for a value that went.
const DANGLING = new RegExp(`${B}(?:(?:our|my|the|your)\\s+)*${ASK}(?:\\s+(?:or|and|o|ou|oder|y|e|od)\\s+${ASK})*(?:\\s+(?:us|me|on|at|al|au|an|unter|em|no|a|is|to|es|est|ist|é|è|number))*\\s*:?\\s*(?=[,.;!?\\n)]|$)`, "giu");

/** The details a new page can hold: a price or an undo is an edit of a page that exists. */
const DETAILS = ["address", "phone", "email", "tagline", "hours"] as const;
type Detail = (typeof DETAILS)[number];

/**
 * The facts, the text the other readers see, and the text the language is read from: the prompt
 * without its clock times and amounts ("9am" holds a German "am"), while the words around them,
 * "aperta dal martedì", "Reparatur ab", are the user's language.
 */
export function readStatedFacts(prompt: string): { facts: StatedFacts; rest: string; words: string } {
  const hours = readHours(prompt);
  const withoutHours = cutSpans(prompt, hours.spans);
  const prices = readPrices(withoutHours);
  const withoutPrices = cutSpans(withoutHours, prices.spans);
  const details = parseCopyEdits(withoutPrices);
  const value = (type: Detail) =>
    details.intents.flatMap((i) => (i.type === type && "text" in i ? [i.text] : []))[0] ?? null;
  const statedHours = value("hours");
  const kept = details.intents.some((i) => (DETAILS as readonly string[]).includes(i.type));
  const facts: StatedFacts = {
    hours: hours.rows.length || !statedHours ? hours.rows : [{ days: "", time: statedHours, text: statedHours }],
    prices: prices.prices,
    address: value("address"),
    phone: value("phone"),
    email: value("email"),
    tagline: value("tagline"),
  };
  const words = withoutClockTimes(cutSpans(prompt, findMoney(prompt).map((m) => [m.start, m.end] as const)));
  const rest = !kept ? withoutPrices : cutSpans(facts.phone || facts.email ? details.rest.replace(DANGLING, " ") : details.rest, []);
  return { facts, rest, words };
}
