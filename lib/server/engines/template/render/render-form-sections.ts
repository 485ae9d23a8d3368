/**
 * Sections with forms. Every control has a visible (or visually hidden) <label for>, and results are
 * announced through a polite live region; the script handles submission without any network.
 */

import { renderIcon } from "./render-art";
import { contactEmail, fillCopy, wrapSection, type RenderContext } from "./render-context";

export function renderNewsletter(ctx: RenderContext): string {
  return wrapSection(
    ctx,
    "newsletter",
    [
      `        <form class="inline-form" data-form="newsletter" data-success="Thanks for subscribing! Please check your inbox to confirm.">`,
      `          <label class="visually-hidden" for="${ctx.block?.id ?? "newsletter"}-email">Email address</label>`,
      `          <div class="inline-form-row">`,
      `            <input id="${ctx.block?.id ?? "newsletter"}-email" name="email" type="email" autocomplete="email" placeholder="you@example.com" required>`,
      `            <button class="button" type="submit">Subscribe</button>`,
      `          </div>`,
      `          <p class="form-status" role="status" aria-live="polite" data-form-status></p>`,
      `        </form>`,
    ].join("\n"),
  );
}

export function renderContact(ctx: RenderContext): string {
  const { contact } = ctx.content;
  // Field ids follow the block, so a second contact-style block ("Visit us") never repeats an id.
  const p = ctx.block?.id ?? "contact";
  const email = contactEmail(ctx);
  const address = ctx.spec.location ? `${contact.address}, ${ctx.spec.location}` : contact.address;
  const hours = contact.hours.map((h) => fillCopy(ctx, h)).join("<br>");
  const options = contact.topics.map((t) => `              <option>${fillCopy(ctx, t)}</option>`);
  return wrapSection(
    ctx,
    "contact",
    [
      `        <div class="contact-grid">`,
      `          <ul class="contact-details" role="list">`,
      `            <li>${renderIcon("pin")}<span><strong>Where</strong><br>${fillCopy(ctx, address)}</span></li>`,
      `            <li>${renderIcon("clock")}<span><strong>When</strong><br>${hours}</span></li>`,
      `            <li>${renderIcon("chat")}<span><strong>Email</strong><br><a href="mailto:${email}">${email}</a></span></li>`,
      `          </ul>`,
      `          <form class="card contact-form" data-form="contact" data-success="Thank you! Your message is on its way and we will reply soon.">`,
      `            <div class="field">`,
      `              <label for="${p}-name">Your name</label>`,
      `              <input id="${p}-name" name="name" type="text" autocomplete="name" required>`,
      `            </div>`,
      `            <div class="field">`,
      `              <label for="${p}-email">Email</label>`,
      `              <input id="${p}-email" name="email" type="email" autocomplete="email" required>`,
      `            </div>`,
      `            <div class="field">`,
      `              <label for="${p}-topic">${fillCopy(ctx, contact.topicLabel)}</label>`,
      `              <select id="${p}-topic" name="topic">`,
      ...options,
      `              </select>`,
      `            </div>`,
      `            <div class="field">`,
      `              <label for="${p}-message">Message</label>`,
      `              <textarea id="${p}-message" name="message" rows="4" required></textarea>`,
      `            </div>`,
      `            <button class="button" type="submit">${fillCopy(ctx, contact.submit)}</button>`,
      `            <p class="form-status" role="status" aria-live="polite" data-form-status></p>`,
      `          </form>`,
      `        </div>`,
    ].join("\n"),
  );
}
