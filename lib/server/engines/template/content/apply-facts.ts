/**
 * Puts what the prompt states on the page in place of the engine's stock copy: its prices (a
 * kitchen's in its menu, anyone else's as the price list), its opening hours, address, phone,
 * e-mail and hero line. Stated amounts are in the page's currency already and are never rescaled.
 */

import { KITCHEN_KINDS, type SiteSpec, type StatedFacts } from "../site-spec";
import type { HoursRow } from "../prompt/read-hours";
import type { KindContent, Plan, PricedItem } from "./kind-content";

/** Braces of prompt text are dropped: copy strings are templates, and the user's words are not. */
const plain = (text: string) => text.replace(/[{}]/g, "");

/** One row of stated hours as a line: "Du lundi au vendredi de 14h à 20h" starts a sentence. */
export const hoursLine = (row: HoursRow) => plain([row.days, row.time].filter(Boolean).join(" ")).replace(/^\p{Ll}/u, (c) => c.toUpperCase());

export function applyFacts(content: KindContent, spec: SiteSpec, facts: StatedFacts | undefined): KindContent {
  if (!facts) return content;
  let next = content;
  if (facts.prices.length) {
    // A price the prompt names no item for ("from $99") is the trade's own.
    const trade = plain(content.label).replace(/^./, (c) => c.toUpperCase());
    const items: PricedItem[] = facts.prices.map((p) => ({ name: plain(p.item ?? trade), text: "", price: p.amount, exact: true, from: p.from, per: p.per ? plain(p.per) : null }));
    const plans: Plan[] = items.map((item) => ({ name: item.name, price: item.price ?? 0, exact: true, from: item.from, period: item.per ?? "", text: "", features: [], featured: false }));
    const menu = KITCHEN_KINDS.has(spec.kind) ? [{ title: content.menu[0]?.title ?? trade, items }] : content.menu;
    next = { ...next, pricing: plans, menu };
  }
  const contact = {
    ...next.contact,
    ...(facts.hours.length ? { hours: facts.hours.map(hoursLine) } : {}),
    ...(facts.address ? { address: plain(facts.address) } : {}),
    ...(facts.email ? { email: facts.email } : {}),
    ...(facts.phone ? { phone: facts.phone } : {}),
  };
  return { ...next, contact, ...(facts.tagline ? { tagline: plain(facts.tagline) } : {}) };
}
