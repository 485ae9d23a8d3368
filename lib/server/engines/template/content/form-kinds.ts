/**
 * The kinds of form a prompt can ask for, directly ("a booking form") or by implication
 * ("reservations", "let people sign up"). Each kind knows the words that imply it and how its
 * form is worded, so a reservation form says "Reserve", not "Send message".
 */

import words from "../data/section-words.json";
import forms from "../data/form-kinds.json";

export type FormKind = keyof typeof forms.wording;
export const FORM_KINDS = Object.keys(forms.wording) as FormKind[];

/**
 * Each form's default heading and nav label, submit words, summary label ("booking form") and the
 * hero's call to action, and the pattern that implies it anywhere in a phrase.
 */
export const FORM_WORDING = Object.fromEntries(
  Object.entries(forms.wording).map(([kind, w]) => [kind, { ...w, pattern: new RegExp(w.pattern, "i") }]),
) as Record<FormKind, Omit<(typeof forms.wording)[FormKind], "pattern"> & { pattern: RegExp }>;

/** Kinds checked from the most specific to the most generic ("book a table" is a reservation). */
const PRECEDENCE = forms.precedence as FormKind[];

/** The words other languages use for each form ("pedidos", "réservation", "Termin"), from data. */
const FOREIGN = new Map(
  Object.entries(words.forms as Record<string, string>).map(([kind, source]) => [kind, new RegExp(`(?<![\\p{L}])(${source})(?![\\p{L}])`, "iu")]),
);

/** The form kind a phrase implies, if any. */
export function detectFormKind(phrase: string): FormKind | null {
  return PRECEDENCE.find((kind) => FORM_WORDING[kind].pattern.test(phrase) || FOREIGN.get(kind)?.test(phrase)) ?? null;
}

const CLAUSE_BREAK = new RegExp(`[.;!?\\n,]|\\band\\b|\\bwith\\b|\\s(?:${forms.clauseWords.joiners.join("|")})\\s`, "i");
const NEGATION = new RegExp(`\\b(${forms.clauseWords.negations.join("|")})\\b`, "i");

/** Forms implied anywhere in a prompt: "…and reservations", "let people book a lesson". */
export function detectFormsInText(text: string): FormKind[] {
  const asked = text.split(CLAUSE_BREAK).filter((clause) => !NEGATION.test(clause));
  // One kind per clause: "newsletter signup" is one subscription form, not two.
  return [...new Set(asked.map(detectFormKind))].filter((kind): kind is FormKind => kind !== null && kind !== "contact");
}
