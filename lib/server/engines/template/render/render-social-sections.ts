/** Sections that build trust: testimonials, pricing plans and answers to common questions. */

import { fillSlots } from "../locale/locales";
import { escapeHtml } from "./html-escape";
import { initialsOf } from "./render-art";
import { contactTarget, fillCopy, formatPrice, wrapSection, type RenderContext } from "./render-context";

export function renderTestimonials(ctx: RenderContext): string {
  const quotes = ctx.content.testimonials.flatMap((t) => [
    `          <figure class="card quote">`,
    `            <p class="stars"><span aria-hidden="true">★★★★★</span><span class="visually-hidden">${escapeHtml(ctx.locale.ui.rated)}</span></p>`,
    `            <blockquote><p>“${fillCopy(ctx, t.quote)}”</p></blockquote>`,
    `            <figcaption><span class="avatar avatar-small" aria-hidden="true">${fillCopy(ctx, initialsOf(t.author))}</span><span><strong>${fillCopy(ctx, t.author)}</strong> <span class="quote-role">${fillCopy(ctx, t.role)}</span></span></figcaption>`,
    `          </figure>`,
  ]);
  return wrapSection(ctx, "testimonials", [`        <div class="quote-grid">`, ...quotes, `        </div>`]);
}

export function renderPricing(ctx: RenderContext): string {
  const target = contactTarget(ctx.spec.blocks);
  const plans = ctx.content.pricing.flatMap((plan) => {
    // "$0 / month" rather than "Free", which would repeat a plan usually called "Free".
    const price = plan.price === 0 ? escapeHtml(`${ctx.spec.currency}0`) : formatPrice(ctx, plan.price, { exact: plan.exact, from: plan.from });
    const period = plan.period ? ` <span class="plan-period">/ ${fillCopy(ctx, plan.period)}</span>` : "";
    return [
      `          <div class="card plan${plan.featured ? " plan-featured" : ""}">`,
      ...(plan.featured ? [`            <p class="plan-badge">${escapeHtml(ctx.locale.ui.mostPopular)}</p>`] : []),
      `            <h3>${fillCopy(ctx, plan.name)}</h3>`,
      `            <p class="plan-price"><span class="plan-amount" data-price>${price}</span>${period}</p>`,
      ...(plan.text ? [`            <p class="plan-text">${fillCopy(ctx, plan.text)}</p>`] : []),
      `            <ul class="check-list">`,
      ...plan.features.map((f) => `              <li>${fillCopy(ctx, f)}</li>`),
      `            </ul>`,
      `            <a class="button${plan.featured ? "" : " button-ghost"}" href="${target}">${escapeHtml(fillSlots(ctx.locale.ui.choose, { x: "\u0000" })).replace("\u0000", fillCopy(ctx, plan.name))}</a>`,
      `          </div>`,
    ];
  });
  return wrapSection(ctx, "pricing", [`        <div class="pricing-grid">`, ...plans, `        </div>`]);
}

export function renderFaq(ctx: RenderContext): string {
  const items = ctx.content.faq.flatMap((item, i) => [
    `          <details class="faq-item"${i === 0 ? " open" : ""}>`,
    `            <summary>${fillCopy(ctx, item.q)}</summary>`,
    `            <p>${fillCopy(ctx, item.a)}</p>`,
    `          </details>`,
  ]);
  return wrapSection(ctx, "faq", [`        <div class="faq-list">`, ...items, `        </div>`]);
}
