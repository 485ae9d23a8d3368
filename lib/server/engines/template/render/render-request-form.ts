/**
 * A form for what the prompt asked visitors to do: book, reserve, register, subscribe, ask for a
 * quote, order or donate. Field ids are prefixed with the block id so several forms can share a
 * page, every control has a label, and the page script confirms without any network request.
 */

import { FORM_WORDING, type FormKind } from "../content/form-kinds";
import type { PageBlock } from "../site-spec";
import { escapeHtml } from "./html-escape";
import { fillCopy, wrapSection, type RenderContext } from "./render-context";

interface Field {
  name: string;
  label: string;
  control: "input" | "select" | "textarea";
  type?: string;
  autocomplete?: string;
  required?: boolean;
  options?: string[];
}

const NAME: Field = { name: "name", label: "Your name", control: "input", type: "text", autocomplete: "name", required: true };
const EMAIL: Field = { name: "email", label: "Email", control: "input", type: "email", autocomplete: "email", required: true };
const DATE: Field = { name: "date", label: "Preferred date", control: "input", type: "date", required: true };
const NOTE: Field = { name: "message", label: "Anything we should know?", control: "textarea" };

function choice(label: string, options: string[]): Field {
  return { name: "choice", label, control: "select", options };
}

function fieldsFor(kind: FormKind, offers: string[]): Field[] {
  switch (kind) {
    case "booking":
    case "appointment":
      return [NAME, EMAIL, choice("What would you like to book?", offers), DATE, NOTE];
    case "reservation":
      return [NAME, EMAIL, DATE, { name: "guests", label: "Number of guests", control: "input", type: "number", required: true }, NOTE];
    case "registration":
    case "signup":
      return [NAME, EMAIL, choice("I'm interested in", offers)];
    case "subscription":
      return [EMAIL];
    case "order":
      return [NAME, EMAIL, choice("What would you like to order?", offers), { name: "quantity", label: "Quantity", control: "input", type: "number", required: true }];
    case "donation":
      return [NAME, EMAIL, choice("Amount", ["10", "25", "50", "100", "Another amount"])];
    case "quote":
      return [NAME, EMAIL, choice("What do you need?", offers), { name: "message", label: "Tell us about the job", control: "textarea", required: true }];
    case "enquiry":
    case "contact":
      return [NAME, EMAIL, { name: "message", label: "Your message", control: "textarea", required: true }];
  }
}

function renderField(prefix: string, field: Field): string {
  const id = `${prefix}-${field.name}`;
  const required = field.required ? " required" : "";
  const auto = field.autocomplete ? ` autocomplete="${field.autocomplete}"` : "";
  const control =
    field.control === "textarea"
      ? `<textarea id="${id}" name="${field.name}" rows="4"${required}></textarea>`
      : field.control === "select"
        ? `<select id="${id}" name="${field.name}">${(field.options ?? []).map((o) => `<option>${escapeHtml(o)}</option>`).join("")}</select>`
        : `<input id="${id}" name="${field.name}" type="${field.type ?? "text"}"${field.type === "number" ? ' min="1"' : ""}${auto}${required}>`;
  return [`            <div class="field">`, `              <label for="${id}">${escapeHtml(field.label)}</label>`, `              ${control}`, `            </div>`].join("\n");
}

export function renderFormBlock(ctx: RenderContext, block: PageBlock): string {
  const kind = block.form ?? "contact";
  const wording = FORM_WORDING[kind];
  const offers = [...ctx.content.services.slice(0, 4).map((s) => fillCopy(ctx, s.title)), "Not sure yet"].map((o) => o.replace(/&amp;/g, "&"));
  const success = `Thank you! Your ${wording.label.replace(/ form$/, "")} request has reached ${ctx.spec.name}, and we will confirm by email soon.`;
  const lead = escapeHtml(`Use this form and ${ctx.spec.name} will reply within one working day.`);
  return wrapSection(
    ctx,
    "contact",
    [
      `          <form class="card request-form" data-form="${kind}" data-success="${escapeHtml(success)}">`,
      ...fieldsFor(kind, offers).map((f) => renderField(block.id, f)),
      `            <button class="button" type="submit">${escapeHtml(wording.submit)}</button>`,
      `            <p class="form-status" role="status" aria-live="polite" data-form-status></p>`,
      `          </form>`,
    ].join("\n"),
    lead,
  );
}
