/**
 * Layouts for sections the engine has no special template for. "Aftercare" or "Vacunación" still
 * gets a real section under the user's heading, but the engine knows nothing of its content: it
 * says so in a short line and offers a way to ask, never a set of cards repeated under every such
 * heading. Each of these sections on a page takes the next line of the locale's set, so two of
 * them never read the same.
 */

import { findDomain } from "../content/domain-lexicon";
import type { PageBlock } from "../site-spec";
import { escapeHtml } from "./html-escape";
import { addressLine, fillSlots } from "../locale/locales";
import { contactTarget, wrapSection, type RenderContext } from "./render-context";
import { inSentence } from "./in-sentence";
import { hoursLine } from "../content/apply-facts";

export function renderCardsBlock(ctx: RenderContext, block: PageBlock): string {
  const lines = ctx.locale.copy.askBlocks;
  const ordinal = Math.max(0, ctx.spec.blocks.filter((b) => b.layout === "cards").findIndex((b) => b.id === block.id));
  const people = findDomain(ctx.spec.domainId)?.people ?? "team";
  const line = fillSlots(lines[ordinal % lines.length] ?? "", { topic: inSentence(block.heading, ctx.spec.lang), people });
  const ask = `        <p class="ask-action"><a class="button button-ghost" href="${contactTarget(ctx.spec.blocks)}">${escapeHtml(ctx.locale.ui.askUs)}</a></p>`;
  return wrapSection(ctx, "services", [ask], escapeHtml(line));
}

export function renderHoursBlock(ctx: RenderContext): string {
  const ui = ctx.locale.ui;
  // The hours the prompt stated, as written; else the locale's usual week.
  const stated = ctx.spec.facts?.hours ?? [];
  const week = stated.length ? stated.map((row) => [hoursLine({ text: row.days }), row.time]) : ui.hours;
  const rows = week.map(([day = "", time = ""]) => `          <li><span class="hours-day">${escapeHtml(day)}</span><span class="hours-time">${escapeHtml(time)}</span></li>`);
  const lead = escapeHtml(fillSlots(ui.hoursLead, { name: ctx.spec.name, address: addressLine(ctx.content.contact.address, ctx.spec.location, ui.addressOnRequest) }));
  return wrapSection(ctx, "schedule", [`        <ul class="hours-list" role="list" data-copy="hours">`, ...rows, `        </ul>`], lead);
}
