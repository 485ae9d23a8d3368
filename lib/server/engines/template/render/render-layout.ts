/**
 * The page frame: skip link, header with navigation, the hero (holding the page's only h1), the
 * main landmark and the footer. `renderPage` assembles them with any subset of sections, which is
 * how the site grows step by step.
 */

import { escapeHtml } from "./html-escape";
import { renderBrandMark, renderPicture } from "./render-images";
import { fillSlots } from "../locale/locales";
import { fillCopy, navLabel, resolveTarget, type RenderContext } from "./render-context";
import { renderBlock } from "./render-sections";
import { formWording } from "./render-request-form";
import type { PageBlock } from "../site-spec";
import { inSentence } from "./in-sentence";
import { phoneLink } from "./render-form-sections";
import { plain } from "../content/apply-domain";

/**
 * Every section the prompt asked for gets a header link, in page order; the kind's own sections
 * fill up to five. The contact call to action is styled as a button.
 */
function renderNavItems(ctx: RenderContext, blocks: readonly PageBlock[]): string {
  const others = blocks.filter((b) => b.layout !== "contact");
  const spare = Math.max(0, 5 - others.filter((b) => b.requested).length);
  let extras = 0;
  const linked = others.filter((b) => b.requested || (extras += 1) <= spare).slice(0, 9);
  const items = linked.map((b) => `          <li><a href="#${b.id}">${navLabel(ctx, b)}</a></li>`);
  const contact = blocks.find((b) => b.layout === "contact");
  if (contact) items.push(`          <li><a class="button button-small nav-cta" href="#${contact.id}">${navLabel(ctx, contact)}</a></li>`);
  return items.join("\n");
}

function renderHeader(ctx: RenderContext): string {
  const ui = ctx.locale.ui;
  const name = escapeHtml(ctx.spec.name);
  const mark = escapeHtml(Array.from(ctx.spec.name.trim())[0]?.toUpperCase() ?? "•");
  return [
    `<a class="skip-link" href="#main">${escapeHtml(ui.skip)}</a>`,
    `<header class="site-header">`,
    `  <div class="container header-inner">`,
    `    <a class="brand" href="#top">${renderBrandMark(ctx, mark)}<span class="brand-name">${name}</span></a>`,
    `    <button class="nav-toggle" type="button" aria-expanded="false" aria-controls="site-nav"><span class="nav-toggle-bars" aria-hidden="true"></span><span class="visually-hidden">${escapeHtml(ui.openNav)}</span></button>`,
    `    <nav class="site-nav" id="site-nav" aria-label="${escapeHtml(ui.mainNav)}">`,
    `      <ul class="nav-list" role="list">`,
    renderNavItems(ctx, ctx.spec.blocks),
    `      </ul>`,
    `    </nav>`,
    `  </div>`,
    `</header>`,
  ].join("\n");
}

/** The main call to action: the page's own form when it has one ("Book now"), else the kind's. */
function primaryAction(ctx: RenderContext): { href: string; label: string } {
  const form = ctx.spec.blocks.find((b) => b.layout === "form" && b.form);
  if (form?.form) return { href: `#${form.id}`, label: escapeHtml(formWording(ctx, form.form).cta) };
  return { href: resolveTarget(ctx.content.primaryTarget, ctx.spec.blocks), label: fillCopy(ctx, ctx.content.primaryCta) };
}

/** The second button names the section it really leads to when that is one the user asked for. */
function secondaryAction(ctx: RenderContext): { href: string; label: string } {
  const href = resolveTarget(ctx.content.secondaryTarget, ctx.spec.blocks);
  const block = ctx.spec.blocks.find((b) => `#${b.id}` === href);
  const label = block?.requested ? escapeHtml(fillSlots(ctx.locale.ui.see, { x: inSentence(block.heading, ctx.spec.lang) })) : fillCopy(ctx, ctx.content.secondaryCta);
  return { href, label };
}

function renderHero(ctx: RenderContext): string {
  const { content, spec } = ctx;
  const eyebrow = [content.eyebrow, spec.location, spec.date].filter(Boolean).join(" · ");
  const primary = primaryAction(ctx);
  const secondary = secondaryAction(ctx);
  const focus = spec.focus ? fillSlots(ctx.locale.ui.specialising, { x: plain(spec.focus) }) : "";
  return [
    `    <section class="hero" id="top" aria-labelledby="hero-title">`,
    `      <div class="container hero-inner">`,
    `        <div class="hero-copy">`,
    `          <p class="eyebrow eyebrow-pill">${fillCopy(ctx, eyebrow)}</p>`,
    `          <h1 id="hero-title">${escapeHtml(spec.name)}</h1>`,
    `          <p class="hero-tagline">${fillCopy(ctx, content.tagline)}</p>`,
    `          <p class="hero-lead">${fillCopy(ctx, content.lead)}${fillCopy(ctx, focus)}</p>`,
    `          <div class="hero-actions">`,
    `            <a class="button" href="${primary.href}">${primary.label}</a>`,
    `            <a class="button button-ghost" href="${secondary.href}">${secondary.label}</a>`,
    `          </div>`,
    `        </div>`,
    `        <figure class="hero-art">`,
    `          ${renderPicture(ctx, "hero", 0, { seed: "hero", ratio: "wide", alt: fillCopy(ctx, content.heroAlt) })}`,
    `        </figure>`,
    `      </div>`,
    `    </section>`,
  ].join("\n");
}

function renderFooter(ctx: RenderContext): string {
  const ui = ctx.locale.ui;
  const name = escapeHtml(ctx.spec.name);
  const links = ctx.spec.blocks.slice(0, 8).map((b) => `        <li><a href="#${b.id}">${navLabel(ctx, b)}</a></li>`);
  // The phone and e-mail the prompt gave are on every page's foot, with or without a contact block.
  const { phone, email } = ctx.content.contact;
  const reach = [phone ? phoneLink(phone) : "", email ? `<a data-copy="email" href="mailto:${escapeHtml(email)}">${escapeHtml(email)}</a>` : ""].filter(Boolean);
  return [
    `<footer class="site-footer">`,
    `  <div class="container footer-inner">`,
    `    <div class="footer-brand">`,
    `      <p class="footer-name">${name}</p>`,
    `      <p class="footer-tagline">${fillCopy(ctx, ctx.content.tagline)}</p>`,
    ...(reach.length ? [`      <p class="footer-contact">${reach.join(" · ")}</p>`] : []),
    `    </div>`,
    `    <nav aria-label="${escapeHtml(ui.footerNav)}">`,
    `      <ul class="footer-links" role="list">`,
    ...links,
    `      </ul>`,
    `    </nav>`,
    `  </div>`,
    `  <div class="container footer-bottom">`,
    `    <p>© <span data-year></span> ${name}. ${escapeHtml(ui.rights)}</p>`,
    `    <p><a href="#top">${escapeHtml(ui.backToTop)}</a></p>`,
    `  </div>`,
    `</footer>`,
  ].join("\n");
}

/** The whole body markup with the given blocks rendered (an empty list gives the skeleton). */
export function renderPage(ctx: RenderContext, blocks: readonly PageBlock[]): string {
  return [
    renderHeader(ctx),
    `<main id="main" tabindex="-1" lang="${ctx.spec.lang}" data-site-kind="${ctx.spec.kind}"${ctx.spec.business ? ` data-site-business="${escapeHtml(ctx.spec.business.id)}"` : ""} data-site-currency="${ctx.spec.currencyCode}" data-site-locale="${escapeHtml(ctx.spec.locale)}" data-site-name="${escapeHtml(ctx.spec.name)}"${ctx.spec.domainId ? ` data-site-domain="${ctx.spec.domainId}"` : ""}>`,
    renderHero(ctx),
    ...blocks.map((block) => renderBlock(ctx, block)),
    `</main>`,
    renderFooter(ctx),
    "",
  ].join("\n");
}
