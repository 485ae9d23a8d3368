/**
 * HTML for every content section. Each renderer returns one labelled <section> whose headings
 * start at h2 (the page's single h1 lives in the hero), so any combination keeps a valid outline.
 */

import { initialsOf, renderIcon } from "./render-art";
import { renderPicture } from "./render-images";
import { fillCopy, wrapSection, type RenderContext } from "./render-context";
import { renderMenu, renderPosts, renderProducts, renderProjects, renderSchedule } from "./render-listing-sections";
import { renderFaq, renderPricing, renderTestimonials } from "./render-social-sections";
import { renderContact, renderNewsletter } from "./render-form-sections";
import type { PageBlock, SectionId } from "../site-spec";
import { renderCardsBlock, renderHoursBlock } from "./render-block-sections";
import { renderFormBlock } from "./render-request-form";

function renderAbout(ctx: RenderContext): string {
  const { about, gallery } = ctx.content;
  const alt = gallery[0] ?? ctx.content.heroAlt;
  const highlights = about.highlights.map((h) => `            <li>${fillCopy(ctx, h)}</li>`).join("\n");
  return wrapSection(ctx, "about", [
    `      <div class="split">`,
    `        <div class="split-copy">`,
    ...about.paragraphs.map((p) => `          <p>${fillCopy(ctx, p)}</p>`),
    `          <ul class="check-list">`,
    highlights,
    `          </ul>`,
    `        </div>`,
    `        <figure class="split-art">`,
    `          ${renderPicture(ctx, "about", 0, { seed: "about", ratio: "tall", alt: fillCopy(ctx, alt) })}`,
    `        </figure>`,
    `      </div>`,
  ]);
}

function renderCards(ctx: RenderContext, id: "features" | "services"): string {
  const cards = ctx.content[id].flatMap((item) => [
    `          <li class="card">`,
    `            <span class="card-icon">${renderIcon(item.icon)}</span>`,
    `            <h3>${fillCopy(ctx, item.title)}</h3>`,
    `            <p>${fillCopy(ctx, item.text)}</p>`,
    `          </li>`,
  ]);
  return wrapSection(ctx, id, [`        <ul class="card-grid" role="list">`, ...cards, `        </ul>`]);
}

function renderStats(ctx: RenderContext): string {
  const items = ctx.content.stats.map(
    (s) => `          <li class="stat"><p class="stat-value">${fillCopy(ctx, s.value)}</p><p class="stat-label">${fillCopy(ctx, s.label)}</p></li>`,
  );
  return wrapSection(ctx, "stats", [`        <ul class="stats-grid" role="list">`, ...items, `        </ul>`]);
}

function renderGallery(ctx: RenderContext): string {
  const items = ctx.content.gallery.flatMap((caption, i) => [
    `          <li>`,
    `            <figure class="gallery-item">`,
    `              ${renderPicture(ctx, "gallery", i, { seed: `gallery|${i}`, ratio: i % 3 === 0 ? "tall" : "square", alt: fillCopy(ctx, caption) })}`,
    `              <figcaption>${fillCopy(ctx, caption)}</figcaption>`,
    `            </figure>`,
    `          </li>`,
  ]);
  return wrapSection(ctx, "gallery", [`        <ul class="gallery-grid" role="list">`, ...items, `        </ul>`]);
}

function renderTeam(ctx: RenderContext): string {
  const people = ctx.content.team.flatMap((p) => [
    `          <li class="card person">`,
    `            <span class="avatar" aria-hidden="true">${fillCopy(ctx, initialsOf(p.name))}</span>`,
    `            <h3>${fillCopy(ctx, p.name)}</h3>`,
    `            <p class="person-role">${fillCopy(ctx, p.role)}</p>`,
    `            <p>${fillCopy(ctx, p.bio)}</p>`,
    `          </li>`,
  ]);
  return wrapSection(ctx, "team", [`        <ul class="card-grid" role="list">`, ...people, `        </ul>`]);
}

/** Renders one planned block: a built-in section under its heading, generic cards, hours or a form. */
export function renderBlock(ctx: RenderContext, block: PageBlock): string {
  const inner = { ...ctx, block };
  if (block.layout === "cards") return renderCardsBlock(inner, block);
  if (block.layout === "hours") return renderHoursBlock(inner);
  if (block.layout === "form") return renderFormBlock(inner, block);
  return renderSection(inner, block.layout);
}

const SECTIONS: Record<SectionId, (ctx: RenderContext) => string> = {
  about: renderAbout,
  features: (ctx) => renderCards(ctx, "features"),
  services: (ctx) => renderCards(ctx, "services"),
  menu: renderMenu,
  products: renderProducts,
  projects: renderProjects,
  gallery: renderGallery,
  schedule: renderSchedule,
  stats: renderStats,
  team: renderTeam,
  testimonials: renderTestimonials,
  pricing: renderPricing,
  posts: renderPosts,
  faq: renderFaq,
  newsletter: renderNewsletter,
  contact: renderContact,
};

export function renderSection(ctx: RenderContext, id: SectionId): string {
  return SECTIONS[id](ctx);
}
