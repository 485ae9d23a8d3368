/**
 * The kinds of form a prompt can ask for, directly ("a booking form") or by implication
 * ("reservations", "let people sign up"). Each kind knows the words that imply it and how its
 * form is worded, so a reservation form says "Reserve", not "Send message".
 */

import words from "../data/section-words.json";

export const FORM_KINDS = [
  "booking",
  "reservation",
  "appointment",
  "registration",
  "signup",
  "subscription",
  "enquiry",
  "quote",
  "order",
  "donation",
  "waiver",
  "contact",
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

interface FormWording {
  /** Pattern that implies this form anywhere in a phrase. */
  pattern: RegExp;
  /** Default heading and nav label when the prompt names no heading of its own. */
  heading: string;
  /** Words for the submit button. */
  submit: string;
  /** Short label for summaries ("booking form"). */
  label: string;
  /** The hero's call to action when this is the page's main form. */
  cta: string;
}

export const FORM_WORDING: Record<FormKind, FormWording> = {
  booking: { pattern: /\bbookings?\b|\bbook\s+(?:a|an|your|their|now|online|lessons?|classes?|sessions?|rooms?|tours?|consultations?|stays?|treatments?|trips?|visits?|viewings?|shoots?|repairs?|demos?)\b|\bconsultations?\b/i, heading: "Booking", submit: "Request booking", label: "booking form", cta: "Book now" },
  reservation: { pattern: /\b(reserv(?:e|ations?|ing)|book\s+a\s+table)\b/i, heading: "Reservations", submit: "Reserve", label: "reservation form", cta: "Reserve a spot" },
  appointment: { pattern: /\bappointments?\b/i, heading: "Appointments", submit: "Request appointment", label: "appointment form", cta: "Book an appointment" },
  registration: { pattern: /\b(regist(?:er|ration|rations)|enrol(?:l|ment|ments|ling)?|rsvp)\b/i, heading: "Registration", submit: "Register", label: "registration form", cta: "Register now" },
  signup: { pattern: /\b(sign[\s-]?ups?|free\s+trial|trial\s+sign|join(?:\s+(?:us|the\s+club|the\s+waitlist))?|waitlist|wait[\s-]list|volunteer\s+form)\b/i, heading: "Sign up", submit: "Sign up", label: "sign-up form", cta: "Sign up" },
  subscription: { pattern: /\b(subscri(?:be|ptions?)|newsletter|mailing\s+list)\b/i, heading: "Subscribe", submit: "Subscribe", label: "subscription form", cta: "Subscribe" },
  enquiry: { pattern: /\b(enquir(?:y|ies|e)|inquir(?:y|ies|e))\b/i, heading: "Enquiries", submit: "Send enquiry", label: "enquiry form", cta: "Send an enquiry" },
  quote: { pattern: /\b(?:request|get|free|instant|ask\s+for)\s+(?:a\s+)?(?:free\s+)?quotes?\b|\bquote\s+(?:form|requests?)\b|\bquotations?\b|\bestimates?\b|\bvaluations?\b/i, heading: "Get a quote", submit: "Request a quote", label: "quote form", cta: "Get a quote" },
  order: { pattern: /\b(orders?|ordering|pre[\s-]?orders?)\b/i, heading: "Order", submit: "Place order", label: "order form", cta: "Order now" },
  donation: { pattern: /\b(donat(?:e|ions?)|give\s+now)\b/i, heading: "Donate", submit: "Donate", label: "donation form", cta: "Donate" },
  waiver: { pattern: /\b(waivers?|liability\s+(?:form|release)|consent\s+form|descargo|décharge|haftungsausschluss|termo\s+de\s+responsabilidade|liberatoria)\b/i, heading: "Waiver", submit: "Sign the waiver", label: "waiver form", cta: "Sign the waiver" },
  contact: { pattern: /\b(contact(?:\s+form)?|get\s+in\s+touch|message\s+us)\b/i, heading: "Contact", submit: "Send message", label: "contact form", cta: "Get in touch" },
};

/** Kinds checked from the most specific to the most generic ("book a table" is a reservation). */
const PRECEDENCE: readonly FormKind[] = [
  "waiver", "reservation", "appointment", "registration", "quote", "donation", "subscription", "signup", "enquiry", "order", "booking", "contact",
];

/** The words other languages use for each form ("pedidos", "réservation", "Termin"), from data. */
const FOREIGN = new Map(
  Object.entries(words.forms as Record<string, string>).map(([kind, source]) => [kind, new RegExp(`(?<![\\p{L}])(${source})(?![\\p{L}])`, "iu")]),
);

/** The form kind a phrase implies, if any. */
export function detectFormKind(phrase: string): FormKind | null {
  return PRECEDENCE.find((kind) => FORM_WORDING[kind].pattern.test(phrase) || FOREIGN.get(kind)?.test(phrase)) ?? null;
}

/** Forms implied anywhere in a prompt: "…and reservations", "let people book a lesson". */
export function detectFormsInText(text: string): FormKind[] {
  const found: FormKind[] = [];
  const clauses = text.split(/[.;!?\n,]|\band\b|\bwith\b|\s(?:y|et|und|e|con|avec|mit|com)\s/i);
  for (const clause of clauses) {
    if (/\b(no|without|not|don't|dont|never|sin|sans|ohne|sem|senza)\b/i.test(clause)) continue;
    // "newsletter signup" is one subscription form, not two.
    const kind = detectFormKind(clause);
    if (kind && kind !== "contact" && !found.includes(kind)) found.push(kind);
  }
  return found;
}
