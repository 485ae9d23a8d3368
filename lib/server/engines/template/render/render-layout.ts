/**
 * The page frame: skip link, header with navigation, the hero (holding the page's only h1), the
 * main landmark and the footer. `renderPage` assembles them with any subset of sections, which is
 * how the site grows step by step.
 */

import { escapeHtml } from "./html-escape";
import { renderArtUri } from "./render-art";
import { fillCopy, resolveTarget, type RenderContext } from "./render-context";
import { renderSection } from "./render-sections";
import type { SectionId } from "../site-spec";

/** Up to five sections get a header link; the contact call to action is styled as a button. */
export function renderNavItems(ctx: RenderContext, sections: readonly SectionId[]): string {
  const linked = sections.filter((id) => id !== "contact").slice(0, 5);
  const items = linked.map((id) => `          <li><a href="#${id}">${fillCopy(ctx, ctx.content.titles[id].nav)}</a></li>`);
  if (sections.includes("contact")) {
    items.push(`          <li><a class="button button-small nav-cta" href="#contact">${fillCopy(ctx, ctx.content.titles.contact.nav)}</a></li>`);
  }
  return items.join("\n");
}

function renderHeader(ctx: RenderContext): string {
  const name = escapeHtml(ctx.spec.name);
  const mark = escapeHtml(Array.from(ctx.spec.name.trim())[0]?.toUpperCase() ?? "•");
  return [
    `<a class="skip-link" href="#main">Skip to content</a>`,
    `<header class="site-header">`,
    `  <div class="container header-inner">`,
    `    <a class="brand" href="#top"><span class="brand-mark" aria-hidden="true">${mark}</span><span class="brand-name">${name}</span></a>`,
    `    <button class="nav-toggle" type="button" aria-expanded="false" aria-controls="site-nav"><span class="nav-toggle-bars" aria-hidden="true"></span><span class="visually-hidden">Open navigation</span></button>`,
    `    <nav class="site-nav" id="site-nav" aria-label="Main">`,
    `      <ul class="nav-list" role="list">`,
    renderNavItems(ctx, ctx.spec.sections),
    `      </ul>`,
    `    </nav>`,
    `  </div>`,
    `</header>`,
  ].join("\n");
}

function renderHero(ctx: RenderContext): string {
  const { content, spec } = ctx;
  const eyebrow = spec.location ? `${content.eyebrow} · ${spec.location}` : content.eyebrow;
  const focus = spec.focus ? ` Specialising in ${spec.focus}.` : "";
  return [
    `    <section class="hero" id="top" aria-labelledby="hero-title">`,
    `      <div class="container hero-inner">`,
    `        <div class="hero-copy">`,
    `          <p class="eyebrow eyebrow-pill">${fillCopy(ctx, eyebrow)}</p>`,
    `          <h1 id="hero-title">${escapeHtml(spec.name)}</h1>`,
    `          <p class="hero-tagline">${fillCopy(ctx, content.tagline)}</p>`,
    `          <p class="hero-lead">${fillCopy(ctx, content.lead)}${fillCopy(ctx, focus)}</p>`,
    `          <div class="hero-actions">`,
    `            <a class="button" href="${resolveTarget(content.primaryTarget, spec.sections)}">${fillCopy(ctx, content.primaryCta)}</a>`,
    `            <a class="button button-ghost" href="${resolveTarget(content.secondaryTarget, spec.sections)}">${fillCopy(ctx, content.secondaryCta)}</a>`,
    `          </div>`,
    `        </div>`,
    `        <figure class="hero-art">`,
    `          <img src="${renderArtUri(`${spec.seed}|hero`, spec.palette, "wide")}" alt="${fillCopy(ctx, content.heroAlt)}" width="640" height="420" decoding="async">`,
    `        </figure>`,
    `      </div>`,
    `    </section>`,
  ].join("\n");
}

function renderFooter(ctx: RenderContext): string {
  const name = escapeHtml(ctx.spec.name);
  const links = ctx.spec.sections
    .slice(0, 6)
    .map((id) => `        <li><a href="#${id}">${fillCopy(ctx, ctx.content.titles[id].nav)}</a></li>`);
  return [
    `<footer class="site-footer">`,
    `  <div class="container footer-inner">`,
    `    <div class="footer-brand">`,
    `      <p class="footer-name">${name}</p>`,
    `      <p class="footer-tagline">${fillCopy(ctx, ctx.content.tagline)}</p>`,
    `    </div>`,
    `    <nav aria-label="Footer">`,
    `      <ul class="footer-links" role="list">`,
    ...links,
    `      </ul>`,
    `    </nav>`,
    `  </div>`,
    `  <div class="container footer-bottom">`,
    `    <p>© <span data-year></span> ${name}. All rights reserved.</p>`,
    `    <p><a href="#top">Back to top</a></p>`,
    `  </div>`,
    `</footer>`,
  ].join("\n");
}

/** The whole body markup with the given sections rendered (an empty list gives the skeleton). */
export function renderPage(ctx: RenderContext, sections: readonly SectionId[]): string {
  const body = sections.map((id) => renderSection(ctx, id));
  return [
    renderHeader(ctx),
    `<main id="main" tabindex="-1" data-site-kind="${ctx.spec.kind}" data-site-name="${escapeHtml(ctx.spec.name)}">`,
    renderHero(ctx),
    ...body,
    `</main>`,
    renderFooter(ctx),
    "",
  ].join("\n");
}
