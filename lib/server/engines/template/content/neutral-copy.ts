/**
 * Copy for a business the engine has no rich English copy for, and for every page in another
 * language: short, neutral sentences from the locale's data file, filled with the user's own words
 * (the trade as the OSM presets name it, the place, the name). Food businesses get a menu of their
 * cuisine; nothing here ever speaks of plans, features or integrations.
 */

import dishes from "../data/dishes.json";
import keywords from "../data/prompt-keywords.json";
import { isMassNoun } from "../prompt/read-english";
import { addressLine, fillSlots, getLocale, type Locale } from "../locale/locales";
import { KITCHEN_KINDS, type SiteSpec } from "../site-spec";
import { hoursLine } from "./apply-facts";
import { aOrAn, capitalise, plain } from "./apply-domain";
import type { CardItem, IconName, KindContent, PricedItem } from "./kind-content";

const ICONS: readonly IconName[] = ["star", "chat", "clock", "heart", "leaf", "shield"];
type Dish = [string, number];

/** A funeral home's or a crematorium's visitors are grieving: their reviews speak of care. */
const QUIET = new RegExp(keywords.quietTrades, "i");
const ABSTRACT = new RegExp(`(?:${keywords.abstractTrades.join("|")})$`, "i");

function withArticle(noun: string, lang: string): string {
  // "pottery classes" is plural: "… is the place for pottery classes in Melbourne" (other languages: no article).
  if (/[^su]s$/i.test(noun)) return lang === "en" ? `the place for ${noun}` : noun;
  // "pest control", "dog grooming" are what a business does: "a pest control service".
  const last = noun.split(" ").at(-1) ?? noun;
  const service = lang === "en" && (ABSTRACT.test(last) || isMassNoun(last)) ? `${noun} service` : noun;
  return aOrAn(service);
}

/** Slots every copy string may use; braces of prompt text are dropped so they never read as slots. */
function slotsFor(spec: SiteSpec, locale: Locale, trade: string): Record<string, string> {
  const place = plain(spec.location ?? "");
  // "B&B", "SASL" keep their capitals inside a sentence; other words are lower case.
  const lower = trade.split(" ").map((w) => (/^[\p{Lu}\d&]{2,}$/u.test(w) ? w : w.toLowerCase())).join(" ");
  return {
    trade: spec.lang === "de" ? trade : lower,
    Trade: capitalise(trade),
    aTrade: withArticle(lower, spec.lang),
    inPlace: place ? fillSlots(locale.copy.inPlace, { place }) : "",
    // No street is made up: the place the prompt names, or "Address on request" until the user gives one.
    address: addressLine(locale.copy.address, place, locale.ui.addressOnRequest),
    hours: spec.facts?.hours.length ? spec.facts.hours.map(hoursLine).join(", ") : locale.copy.open,
    // {name} and {location} stay as slots: the renderer fills them, escaped.
    name: "{name}",
    location: "{location}",
  };
}

/** Dishes for the page: the cuisine's own, else the kind's in the page's language, else none. */
function dishesFor(spec: SiteSpec): Dish[] {
  const cuisines = dishes.cuisines as unknown as Record<string, Dish[] | Record<string, Dish[]>>;
  const cuisine = spec.business?.cuisine ?? spec.cuisine;
  const byCuisine = cuisine ? cuisines[cuisine] : undefined;
  if (Array.isArray(byCuisine)) return byCuisine;
  if (byCuisine) return byCuisine[spec.lang] ?? byCuisine.en ?? [];
  const kinds = dishes.kinds as unknown as Record<string, Record<string, Dish[]>>;
  return kinds[spec.kind]?.[spec.lang] ?? [];
}

const dishItem = ([name, price]: Dish): PricedItem => ({ name, text: "", price });

/** The page's dishes as its menu, or no menu when it has none. */
export function dishMenu(spec: SiteSpec, locale: Locale): KindContent["menu"] {
  const list = dishesFor(spec);
  return list.length ? [{ title: locale.copy.menuTitle, items: list.map(dishItem) }] : [];
}

/** What the prompt says the business sells ("selling raw honey and beeswax candles"), else the services it listed. */
function ownGoods(spec: SiteSpec): string[] {
  const items = (spec.focus ?? "").split(/\s*(?:,|&|\band\b|\by\b|\bet\b|\bund\b|\be\b)\s*/i).map((t) => plain(t).trim()).filter((t) => t.length >= 3);
  return (items.length ? items : (spec.offers ?? []).map(plain)).slice(0, 6).map(capitalise);
}

/** The neutral copy for the spec's trade (the OSM label, the user's topic, or the kind's label). */
export function writeNeutralCopy(base: KindContent, spec: SiteSpec): KindContent {
  const locale = getLocale(spec.lang, spec.locale);
  const c = locale.copy;
  // The user's own words for the trade ("family dental clinic") first, the preset's name second.
  // With no trade known, a neutral noun in the page's language, never a kind's English label ("Landing page").
  const trade = (spec.topic ?? spec.business?.label ?? (spec.lang === "en" && spec.kind !== "landing" ? base.label : c.business)).replace(/\s*\/.*$/, "");
  const slots = slotsFor(spec, locale, trade);
  const quiet = QUIET.test(`${spec.business?.id ?? ""} ${trade}`);
  const fill = (t: string) => fillSlots(t, slots);
  const cards = (rows: string[][]): CardItem[] => rows.map(([title = "", text = ""], i) => ({ title: fill(title), text: fill(text), icon: ICONS[i % ICONS.length] ?? "star" }));
  const services = cards(c.services);
  const dishes = dishesFor(spec);
  // Only a kitchen's own base menu is kept: a shop's or a studio's "House special" is another trade's.
  const menu = !dishes.length && spec.lang === "en" && KITCHEN_KINDS.has(spec.kind) ? base.menu : dishMenu(spec, locale);
  // The user's own goods ("raw honey and beeswax candles"), else their trade ("Cerámica artesanal"),
  // priced on request: the engine cannot know what they cost, another shop's mugs are not theirs,
  // and "Advice" is nothing anyone buys, books or orders (so no form offers it either).
  const goods = ownGoods(spec);
  const choices = goods.length ? goods : services.slice(0, 1).map((s) => s.title);
  const products: PricedItem[] = dishes.length
    ? dishes.slice(0, 4).map(dishItem)
    : goods.length
      ? goods.map((name) => ({ name, text: fillSlots(c.offerText, { item: name }), price: null }))
      : [{ name: services[0]?.title ?? trade, text: services[0]?.text ?? "", price: null }];
  return {
    ...base,
    label: trade,
    eyebrow: slots.Trade ?? trade,
    tagline: fill(c.tagline),
    lead: fill(quiet ? c.quietLead : c.lead),
    primaryCta: c.primaryCta,
    secondaryCta: c.secondaryCta,
    heroAlt: fill(c.heroAlt),
    titles: locale.titles,
    about: { paragraphs: c.about.map(fill), highlights: c.highlights.map(fill) },
    features: cards(c.features),
    services,
    choices,
    menu,
    products,
    pricing: c.pricing.map(([name = "", price = 0], i) => ({ name: String(name), price: Number(price), period: "", text: c.pricingText, features: [], featured: i === 1 })),
    team: c.team.map(([name = "", role = ""]) => ({ name, role: fill(role), bio: fill(c.teamBio) })),
    testimonials: (quiet ? c.quietTestimonials : c.testimonials).map(([quote = "", author = ""]) => ({ quote: fill(quote), author, role: locale.ui.testimonialRole })),
    faq: c.faq.map(([q = "", a = ""]) => ({ q: fill(q), a: fill(a) })),
    gallery: c.gallery.map(fill),
    stats: c.stats.map(([value = "", label = ""]) => ({ value, label })),
    // The hours the prompt stated, else the locale's usual week.
    schedule: spec.facts?.hours.length ? spec.facts.hours.map((row) => ({ time: row.time, title: hoursLine({ text: row.days || row.text }), text: "" })) : locale.ui.hours.map(([day = "", time = ""]) => ({ time, title: day, text: "" })),
    posts: spec.lang === "en" ? base.posts : [],
    projects: spec.lang === "en" ? base.projects : services.map((s) => ({ title: s.title, text: s.text, tags: [] })),
    contact: { ...base.contact, topicLabel: locale.ui.topicLabel, topics: [...choices, ...c.topics.slice(-1)], hours: [c.open], address: c.address, submit: locale.ui.send },
  };
}
