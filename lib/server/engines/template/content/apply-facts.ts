/**
 * Puts what the prompt states on the page in place of the engine's stock copy: its prices (a
 * kitchen's in its menu, anyone else's as the price list), its opening hours, address, phone,
 * e-mail and hero line. Stated amounts are in the page's currency already and are never rescaled.
 */

import { KITCHEN_KINDS, type SiteSpec } from "../site-spec";
import type { HoursRow } from "../prompt/read-hours";
import type { KindContent, Plan, PricedItem } from "./kind-content";
import type { Locale } from "../locale/locales";
import { capitalise, plain } from "./apply-domain";

/** One row of stated hours as a line: "Du lundi au vendredi de 14h à 20h" starts a sentence. */
export const hoursLine = (row: Pick<HoursRow, "text">) => capitalise(plain(row.text));

export function applyFacts(content: KindContent, spec: SiteSpec, locale: Locale): KindContent {
  const facts = spec.facts;
  if (!facts) return content;
  let next = content;
  if (facts.prices.length) {
    // A price the prompt names no item for ("from $99") is the trade's own, in the user's words.
    const trade = capitalise(plain(spec.topic ?? spec.business?.label ?? content.label));
    const items: PricedItem[] = facts.prices.map((p) => ({ name: plain(p.item ?? trade), text: "", price: p.amount, exact: true, from: p.from, per: p.per ? plain(p.per) : null }));
    const plans: Plan[] = items.map((item) => ({ name: item.name, price: item.price ?? 0, exact: true, from: item.from, period: item.per ?? "", text: "", features: [], featured: false }));
    // Two dishes or more are the menu; one ("pasta from $18") joins the kitchen's own.
    const named = facts.prices.filter((p) => p.item).length;
    const own = content.menu[0];
    const menu = !KITCHEN_KINDS.has(spec.kind) ? content.menu : named >= 2 || !own ? [{ title: own?.title ?? trade, items }] : [{ ...own, items: [...items, ...own.items] }, ...content.menu.slice(1)];
    // A product the prompt priced shows that price, not "Price on request".
    const priced = (name: string) => items.find((i) => i.name.toLowerCase() === name.toLowerCase());
    const products = content.products.map((p) => ((hit) => (hit ? { ...p, price: hit.price, exact: true, from: hit.from, per: hit.per } : p))(priced(p.name)));
    // The user's prices, under the page's plain heading: not a gym's "Memberships" or "No joining fee".
    const titles = { ...content.titles, pricing: locale.titles.pricing };
    next = { ...next, pricing: plans, menu, products, titles };
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
