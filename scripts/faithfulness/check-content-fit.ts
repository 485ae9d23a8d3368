/**
 * The content-fit checks (issue 17): software copy off software, the currency of every price, the
 * page's language, style words that must not become sections, a neutral name, the hero after an
 * edit, honest "not applied" edits and undo. Pure, like check-asks: facts in, verdicts out; every
 * rule reads what a visitor sees (text, lang attribute, form controls), never engine markers.
 */

import type { Asks } from "./case-schema";
import type { AskResult } from "./check-asks";
import type { PageFacts } from "./page-facts";

/** What a page about software says and a page about a bakery never should. */
const SOFTWARE_COPY =
  /\b(core features|integrations?|dashboard|free trial|saas|api|workspaces?|unlimited projects|community support|priority support|admin controls|per seat|sign up free|onboarding|start your trial|no credit card)\b/i;
/** English fixed strings a page in another language must not show. */
const ENGLISH_UI = ["Skip to content", "All rights reserved", "Back to top", "Your name", "Send message", "Get in touch", "What people say", "Open navigation", "Learn more", "Frequently asked questions", "Book now", "Rated 5 out of 5", "Anything we should know"];
/** Heads a neutral name may use with the prompt's own words ("Leeds Dentist", "Kyoto Ramen Restaurant"). */
const GENERIC_HEADS = ["restaurant", "shop", "studio", "salon", "clinic", "gym", "cafe", "café", "bar", "school", "centre", "center", "store", "bakery", "practice", "services"];
const PRICE = /(?:[$€£¥₹]|US\$|(?<![A-Za-z])[A-Z]{3})\s?\d[\d.,\s]*\d?|\d[\d.,\u202f\u00a0]*\s?(?:[$€£¥₹]|[A-Z]{3})(?![A-Za-z])/g;

function fold(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/** The symbols a currency is written with in any of the six page languages. */
function symbolsOf(code: string): string[] {
  const symbols = new Set<string>([code]);
  // Each currency as its own countries write it too: "$" is right for AUD on a page in en-AU.
  const locales = ["en-US", "en-GB", "es-ES", "fr-FR", "de-DE", "pt-PT", "it-IT", "en-JP", "en-IN", "en-AU", "en-CA", "en-NZ", "en-SG", "en-ZA", "es-MX", "es-CO", "es-AR", "pt-BR", "de-CH", "fr-CH"];
  for (const locale of locales) {
    const part = new Intl.NumberFormat(locale, { style: "currency", currency: code }).formatToParts(1).find((p) => p.type === "currency");
    if (part) symbols.add(part.value);
  }
  return [...symbols];
}

export interface FitContext {
  prompt: string;
  /** The engine's first message for this step. */
  understood: string;
  /** The follow-up ended NOT_APPLIED (no new site). */
  notApplied: boolean;
  /** This step's page and the pages of earlier steps (index 0: the first prompt). */
  html: string;
  earlier: string[];
}

function result(ask: string, met: boolean, why: string): AskResult {
  return { category: "fit", ask, met, why: met ? undefined : why };
}

export function checkContentFit(asks: Asks, facts: PageFacts, ctx: FitContext): AskResult[] {
  const fit = asks.fit;
  if (!fit) return [];
  const results: AskResult[] = [];
  if (fit.offSoftware) {
    const hit = SOFTWARE_COPY.exec(facts.text)?.[0];
    results.push(result("no software copy", !hit, `says “${hit}”`));
  }
  if (fit.currency) {
    const prices = facts.text.match(PRICE) ?? [];
    const symbols = symbolsOf(fit.currency);
    const wrong = prices.filter((p) => !symbols.some((s) => p.includes(s)));
    if (prices.length) results.push(result(`prices in ${fit.currency}`, wrong.length === 0, `prices like “${wrong[0]}”`));
  }
  if (fit.lang) {
    const leaks = fit.lang === "en" ? [] : ENGLISH_UI.filter((s) => facts.text.includes(s));
    const met = facts.lang === fit.lang && leaks.length === 0;
    results.push(result(`page in ${fit.lang}`, met, facts.lang !== fit.lang ? `lang="${facts.lang}"` : `English text “${leaks[0]}”`));
  }
  for (const word of fit.styleWords ?? []) {
    const w = fold(word);
    const asSection = [...facts.headings, ...facts.navLinks].find((h) => fold(h).split(/[^\p{L}]+/u).includes(w));
    results.push(result(`“${word}” is a style, not a section`, !asSection, `section “${asSection}”`));
  }
  if (fit.neutralName) {
    const allowed = [...fold(ctx.prompt).split(/[^\p{L}\p{N}]+/u), ...fit.neutralName.map(fold), ...GENERIC_HEADS].filter((w) => w.length >= 3);
    const foreign = fold(facts.h1).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !allowed.some((a) => a.slice(0, 4) === w.slice(0, 4)));
    results.push(result("neutral name", foreign.length === 0, `h1 “${facts.h1}” has ${foreign.join(", ")}`));
  }
  if (fit.hero) results.push(result(`hero says “${fit.hero}”`, fold(facts.hero).includes(fold(fit.hero)), `hero is “${facts.hero.slice(0, 80)}”`));
  if (fit.notApplied !== undefined) {
    const unchanged = ctx.html === ctx.earlier.at(-1);
    const met = ctx.notApplied === fit.notApplied && (!fit.notApplied || unchanged);
    results.push(result(fit.notApplied ? "reported as not applied" : "applied", met, ctx.notApplied ? "ended not applied" : "reported as done"));
  }
  if (fit.keepsName) {
    const before = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(ctx.earlier.at(-1) ?? "")?.[1]?.replace(/<[^>]*>/g, "").replace(/&amp;/g, "&").trim() ?? "";
    results.push(result("keeps the name", fold(facts.h1) === fold(before), `h1 went from “${before}” to “${facts.h1}”`));
  }
  if (fit.understood) results.push(result(`says “${fit.understood}”`, fold(ctx.understood).includes(fold(fit.understood)), `said “${ctx.understood.slice(0, 100)}”`));
  if (fit.restores !== undefined) results.push(result(`restores step ${fit.restores}`, ctx.html === ctx.earlier[fit.restores], "page differs"));
  return results;
}

/** Fields a requested form needs to fit: a waiver has its required agreement, an order form lists what is sold. */
export function checkFormFields(asks: Asks, facts: PageFacts): AskResult[] {
  const results: AskResult[] = [];
  if (asks.forms?.includes("waiver")) {
    const met = facts.formDetails.some((f) => f.requiredCheckbox);
    results.push(result("waiver has a required agreement", met, "no required checkbox"));
  }
  if (asks.forms?.includes("order")) {
    const met = facts.formDetails.some((f) => f.options.filter((o) => facts.listedItems.includes(o)).length >= 2);
    results.push(result("order form lists the items", met, "its choices are not the items on the page"));
  }
  return results;
}
