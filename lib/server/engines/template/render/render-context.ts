/**
 * Shared helpers for the HTML renderers: filling copy templates safely, formatting prices and the
 * common section wrapper that guarantees the heading structure (one h2 per section, labelled).
 */

import { escapeHtml, slugify } from "./html-escape";
import type { KindContent } from "../content/kind-content";
import { getKindContent } from "../content/kind-profiles";
import type { SectionId, SiteSpec } from "../site-spec";

export interface RenderContext {
  spec: SiteSpec;
  content: KindContent;
}

export function createRenderContext(spec: SiteSpec): RenderContext {
  return { spec, content: getKindContent(spec.kind) };
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

/** "$3.75", "€2,400", "Free". */
export function formatPrice(ctx: RenderContext, amount: number): string {
  if (amount === 0) return "Free";
  const fixed = Number.isInteger(amount) || ctx.spec.currency === "¥" ? String(Math.round(amount)) : amount.toFixed(2);
  const [whole = "0", cents] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${ctx.spec.currency}${grouped}${cents ? `.${cents}` : ""}`;
}

export function contactEmail(ctx: RenderContext): string {
  return `hello@${slugify(ctx.spec.name)}.com`;
}

/** The section heading block: eyebrow, the section's h2 (labelling the section) and a lead line. */
export function renderSectionHead(ctx: RenderContext, id: SectionId): string {
  const copy = ctx.content.titles[id];
  return [
    `      <div class="section-head">`,
    `        <p class="eyebrow">${fillCopy(ctx, copy.nav)}</p>`,
    `        <h2 id="${id}-title">${fillCopy(ctx, copy.title)}</h2>`,
    `        <p class="section-lead">${fillCopy(ctx, copy.lead)}</p>`,
    `      </div>`,
  ].join("\n");
}

/** Wraps section content so every section is a landmark labelled by its own heading. */
export function wrapSection(ctx: RenderContext, id: SectionId, inner: string): string {
  return [
    `    <section id="${id}" class="section section-${id}" aria-labelledby="${id}-title">`,
    `      <div class="container">`,
    renderSectionHead(ctx, id),
    inner,
    `      </div>`,
    `    </section>`,
  ].join("\n");
}

/**
 * Resolves a button's destination: the first preferred section the page has, else the first
 * showcase section, else the main content. A button never points at a section that is missing.
 */
export function resolveTarget(preferred: readonly SectionId[], sections: readonly SectionId[]): string {
  const showcase: SectionId[] = ["menu", "products", "projects", "gallery", "features", "services", "schedule", "posts", "pricing"];
  const found = preferred.find((id) => sections.includes(id)) ?? showcase.find((id) => sections.includes(id)) ?? sections[0];
  return found ? `#${found}` : "#main";
}

export function contactTarget(sections: readonly SectionId[]): string {
  if (sections.includes("contact")) return "#contact";
  if (sections.includes("newsletter")) return "#newsletter";
  return resolveTarget([], sections);
}
