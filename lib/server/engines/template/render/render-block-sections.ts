/**
 * Layouts for sections the engine has no special template for. "Aftercare" or "Areas we cover"
 * still get a real section under that heading: a lead that names the site and its trade, and
 * cards that say what the visitor can expect.
 */

import { findDomain } from "../content/domain-lexicon";
import type { PageBlock } from "../site-spec";
import { renderIcon } from "./render-art";
import { escapeHtml } from "./html-escape";
import { fillSlots } from "../locale/locales";
import { fillCopy, wrapSection, type RenderContext } from "./render-context";
import { inSentence } from "./in-sentence";

function trade(ctx: RenderContext): string {
  return ctx.spec.topic ?? ctx.content.label.toLowerCase();
}

function people(ctx: RenderContext): string {
  return findDomain(ctx.spec.domainId)?.people ?? "team";
}

function renderCard(title: string, text: string, icon: "spark" | "chat" | "clock" | "star", escape = true): string {
  return [
    `          <li class="card">`,
    `            <span class="card-icon">${renderIcon(icon)}</span>`,
    `            <h3>${escape ? escapeHtml(title) : title}</h3>`,
    `            <p>${escape ? escapeHtml(text) : text}</p>`,
    `          </li>`,
  ].join("\n");
}

export function renderCardsBlock(ctx: RenderContext, block: PageBlock): string {
  if (ctx.spec.lang !== "en") {
    // Other languages: the section keeps the user's heading over the trade's own services.
    const cards = ctx.content.services.map((c) => renderCard(fillCopy(ctx, c.title), fillCopy(ctx, c.text), "spark", false));
    return wrapSection(ctx, "services", [`        <ul class="card-grid" role="list">`, ...cards, `        </ul>`].join("\n"), fillCopy(ctx, ctx.content.titles.services.lead));
  }
  const topic = inSentence(block.heading, ctx.spec.lang);
  const name = ctx.spec.name;
  const where = ctx.spec.location ? ` in ${ctx.spec.location}` : "";
  const lead = escapeHtml(`${block.heading} at ${name}, the ${trade(ctx)}${where}.`);
  const cards = [
    renderCard(`${block.heading} at ${name}`, `Everything about ${topic}, explained plainly by our ${people(ctx)}, with no jargon and no surprises.`, "spark"),
    renderCard("How it works", `Tell us what you need, we confirm the details with you, and our ${people(ctx)} take it from there.`, "clock"),
    renderCard("Questions?", `Ask us anything about ${topic}. We reply within one working day.`, "chat"),
  ];
  return wrapSection(ctx, "services", [`        <ul class="card-grid" role="list">`, ...cards, `        </ul>`].join("\n"), lead);
}

export function renderHoursBlock(ctx: RenderContext): string {
  const ui = ctx.locale.ui;
  const where = ctx.spec.location ? `, ${ctx.spec.location}` : "";
  const rows = ui.hours.map(([day = "", time = ""]) => `          <li><span class="hours-day">${escapeHtml(day)}</span><span class="hours-time">${escapeHtml(time)}</span></li>`);
  const lead = escapeHtml(fillSlots(ui.hoursLead, { name: ctx.spec.name, address: `${ctx.content.contact.address}${where}` }));
  return wrapSection(ctx, "schedule", [`        <ul class="hours-list" role="list" data-copy="hours">`, ...rows, `        </ul>`].join("\n"), lead);
}

export const BLOCK_STYLES = `/* section: blocks */
.hours-list { display: grid; gap: 0; max-width: 32rem; margin: 0; padding: 0; list-style: none; border-top: 1px solid var(--border); }
.hours-list li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem 1rem; padding: 0.85rem 0; border-bottom: 1px solid var(--border); }
.hours-day { font-weight: 600; }
.hours-time { color: var(--muted); }
.request-form { max-width: 40rem; }
.field-row { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr)); }
`;
