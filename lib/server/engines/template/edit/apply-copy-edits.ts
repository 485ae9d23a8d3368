/**
 * Applies copy edits to a site's markup. The hero's h1 is the site's name (the project is named
 * after it), so a new headline goes in the hero's line under it, never over the name. Each edit
 * says honestly what it changed, or why it could not.
 */

import { escapeHtml } from "../render/html-escape";
import { renderSection } from "../render/render-sections";
import { formatAmount, type RenderContext } from "../render/render-context";
import { phoneItem, phoneLink } from "../render/render-form-sections";
import { dedupeIds, hasSection, insertSection, listSections, replaceInner } from "./html-surgery";
import type { CopyEditIntent } from "../prompt/read-copy-edits";
import type { BaseSiteInfo } from "./read-base-site";
import { orderSections, type SectionId } from "../site-spec";
import { fillSlots } from "../locale/locales";

/** A copy edit of the page (undo and redo restore a whole version instead: template-engine.ts). */
export type CopyEdit = Exclude<CopyEditIntent, { type: "undo" | "redo" }>;
/** The contact details, shown in the contact block (which an edit adds when the page has none). */
type Detail = "address" | "hours" | "email" | "phone";

function replaceSlot(html: string, slot: string, value: string): string {
  return html.replace(new RegExp(`(<(span|a|ul)\\b[^>]*data-copy="${slot}"[^>]*>)[\\s\\S]*?(</\\2>)`, "g"), (_m, open: string, _tag: string, close: string) => open + value + close);
}

/** Renders our section `id` into its place, with the sections the page will then have (so buttons find them). */
export function insertRendered(html: string, id: SectionId, ctx: RenderContext): string {
  const spec = { ...ctx.spec, sections: orderSections([...listSections(html), id]) };
  return insertSection(html, id, dedupeIds(renderSection({ ...ctx, spec }, id), html));
}

/** Sets a contact detail in every place the page shows it (the contact block, the footer). */
function setDetail(page: string, { type, text }: Extract<CopyEdit, { type: Detail }>, info: BaseSiteInfo): string {
  // The detail slots are in the contact block, which is added when the page has none.
  const hasSlots = page.includes('data-copy="address"') || hasSection(page, "contact");
  const html = hasSlots ? page : insertRendered(page, "contact", info.ctx);
  const safe = escapeHtml(text);
  if (type === "address") return replaceSlot(html, "address", safe);
  const mailto = `<a data-copy="email" href="mailto:${safe}">${safe}</a>`;
  if (type === "email") return html.replace(/<a\b[^>]*href="mailto:[^"]*"[^>]*>[^<]*<\/a>/g, mailto);
  if (type === "hours") {
    const item = `\n          <li><span class="hours-time">${safe}</span></li>`;
    return replaceInner(replaceSlot(html, "hours", safe), /(<ul class="hours-list"[^>]*>)[\s\S]*?(\n\s*<\/ul>)/, item);
  }
  if (html.includes('data-copy="phone"')) return html.replace(/<a\b[^>]*data-copy="phone"[^>]*>[\s\S]*?<\/a>/g, () => phoneLink(text));
  return html.replace(/(<ul class="contact-details"[^>]*>)/, (open) => `${open}\n${phoneItem(info.ctx, text)}`);
}

/** Finds an item by (part of) its name in menus, products and plans and sets the price shown with it. */
function setPrice(html: string, item: string, price: string): { html: string; name: string | null } {
  const wanted = item.toLowerCase().replace(/^(?:the|our)\s+/, "").trim();
  // The price after a name, never reaching past the next name ("Menu" must not take the first dish's price).
  const pattern = /(<(?:span class="menu-item-name"|h3)>)([^<]{1,120})(<\/(?:span|h3)>(?:(?!<span class="menu-item-name">|<h3>)[\s\S]){0,400}?<span class="(?:price|plan-amount)"(?: data-price)?>)([^<]*)(<\/span>)/g;
  let name: string | null = null;
  const next = html.replace(pattern, (whole, open: string, label: string, middle: string, _old: string, close: string) => {
    if (name !== null || !label.toLowerCase().includes(wanted)) return whole;
    name = label;
    return `${open}${label}${middle}${escapeHtml(price)}${close}`;
  });
  return { html: next, name };
}

function addTestimonial(html: string, quote: string, author: string | null, info: BaseSiteInfo): string {
  let page = html;
  if (!page.includes('class="quote-grid"')) {
    page = insertRendered(page, "testimonials", info.ctx);
    page = replaceInner(page, /(<div class="quote-grid">)[\s\S]*?(\n\s*<\/div>\n\s*<\/div>\n\s*<\/section>)/, "");
  }
  const who = escapeHtml(author ?? info.ctx.locale.ui.testimonialRole);
  const figure = [
    `\n          <figure class="card quote">`,
    `            <blockquote><p>“${escapeHtml(quote)}”</p></blockquote>`,
    `            <figcaption><span><strong>${who}</strong></span></figcaption>`,
    `          </figure>`,
  ].join("\n");
  return page.replace(/(<div class="quote-grid">)/, (open) => open + figure);
}

export function applyCopyEdit(html: string, intent: CopyEdit, info: BaseSiteInfo) {
  const { done: said, missing } = info.ctx.locale.edits;
  const done = (next: string, note: string) => ({ html: next, note });
  const ok = (next: string, key: keyof typeof said, slots: Record<string, string | number>) => done(next, fillSlots(said[key], slots));
  const fail = (key: keyof typeof missing, slots: Record<string, string> = {}) => done(html, fillSlots(missing[key], slots));
  switch (intent.type) {
    case "tagline": {
      const next = replaceInner(html, /(<p class="hero-tagline">)[\s\S]*?(<\/p>)/, escapeHtml(intent.text));
      return next === html ? fail("tagline") : ok(next, "tagline", intent);
    }
    case "address":
    case "hours":
    case "email":
    case "phone": {
      const next = setDetail(html, intent, info);
      return next.includes(escapeHtml(intent.text)) ? ok(next, intent.type, intent) : fail(intent.type);
    }
    case "price": {
      const price = formatAmount(info.ctx.spec, intent.amount);
      const result = setPrice(html, intent.item, price);
      return result.name ? ok(result.html, "price", { item: result.name, price }) : fail("price", { item: intent.item });
    }
    case "testimonial": {
      const next = addTestimonial(html, intent.quote, intent.author, info);
      return done(next, fillSlots(said.testimonial, { quote: intent.quote }) + (intent.author ? fillSlots(said.from, { author: intent.author }) : ""));
    }
  }
}
