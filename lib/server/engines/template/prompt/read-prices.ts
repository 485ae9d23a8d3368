/**
 * Prices a prompt states ("haircut £25, beard trim £15", "packages Basic $49 / Full $149", "classes
 * from £12 per class", "Einzelstunde 45 €"): what each is for, in the user's words, the amount, and
 * what it is per. The page shows these instead of made-up tiers. Words around them: data/fact-words.json.
 */

import words from "../data/fact-words.json";
import { findMoney } from "../locale/stated-currency";
import { WORD_END as E, WORD_START as B, alternation as alt } from "../word-pattern";

export interface StatedPrice {
  /** "Haircut", "Basic"; null when the prompt names nothing ("from $99"): the page names the trade. */
  item: string | null;
  /** In the page's currency, as written (never rescaled). */
  amount: number;
  /** "from £12", or a range "£25–30". */
  from: boolean;
  /** "hour", "séance": the unit the price is per, as written. */
  per: string | null;
  /** True when the item is a service ("Haircut"); false for a package ("Basic") or a fee ("Call-out fee"). */
  service: boolean;
}

const P = words.prices;
// Where a priced item's words begin: a list separator, a sentence end or a spaced dash ("Bristol — full
// groom"), and a joining word only right after the price before ("haircut £25 and shave £15": not "bath & brush").
const BOUNDARY = new RegExp(`(?:[,;/|\\n!?]|[.:](?=\\s)|\\s[-–—]\\s)`, "gu");
const JOINED = new RegExp(`^\\s*(?:and|or|y|o|et|ou|und|oder|e|&|plus)${E}`, "iu");
const FROM = new RegExp(`${B}(?:${alt(P.from)})\\s*$`, "iu");
const CONNECTOR = new RegExp(`(?:(?:^|\\s+)(?:${alt(P.connectors)})|\\s*[:=(\\-–—])\\s*$`, "iu");
// A lead word ends at a space or colon: the "A" of "A-level" is no article.
const LEAD = new RegExp(`^\\s*(?:${alt([...P.leads, ...P.listNouns])})(?=[\\s:]|$)\\s*:?\\s*`, "iu");
const LIST_NOUN = new RegExp(`^(?:${alt(P.listNouns)})$`, "iu");

/** "Packages", "Tarifs": a heading that names a price list, where stated prices go. */
export const isPriceListHeading = (heading: string) => LIST_NOUN.test(heading.trim());
const PER = new RegExp(`^\\s*(?:(?:(?:${alt(Object.values(P.per).flat())})\\s*)(${alt(Object.values(P.units).flat())})|(${alt(P.bare)}))${E}\\.?`, "iu");
// "$10 tacos": with no item before it, a few words after the price name it.
const ITEM_AFTER = new RegExp(`^\\s+(\\p{L}[\\p{L}'’-]*(?:\\s+\\p{L}[\\p{L}'’-]*){0,2})(?=\\s*(?:[,;/|\\n!?)]|[.:](?:\\s|$)|\\s(?:and|or|y|e|et|und|&)\\s|$))`, "u");
const NOT_AN_ITEM = new RegExp(`^(?:${alt([...Object.values(P.per).flat(), ...P.connectors, ...P.from])})${E}`, "iu");
const ITEM_END = new RegExp(`\\s(?:${alt(P.itemEnds)})${E}.*$`, "iu");
const NOT_A_SERVICE = new RegExp(`^(?:${alt(P.tiers)})$|${B}(?:${alt(P.fees)})$`, "iu");
// "Dog walking in Leeds from £12": the words before the price are the business and its place, not an item.
const PLACE_PHRASE = /\s(?:in|en|em|à|near|at)\s+\p{Lu}/u;

function stripAll(text: string, re: RegExp): string {
  const next = text.replace(re, "");
  return next === text ? text : stripAll(next, re);
}

/**
 * The item a price is for: the words of its clause before it, without "prices:", "from" or "costs".
 * With an item the clause leaves the prompt ("Basic" is no name, "haircut £25" no section of its
 * own: the page lists it with its price); without one, only the price and its "from" do.
 */
function itemBefore(clause: string): { item: string | null; from: boolean; cut: number } {
  let text = clause.replace(/\s+$/, "");
  const from = FROM.test(text);
  text = stripAll(text.replace(FROM, "").replace(/\s+$/, ""), CONNECTOR);
  const whole = stripAll(text, LEAD).trim();
  // "private sauna for up to 6": a long item ends at its first "for" or "with".
  const itemText = whole.split(/\s+/).length > 5 ? whole.replace(ITEM_END, "") : whole;
  const wordCount = itemText.split(/\s+/).filter(Boolean).length;
  const item = wordCount >= 1 && wordCount <= 5 && !PLACE_PHRASE.test(` ${itemText}`) && /\p{L}/u.test(itemText) ? itemText : null;
  const cut = item ? clause.length - clause.trimStart().length : text.length;
  return { item, from, cut };
}

/** The prices the prompt states, and the spans they take in it (item, "from", amount, "per hour"). */
export function readPrices(text: string): { prices: StatedPrice[]; spans: Array<[number, number]> } {
  const prices: StatedPrice[] = [];
  const spans: Array<[number, number]> = [];
  let previous = 0;
  for (const money of findMoney(text)) {
    const head = text.slice(previous, money.start);
    let clauseStart = previous + (previous > 0 ? (JOINED.exec(head)?.[0].length ?? 0) : 0);
    for (const b of head.matchAll(BOUNDARY)) clauseStart = Math.max(clauseStart, previous + (b.index ?? 0) + b[0].length);
    const before = itemBefore(text.slice(clauseStart, money.start));
    const per = PER.exec(text.slice(money.end));
    let end = money.end + (per?.[0].length ?? 0);
    const after = before.item ? null : ITEM_AFTER.exec(text.slice(end));
    const item = before.item ?? (after?.[1] && !NOT_AN_ITEM.test(after[1]) ? after[1] : null);
    if (after && item) end += after[0].length;
    if (text[end] === ")" && text.slice(clauseStart, money.start).includes("(")) end += 1;
    spans.push([clauseStart + before.cut, end]);
    previous = end;
    const name = item ? item.charAt(0).toUpperCase() + item.slice(1) : null;
    prices.push({ item: name, amount: money.amount, from: before.from || money.range, per: per?.[1] ?? per?.[2] ?? null, service: name !== null && !NOT_A_SERVICE.test(name) });
  }
  return { prices: prices.slice(0, 24), spans };
}
