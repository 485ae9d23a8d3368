/**
 * Checks each explicit ask against what the rendered page shows. Pure: facts in, one verdict per
 * ask out, so the rules can be read (and unit-tested) on their own. Every rule reads visible text
 * or computed pixels, never the engine's own markers.
 */

import type { Asks } from "./case-schema";
import type { PageFacts } from "./page-facts";

export type AskCategory = "sections" | "forms" | "colour" | "theme" | "font" | "name" | "domain" | "details" | "removed" | "fit";

export interface AskResult {
  category: AskCategory;
  ask: string;
  met: boolean;
  why?: string;
}

// English words, and the same asks in es/fr/de/pt/it for the content-fit prompts.
const FORM_WORDS: Record<string, RegExp> = {
  booking: /\b(book|reserv|buch|marca[çc])/i,
  reservation: /\b(reserv|prenot)/i,
  appointment: /\b(appointment|cita|rendez|termin|consulta|appuntament)/i,
  registration: /\b(regist|enrol|inscri|anmeld|iscri)/i,
  signup: /\b(sign[\s-]?up|join|regist)/i,
  subscription: /\b(subscri|newsletter|suscri|abonn|iscriv)/i,
  enquiry: /\b(enquir|inquir|consult|demande|anfrage)/i,
  quote: /\b(quote|estimate|presupuesto|devis|angebot|or[çc]amento|preventiv)/i,
  order: /\b(order|pedid|pedir|command|bestell|encomend|ordin)/i,
  donation: /\b(donat|don\b|spend|doa[çc])/i,
  waiver: /\b(waiver|descargo|d[ée]charge|haftungsausschluss|termo de responsabilidade|liberatoria)/i,
  contact: /\b(contact|message|get in touch|call ?back|enquir|inquir|kontakt|contat|mensaje|nachricht|messaggio|mensagem)/i,
};

/** Lower-case letters and digits only, with a plural "s" dropped, so "Prices" matches "price". */
function norm(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => (w.length > 3 ? w.replace(/s$/, "") : w))
    .join(" ");
}

function matches(candidate: string, asked: string): boolean {
  const a = norm(asked);
  const c = norm(candidate);
  return a.length > 0 && (c === a || ` ${c} `.includes(` ${a} `));
}

function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function checkSections(asked: string[], facts: PageFacts): AskResult[] {
  let lastIndex = -1;
  return asked.map((heading) => {
    const index = facts.headings.findIndex((h, i) => i > lastIndex && matches(h, heading));
    const anywhere = facts.headings.findIndex((h) => matches(h, heading));
    const inNav = facts.navLinks.some((link) => matches(link, heading) || matches(heading, link));
    if (index >= 0) lastIndex = index;
    const why = anywhere < 0 ? "no heading" : index < 0 ? "out of order" : !inNav ? "not in the navigation" : undefined;
    return { category: "sections" as const, ask: heading, met: why === undefined, why };
  });
}

export function checkAsks(asks: Asks, facts: PageFacts): AskResult[] {
  const results: AskResult[] = [];
  if (asks.name) {
    const met = matches(facts.h1, asks.name) || matches(facts.brand, asks.name);
    results.push({ category: "name", ask: asks.name, met, why: met ? undefined : `h1 is “${facts.h1}”` });
  }
  if (asks.sections) results.push(...checkSections(asks.sections, facts));
  for (const heading of asks.absent ?? []) {
    const present = facts.headings.some((h) => matches(h, heading)) || facts.navLinks.some((l) => matches(l, heading));
    results.push({ category: "removed", ask: heading, met: !present, why: present ? "still on the page" : undefined });
  }
  for (const kind of asks.forms ?? []) {
    const pattern = FORM_WORDS[kind] ?? /$^/;
    const met = facts.forms.some((text) => pattern.test(text));
    results.push({ category: "forms", ask: `${kind} form`, met, why: met ? undefined : `${facts.forms.length} forms, none for ${kind}` });
  }
  if (asks.color) {
    const met = facts.hue !== null && hueDistance(facts.hue, asks.color.hue) <= 30;
    results.push({ category: "colour", ask: asks.color.word, met, why: met ? undefined : `dominant hue ${facts.hue ?? "none"}, wanted ${asks.color.hue}` });
  }
  if (asks.theme) {
    const lum = luminance(facts.background);
    const met = asks.theme === "dark" ? lum < 0.2 : lum > 0.5;
    results.push({ category: "theme", ask: asks.theme, met, why: met ? undefined : `background luminance ${lum.toFixed(2)}` });
  }
  if (asks.font) {
    const family = facts.h1Font.toLowerCase();
    const kind = /monospace|mono\b/.test(family) ? "mono" : /(^|,\s*)serif\b|ui-serif|georgia|palatino|times/.test(family) && !/^\s*(system-ui|-apple-system)/.test(family) ? "serif" : "sans";
    results.push({ category: "font", ask: asks.font, met: kind === asks.font, why: kind === asks.font ? undefined : `h1 font is ${kind}` });
  }
  if (asks.domain) {
    const text = facts.text.toLowerCase();
    const missing = asks.domain.filter((w) => !text.includes(w.toLowerCase()));
    results.push({ category: "domain", ask: asks.domain.join(", "), met: missing.length === 0, why: missing.length ? `missing ${missing.join(", ")}` : undefined });
  }
  for (const detail of asks.texts ?? []) {
    const met = facts.text.toLowerCase().includes(detail.toLowerCase());
    results.push({ category: "details", ask: detail, met, why: met ? undefined : "not in the page text" });
  }
  return results;
}
