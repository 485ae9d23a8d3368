/**
 * A form for what the prompt asked visitors to do: book, reserve, register, subscribe, ask for a
 * quote, order or donate. Field ids are prefixed with the block id so several forms can share a
 * page, every control has a label, and the page script confirms without any network request.
 */

import type { FormKind } from "../content/form-kinds";
import { fillSlots } from "../locale/locales";
import { KITCHEN_KINDS, type PageBlock } from "../site-spec";
import { escapeHtml } from "./html-escape";
import formKinds from "../data/form-kinds.json";
import { alternation } from "../word-pattern";
import { plain } from "../content/apply-domain";
import { askedTopics, fillCopy, wrapSection, type RenderContext } from "./render-context";

interface Field {
  name: string;
  label: string;
  control: "input" | "select" | "textarea" | "checkbox";
  type?: string;
  autocomplete?: string;
  required?: boolean;
  options?: string[];
}

type Ui = RenderContext["locale"]["ui"];

/** Field makers: a select of choices, a required input of a type ("date", "number"), a required message box. */
const choice = (label: string, options: string[]): Field => ({ name: "choice", label, control: "select", options });
const input = (name: string, label: string, type: string, autocomplete?: string): Field => ({
  name, label, control: "input", type, autocomplete, required: true,
});
export const messageField = (label: string): Field => ({ name: "message", label, control: "textarea", required: true });

/** The visitor's name and e-mail, which every form but a subscription asks for first. */
export function nameAndEmail(ui: Ui): [Field, Field] {
  return [input("name", ui.yourName, "text", "name"), input("email", ui.email, "email", "email")];
}

/** The fields each form needs, labelled in the page's language. */
function fieldsFor(kind: FormKind, offers: string[], ui: Ui, agree: string): Field[] {
  const [name, email] = nameAndEmail(ui);
  const date = input("date", ui.preferredDate, "date");
  const note: Field = { name: "message", label: ui.anythingElse, control: "textarea" };
  const agreed: Field = { name: "agree", label: agree, control: "checkbox", required: true };
  const booking = [name, email, choice(ui.whatBook, offers), date, note];
  const signup = [name, email, choice(ui.interested, offers)];
  const contact = [name, email, messageField(ui.yourMessage)];
  const forms: Record<FormKind, Field[]> = {
    booking,
    appointment: booking,
    reservation: [name, email, date, input("guests", ui.guests, "number"), note],
    registration: signup,
    signup,
    subscription: [email],
    order: [name, email, choice(ui.whatOrder, offers), input("quantity", ui.quantity, "number")],
    donation: [name, email, choice(ui.amount, ["10", "25", "50", "100", ui.anotherAmount])],
    quote: [name, email, choice(ui.whatNeed, offers), messageField(ui.jobDetails)],
    waiver: [name, email, input("birthdate", ui.birthDate, "date"), input("emergency", ui.emergency, "text"), agreed],
    enquiry: contact,
    contact,
  };
  return forms[kind];
}

/** One labelled control; its id is the form's prefix and the field's name. */
export function renderField(prefix: string, field: Field): string {
  const id = `${prefix}-${field.name}`;
  const required = field.required ? " required" : "";
  const auto = field.autocomplete ? ` autocomplete="${field.autocomplete}"` : "";
  if (field.control === "checkbox") {
    return [`            <div class="field field-check">`, `              <input id="${id}" name="${field.name}" type="checkbox"${required}>`, `              <label for="${id}">${escapeHtml(field.label)}</label>`, `            </div>`].join("\n");
  }
  const control =
    field.control === "textarea"
      ? `<textarea id="${id}" name="${field.name}" rows="4"${required}></textarea>`
      : field.control === "select"
        ? `<select id="${id}" name="${field.name}">${(field.options ?? []).map((o) => `<option>${escapeHtml(o)}</option>`).join("")}</select>`
        : `<input id="${id}" name="${field.name}" type="${field.type ?? "text"}"${field.type === "number" ? ' min="1"' : ""}${auto}${required}>`;
  return [`            <div class="field">`, `              <label for="${id}">${escapeHtml(field.label)}</label>`, `              ${control}`, `            </div>`].join("\n");
}

/** Only a kitchen reserves tables: a guest house's or a groomer's reservation is worded as a booking ("Book now"). */
export function formWording(ctx: RenderContext, kind: FormKind): RenderContext["locale"]["forms"][FormKind] {
  const wording = ctx.locale.forms[kind];
  return kind === "reservation" && !KITCHEN_KINDS.has(ctx.spec.kind) ? { ...wording, cta: ctx.locale.forms.booking.cta, submit: ctx.locale.forms.booking.submit } : wording;
}

const FIELD_TYPES = Object.entries(formKinds.fieldTypes).map(([type, labels]) => ({ type, re: new RegExp(`(?<![\\p{L}])(?:${alternation(labels)})(?![\\p{L}])`, "iu") }));

/** A field the prompt asked for, typed by its label's words: "Move date" is a date, "Number of rooms" a number. */
function askedField(label: string, i: number): Field {
  const type = FIELD_TYPES.find((t) => t.re.test(label))?.type ?? "text";
  return { name: `asked-${i + 1}`, label: plain(label), control: "input", type, ...(type === "email" || type === "tel" ? { autocomplete: type } : {}) };
}

/** The form's own fields with the asked ones before its message box (or at its end), none twice. */
function withAskedFields(fields: Field[], asked: readonly string[]): Field[] {
  const known = new Set(fields.map((f) => f.label.toLowerCase()));
  const extra = asked.filter((label) => !known.has(label.toLowerCase())).map(askedField);
  const at = fields.findIndex((f) => f.control === "textarea" || f.control === "checkbox");
  return at < 0 ? [...fields, ...extra] : [...fields.slice(0, at), ...extra, ...fields.slice(at)];
}

export function renderFormBlock(ctx: RenderContext, block: PageBlock): string {
  const kind = block.form ?? "contact";
  const ui = ctx.locale.ui;
  const wording = formWording(ctx, kind);
  // An order form offers what the page sells: its menu or products, else its services.
  // Products that only repeat the neutral services ("Advice") are nothing anyone orders.
  const services = new Set(ctx.content.services.map((s) => s.title));
  const sold = [...new Set([...ctx.content.menu.flatMap((g) => g.items), ...ctx.content.products].map((i) => i.name))].filter((name) => !services.has(name));
  const asked = ctx.spec.offers?.length ? [] : askedTopics(ctx.spec).map(escapeHtml);
  const listed = kind === "order" && sold.length ? sold.slice(0, 8).map((o) => fillCopy(ctx, o)) : asked.length ? asked.slice(0, 6) : (ctx.content.choices ?? ctx.content.services.slice(0, 4).map((s) => s.title)).map((t) => fillCopy(ctx, t));
  const offers = [...listed, escapeHtml(ui.notSure)].map((o) => o.replace(/&amp;/g, "&").replace(/&#39;/g, "'"));
  const success = fillSlots(ui.requestThanks, { name: ctx.spec.name });
  const lead = escapeHtml(fillSlots(ui.formLead, { name: ctx.spec.name }));
  const agree = fillSlots(ui.agree, { name: ctx.spec.name });
  const form = [
    `          <form class="card request-form" data-form="${kind}" data-success="${escapeHtml(success)}">`,
    ...withAskedFields(fieldsFor(kind, offers, ui, agree), block.fields ?? []).map((f) => renderField(block.id, f)),
    `            <button class="button" type="submit">${escapeHtml(wording.submit)}</button>`,
    `            <p class="form-status" role="status" aria-live="polite" data-form-status></p>`,
    `          </form>`,
  ];
  return wrapSection(ctx, "contact", form, lead);
}
