/**
 * Shared helpers for the HTML renderers: filling copy templates safely, formatting prices and the
 * common section wrapper that guarantees the heading structure (one h2 per section, labelled).
 */

import { escapeHtml } from "./html-escape";
import type { KindContent, PricedItem } from "../content/kind-content";
import { getKindContent } from "../content/kind-profiles";
import { applyDomain, plain } from "../content/apply-domain";
import { applyFacts } from "../content/apply-facts";
import { dishMenu, writeNeutralCopy } from "../content/neutral-copy";
import archetypes from "../data/kind-archetypes.json";
import prices from "../data/prices.json";
import { fillSlots, getLocale, type Locale } from "../locale/locales";
import { isSectionId, PLACELESS_KINDS, type PageBlock, type SectionId, type SiteSpec } from "../site-spec";

export interface RenderContext {
  spec: SiteSpec;
  content: KindContent;
  /** The page's fixed words in its language. */
  locale: Locale;
  /** The block being rendered: its id and the user's heading override the section's defaults. */
  block?: PageBlock;
}

const ARCHETYPES = new Set(archetypes.ids);

/**
 * The kind's rich English copy fits only the businesses it was written for; any other trade, and
 * any page in another language, is written with neutral copy in the user's words. Kinds that are
 * no place of business (software, a blog, an event…) always keep their own.
 */
function needsNeutralCopy(spec: SiteSpec): boolean {
  if (spec.lang !== "en") return true;
  if (spec.domainId || PLACELESS_KINDS.includes(spec.kind)) return false;
  if (spec.business) return !ARCHETYPES.has(spec.business.id);
  // A shop of unknown goods: the kind's own goods (mugs, tea towels) are another shop's.
  return spec.kind === "landing" || spec.kind === "shop";
}

/** Sections the user asked for that the engine has no template for ("Welpenkurse", "Vacunación"): what the business offers. */
export function askedTopics(spec: SiteSpec): string[] {
  // A trade the engine knows has its own services (an estate agent's "Lettings"), better choices than headings.
  if (!needsNeutralCopy(spec)) return [];
  return spec.blocks.filter((b) => b.requested && b.layout === "cards").map((b) => plain(b.heading));
}

export function createRenderContext(spec: SiteSpec): RenderContext {
  const locale = getLocale(spec.lang, spec.locale);
  const content = applyFacts(readContent(spec, locale), spec, locale);
  const ctx = { spec, locale, content };
  const offers = (spec.offers ?? []).map(plain);
  // With no services listed, a form's choices are the sections the user asked for, not the neutral copy's "Advice".
  const topics = offers.length ? offers : askedTopics(spec);
  if (!topics.length) return ctx;
  const contact = { ...content.contact, topics: [...topics, ...content.contact.topics.slice(-1)] };
  if (!offers.length) return { ...ctx, content: { ...content, contact } };
  // The services the prompt listed are the Services section's items, and the contact form's topics.
  // A service the prompt priced ("haircut £25") says its price, not "ask us for a clear price".
  const priceOf = (title: string) => spec.facts?.prices.find((p) => p.item?.toLowerCase() === title.toLowerCase());
  const textOf = (title: string) => ((p) => (p ? priceText(ctx, p.amount, { ...p, exact: true }) : fillSlots(locale.copy.offerText, { item: title })))(priceOf(title));
  const services = offers.map((title, i) => ({ title, text: textOf(title), icon: content.services[i % content.services.length]?.icon ?? "star" }));
  return { ...ctx, content: { ...content, services, contact } };
}

function readContent(spec: SiteSpec, locale: Locale): KindContent {
  const base = getKindContent(spec.kind);
  if (needsNeutralCopy(spec)) return applyDomain(writeNeutralCopy(base, spec), { ...spec, domainId: null, topic: null });
  const content = applyDomain(base, spec);
  const menu = dishMenu(spec, locale);
  // A ramen bar's menu is ramen, not the generic kitchen's dishes.
  return menu.length && (spec.business?.cuisine ?? spec.cuisine) ? { ...content, menu } : content;
}

/** Escapes a copy template, then fills {name} and {location} with escaped prompt values. */
export function fillCopy(ctx: RenderContext, template: string): string {
  const name = escapeHtml(ctx.spec.name);
  const location = escapeHtml(ctx.spec.location ?? "");
  // Function replacers: a name like "Cash $& Carry" must not be read as a replacement pattern.
  return escapeHtml(template)
    .replace(/\{name\}/g, () => name)
    .replace(/\{location\}/g, () => location);
}

/** A block's navigation label: the user's own heading when asked for, else the section's label. */
export function navLabel(ctx: RenderContext, block: PageBlock): string {
  if (block.requested || !isSectionId(block.layout)) return escapeHtml(block.nav);
  return fillCopy(ctx, ctx.content.titles[block.layout].nav);
}

const SCALES = prices.scale as unknown as Record<string, [number, number]>;

/** An amount in the spec's currency and number style, as is: "£3.50", "1.680 ¥", "4,50 €". */
export function formatAmount(spec: Pick<SiteSpec, "currency" | "currencyCode" | "locale">, value: number): string {
  try {
    const whole = Number.isInteger(value);
    return new Intl.NumberFormat(spec.locale, { style: "currency", currency: spec.currencyCode, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 }).format(value);
  } catch {
    return `${spec.currency}${value}`;
  }
}

/**
 * A price for the page (or "Price on request" when none is known): a stock base-unit price scaled
 * to the page's currency, or a price the prompt stated as written ("from £12 / class").
 */
export function formatPrice(ctx: RenderContext, amount: number | null, stated?: StatedPriceStyle): string {
  return escapeHtml(priceText(ctx, amount, stated));
}

type StatedPriceStyle = Pick<PricedItem, "exact" | "from" | "per">;

/** The same price as plain text (for copy that is escaped later). */
function priceText(ctx: RenderContext, amount: number | null, stated?: StatedPriceStyle): string {
  if (amount === null) return ctx.locale.ui.priceOnRequest;
  if (amount === 0) return ctx.locale.ui.free;
  const [scale, step] = SCALES[ctx.spec.currencyCode] ?? [1, 0.1];
  const value = stated?.exact ? amount : Math.max(step, Math.round((amount * scale) / step) * step);
  const price = formatAmount(ctx.spec, value);
  const from = stated?.from ? fillSlots(ctx.locale.ui.fromPrice, { price }) : price;
  return stated?.per ? `${from} / ${stated.per}` : from;
}

/**
 * Wraps section content so every section is a landmark labelled by its own heading: an eyebrow,
 * the section's h2, a lead line (the copy's own unless `lead` is given, escaped already) and `inner`.
 */
export function wrapSection(ctx: RenderContext, id: SectionId, inner: readonly string[], lead?: string): string {
  const copy = ctx.content.titles[id];
  const block = ctx.block;
  // A requested heading is the user's text: escaped as is, never read as a {name} template.
  const eyebrow = block?.requested ? escapeHtml(ctx.spec.name) : fillCopy(ctx, copy.nav);
  const title = block?.requested ? escapeHtml(block.heading) : fillCopy(ctx, copy.title);
  const anchor = block?.id ?? id;
  return [
    `    <section id="${anchor}" class="section section-${block?.layout ?? id}" aria-labelledby="${anchor}-title">`,
    `      <div class="container">`,
    `      <div class="section-head">`,
    `        <p class="eyebrow">${eyebrow}</p>`,
    `        <h2 id="${anchor}-title">${title}</h2>`,
    `        <p class="section-lead">${lead ?? fillCopy(ctx, copy.lead)}</p>`,
    `      </div>`,
    ...inner,
    `      </div>`,
    `    </section>`,
  ].join("\n");
}

/**
 * Resolves a button's destination: the first preferred section the page has, else the first
 * showcase section, else the main content. A button never points at a section that is missing.
 */
export function resolveTarget(preferred: readonly SectionId[], blocks: readonly PageBlock[]): string {
  const showcase: SectionId[] = ["menu", "products", "projects", "gallery", "features", "services", "schedule", "posts", "pricing"];
  const byLayout = (id: SectionId) => blocks.find((b) => b.layout === id);
  const found = preferred.map(byLayout).find(Boolean) ?? showcase.map(byLayout).find(Boolean) ?? blocks[0];
  return found ? `#${found.id}` : "#main";
}

/** Where "get in touch" buttons go: the page's first form, else the contact or newsletter block. */
export function contactTarget(blocks: readonly PageBlock[]): string {
  const form = blocks.find((b) => b.layout === "form") ?? blocks.find((b) => b.layout === "contact" || b.layout === "newsletter");
  return form ? `#${form.id}` : resolveTarget([], blocks);
}
