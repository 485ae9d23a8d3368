/**
 * Sections with forms. Every control has a visible (or visually hidden) <label for>, and results are
 * announced through a polite live region; the script handles submission without any network.
 */

import { addressLine } from "../locale/locales";
import { escapeHtml, slugify } from "./html-escape";
import { renderIcon } from "./render-art";
import { fillCopy, wrapSection, type RenderContext } from "./render-context";
import type { IconName } from "../content/kind-content";
import { messageField, nameAndEmail, renderField } from "./render-request-form";

export function renderNewsletter(ctx: RenderContext): string {
  const ui = ctx.locale.ui;
  const id = `${ctx.block?.id ?? "newsletter"}-email`;
  return wrapSection(ctx, "newsletter", [
    `        <form class="inline-form" data-form="newsletter" data-success="${escapeHtml(ui.newsletterThanks)}">`,
    `          <label class="visually-hidden" for="${id}">${escapeHtml(ui.emailAddress)}</label>`,
    `          <div class="inline-form-row">`,
    `            <input id="${id}" name="email" type="email" autocomplete="email" placeholder="you@example.com" required>`,
    `            <button class="button" type="submit">${escapeHtml(ui.subscribe)}</button>`,
    `          </div>`,
    `          <p class="form-status" role="status" aria-live="polite" data-form-status></p>`,
    `        </form>`,
  ]);
}

export const phoneLink = (phone: string) => `<a data-copy="phone" href="tel:${escapeHtml(phone.replace(/[^\d+]/g, ""))}">${escapeHtml(phone)}</a>`;
/** A line of the contact details: an icon, its label and the value (escaped already). */
const detailItem = (icon: IconName, label: string, value: string) =>
  `            <li>${renderIcon(icon)}<span><strong>${escapeHtml(label)}</strong><br>${value}</span></li>`;
export const phoneItem = (ctx: RenderContext, phone: string) =>
  detailItem("phone", ctx.locale.ui.phone, phoneLink(phone));

export function renderContact(ctx: RenderContext): string {
  const { contact } = ctx.content;
  const ui = ctx.locale.ui;
  // Field ids follow the block, so a second contact-style block ("Visit us") never repeats an id.
  const p = ctx.block?.id ?? "contact";
  // The e-mail the prompt gave, else a placeholder on the site's name.
  const email = contact.email ? escapeHtml(contact.email) : `hello@${slugify(ctx.spec.name)}.com`;
  const address = addressLine(contact.address, ctx.spec.location, ui.addressOnRequest);
  const hours = contact.hours.map((h) => fillCopy(ctx, h)).join("<br>");
  return wrapSection(ctx, "contact", [
    `        <div class="contact-grid">`,
    `          <ul class="contact-details" role="list">`,
    detailItem("pin", ui.where, `<span data-copy="address">${fillCopy(ctx, address)}</span>`),
    detailItem("clock", ui.when, `<span data-copy="hours">${hours}</span>`),
    detailItem("chat", ui.email, `<a data-copy="email" href="mailto:${email}">${email}</a>`),
    ...(contact.phone ? [phoneItem(ctx, contact.phone)] : []),
    `          </ul>`,
    `          <form class="card contact-form" data-form="contact" data-success="${escapeHtml(ui.contactThanks)}">`,
    ...nameAndEmail(ui).map((field) => renderField(p, field)),
    `            <div class="field">`,
    `              <label for="${p}-topic">${fillCopy(ctx, contact.topicLabel)}</label>`,
    `              <select id="${p}-topic" name="topic">`,
    ...contact.topics.map((t) => `              <option>${fillCopy(ctx, t)}</option>`),
    `              </select>`,
    `            </div>`,
    renderField(p, messageField(ui.message)),
    `            <button class="button" type="submit">${fillCopy(ctx, contact.submit)}</button>`,
    `            <p class="form-status" role="status" aria-live="polite" data-form-status></p>`,
    `          </form>`,
    `        </div>`,
  ]);
}
