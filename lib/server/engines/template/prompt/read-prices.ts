/**
 * Prices a prompt states ("haircut £25, beard trim £15", "packages Basic $49 / Full $149", "classes
 * from £12 per class", "Einzelstunde 45 €"): what each is for, in the user's words, the amount, and
 * what it is per. The page shows these instead of made-up tiers. Words around them: data/fact-words.json.
 */

import words from "../data/fact-words.json";
import { findMoney } from "../locale/stated-currency";
import { WORD_END as E, WORD_START as B, alternation as alt } from "./word-pattern";

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
// Where a priced item's words begin: a list separator, a sentence end, or a joining word.
const BOUNDARY = new RegExp(`(?:[,;/|\\n!?]|[.:](?=\\s)|\\s(?:and|or|y|o|et|ou|und|oder|e|&|plus)${E})`, "giu");
const FROM = new RegExp(`${B}(?:${alt(P.from)})\\s*$`, "iu");
const CONNECTOR = new RegExp(`(?:(?:^|\\s+)(?:${alt(P.connectors)})|\\s*[:=(\\-–—])\\s*$`, "iu");
const LEAD = new RegExp(`^\\s*(?:${alt([...P.leads, ...P.listNouns])})${E}\\s*:?\\s*`, "iu");
const LIST_NOUN = new RegExp(`^(?:${alt(P.listNouns)})$`, "iu");

/** "Packages", "Tarifs": a heading that names a price list, where stated prices go. */
export const isPriceListHeading = (heading: string) => LIST_NOUN.test(heading.trim());
const PER = new RegExp(`^\\s*(?:(?:${alt(Object.values(P.per).flat())})\\s*)(${alt(Object.values(P.units).flat())})${E}\\.?`, "iu");
const NOT_A_SERVICE = new RegExp(`^(?:${alt(P.tiers)})$|${B}(?:${alt(P.fees)})$`, "iu");
// "Dog walking in Leeds from £12": the words before the price are the business and its place, not an item.
const PLACE_PHRASE = /\s(?:in|en|em|à|near|at)\s+\p{Lu}/u;

function stripAll(text: string, re: RegExp): string {
  let out = text;
  for (let next = out.replace(re, ""); next !== out; next = out.replace(re, "")) out = next;
  return out;
}

/**
 * The item a price is for: the words of its clause before it, without "prices:", "from" or "costs".
 * With an item the clause leaves the prompt ("Basic" is no name, "haircut £25" no section of its
 * own: the page lists it with its price); without one, only the price and its "from" do.
 */
function itemBefore(clause: string): { item: string | null; from: boolean; service: boolean; cut: number } {
  let text = clause.replace(/\s+$/, "");
  const from = FROM.test(text);
  text = stripAll(text.replace(FROM, "").replace(/\s+$/, ""), CONNECTOR);
  const itemText = stripAll(text, LEAD).trim();
  const wordCount = itemText.split(/\s+/).filter(Boolean).length;
  const item = wordCount >= 1 && wordCount <= 5 && !PLACE_PHRASE.test(` ${itemText}`) && /\p{L}/u.test(itemText) ? itemText : null;
  const service = item !== null && !NOT_A_SERVICE.test(item);
  const cut = item ? clause.length - clause.trimStart().length : text.length;
  return { item, from, service, cut };
}

/** The prices the prompt states, and the spans they take in it (item, "from", amount, "per hour"). */
export function readPrices(text: string): { prices: StatedPrice[]; spans: Array<[number, number]> } {
  const prices: StatedPrice[] = [];
  const spans: Array<[number, number]> = [];
  let previous = 0;
  for (const money of findMoney(text)) {
    const head = text.slice(previous, money.start);
    let clauseStart = previous;
    for (const b of head.matchAll(BOUNDARY)) clauseStart = previous + (b.index ?? 0) + b[0].length;
    const { item, from, service, cut } = itemBefore(text.slice(clauseStart, money.start));
    const per = PER.exec(text.slice(money.end));
    let end = money.end + (per?.[0].length ?? 0);
    if (text[end] === ")" && text.slice(clauseStart, money.start).includes("(")) end += 1;
    spans.push([clauseStart + cut, end]);
    previous = end;
    const name = item ? item.charAt(0).toUpperCase() + item.slice(1) : null;
    prices.push({ item: name, amount: money.amount, from: from || money.range, per: per?.[1] ?? null, service });
  }
  return { prices: prices.slice(0, 12), spans };
}
