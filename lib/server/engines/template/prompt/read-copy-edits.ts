/**
 * The copy edits people type, in any language the engine writes (words in data/edit-words.json):
 * the hero's line, the address, phone, e-mail, opening hours, an item's price, a testimonial, and
 * undo / redo. Quoted text is data, never a command: a request is read only from the words outside
 * quotes (and never from fenced or ">"-quoted blocks, where a site's error text arrives), and a
 * quote supplies the value only when a request outside it asks.
 */

import data from "../data/edit-words.json";
import { PAGE_LANGUAGES, type PageLanguage } from "../locale/read-language";
import { WORD_END as E, WORD_START as B, alternation as alt } from "../word-pattern";
import { amountOf } from "../locale/stated-currency";

export type CopyEditIntent =
  | { type: "tagline"; text: string }
  | { type: "address"; text: string }
  | { type: "phone"; text: string }
  | { type: "email"; text: string }
  | { type: "hours"; text: string }
  | { type: "price"; item: string; amount: number }
  | { type: "testimonial"; quote: string; author: string | null }
  | { type: "undo" }
  | { type: "redo" };

const QUOTE = /["“”«»„]([^"“”«»„\n]{1,200})["“”«»„]/g;
const SINGLE = /(^|[\s(:])'([^'\n]{1,200})'(?=[\s,.;:!?)]|$)/g;
const MARK = "\u0001";

/** Masks quoted spans (kept for values) and drops fenced or ">" blocks (never read at all). */
export function maskQuotes(raw: string): { text: string; quotes: string[] } {
  const quotes: string[] = [];
  const text = raw
    .replace(/```[\s\S]*?(?:```|$)/g, " ")
    .replace(/^\s*>.*$/gm, " ")
    .replace(QUOTE, (_m, inner: string) => `${MARK}${quotes.push(inner) - 1}${MARK}`)
    .replace(SINGLE, (_m, before: string, inner: string) => `${before}${MARK}${quotes.push(inner) - 1}${MARK}`);
  return { text, quotes };
}

export function unmaskQuotes(value: string, quotes: string[]): string {
  return value.replace(new RegExp(`${MARK}(\\d+)${MARK}`, "g"), (_m, i: string) => quotes[Number(i)] ?? "").trim();
}

type Group = keyof typeof data.words;
type Slot = keyof typeof data.slots;
type ByLanguage = Partial<Record<PageLanguage, string[]>>;
const wordsOf = (group: Group, lang: PageLanguage): string[] => (data.words[group] as ByLanguage)[lang] ?? [];
const slotOf = (slot: Slot, lang: PageLanguage): string[] => (data.slots[slot] as ByLanguage)[lang] ?? [];
/** A slot's nouns in every page language ("phone", "teléfono", "Telefon"). */
export const slotWords = (slot: Slot) => PAGE_LANGUAGES.flatMap((lang) => slotOf(slot, lang));
/** Articles and possessives before a noun ("notre ", "l'"), elided ones without the space. */
const article = (lang: PageLanguage) => {
  const list = wordsOf("art", lang);
  return `(?:(?:${alt(list.filter((w) => !/['’]$/.test(w)))})\\s+|(?:${alt(list.filter((w) => /['’]$/.test(w)))}))`;
};
const regex = (source: string) => new RegExp(source, "iu");

interface Trigger { re: RegExp; lang: PageLanguage }
/** "<verb> [article…] <noun> [tail]", "<noun>:", and for statements "[article…] <noun> <is>", per language. */
function buildTriggers(slot: Slot, verbs: Group[]): Trigger[] {
  return PAGE_LANGUAGES.flatMap((lang) => {
    const nouns = alt(slotOf(slot, lang));
    const verb = alt(verbs.flatMap((v) => wordsOf(v, lang)));
    const tail = wordsOf("tail", lang).length ? `(?:\\s+(?:${alt(wordsOf("tail", lang))})${E})?` : "";
    const sources = [`${B}(?:${verb})\\s+${article(lang)}{0,3}(?:${nouns})${E}${tail}`, `${B}(?:${nouns})\\s*:`];
    if (data.statements.includes(slot)) sources.push(`${B}${article(lang)}{1,3}(?:${nouns})\\s+(?:${alt(wordsOf("is", lang))})${E}`);
    const extra = (data.patterns as unknown as Record<string, ByLanguage>)[slot]?.[lang] ?? [];
    return [...sources, ...extra.map((p) => `${B}${p}`)].map((source) => ({ re: regex(source), lang }));
  });
}

/** The earliest trigger in the text, and the language it was written in. */
function findTrigger(text: string, triggers: Trigger[]): { m: RegExpExecArray; lang: PageLanguage } | null {
  let best: { m: RegExpExecArray; lang: PageLanguage } | null = null;
  for (const { re, lang } of triggers) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.m.index)) best = { m, lang };
  }
  return best;
}

const LEADS = new Map(PAGE_LANGUAGES.map((lang) => [lang, regex(`^(?:\\s*(?:(?:${alt(wordsOf("to", lang))})${E}|[:=–-]))*\\s*`)]));

/** The value after a trigger (a quote if one follows at once, else the rest of the sentence) and where it ends. */
function valueAfter(text: string, from: number, quotes: string[], lang: PageLanguage): { value: string; end: number } | null {
  const lead = LEADS.get(lang)?.exec(text.slice(from))?.[0] ?? "";
  const start = from + lead.length;
  const rest = text.slice(start);
  const quoted = new RegExp(`^${MARK}(\\d+)${MARK}`).exec(rest);
  if (quoted) return { value: quotes[Number(quoted[1])] ?? "", end: start + quoted[0].length };
  const sentence = /^[^\n;]{1,160}?(?=\s*(?:[.!?](?:\s|$)|\n|;|$))/.exec(rest)?.[0] ?? "";
  const value = unmaskQuotes(sentence, quotes).replace(/^(?:our|the|my)\s+/i, "").trim();
  return value.length >= 2 ? { value: value.slice(0, 160), end: start + sentence.length } : null;
}

const TAGLINE = buildTriggers("tagline", ["change"]);
const ADDRESS = buildTriggers("address", ["add", "change"]);
const HOURS = buildTriggers("hours", ["add", "change"]);
const HOURS_HINT = regex(data.hoursHints.join("|"));
const askOf = (slot: Slot) => regex(`${B}(?:${alt(slotWords(slot))})${E}`);
const PHONE = /(?:\+?\(?\d[\d\s().-]{5,20}\d)/;
const PHONE_ASK = askOf("phone");
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+/;
const EMAIL_ASK = askOf("email");
const AMOUNT = String.raw`\d{1,3}(?:[,.\s]\d{3})+(?:[.,]\d{1,2})?|\d{1,7}(?:[.,]\d{1,2})?`;
const PRICE: Trigger[] = PAGE_LANGUAGES.map((lang) => ({
  lang,
  re: regex(`${B}(?:(?:${alt(wordsOf("change", lang))})\\s+)?${article(lang)}{0,2}(?:${alt(data.slots.price[lang])})\\s+(?:${alt(wordsOf("of", lang))})${E}\\s*${article(lang)}?(.{2,60}?)\\s+(?:${alt(wordsOf("to", lang))})\\s+([€£$¥]?\\s?(?:${AMOUNT}))`),
}));
const PRICE_MAKE = regex(`${B}${data.patterns.priceMake.replace(/\{AMOUNT\}/g, AMOUNT)}`);
const TESTIMONIAL: Trigger[] = PAGE_LANGUAGES.map((lang) => ({
  lang,
  re: regex(`${B}(?:${alt(wordsOf("add", lang))})\\s+${article(lang)}{0,2}(?:${alt(data.slots.testimonial[lang])})${E}(?:\\s+(?:${alt(wordsOf("from", lang))})\\s+([^:\\u0001,.]{2,40}?))?(?:\\s+(?:${alt(wordsOf("tail", lang))}))?\\s*:?\\s*\\u0001(\\d+)\\u0001(?:\\s*[—–-]\\s*([^\\n.]{2,40}))?`),
}));
const whole = (phrases: string[]) => {
  const please = alt(PAGE_LANGUAGES.flatMap((l) => wordsOf("please", l)));
  return regex(`^\\s*(?:(?:${please})[\\s,]+)?(?:${alt(phrases)})(?:[\\s,]+(?:${please}))?\\s*[.!]?\\s*$`);
};
const UNDO = whole(Object.values(data.undo).flat());
const REDO = whole(Object.values(data.redo).flat());

/** The copy edits a follow-up asks for, and the prompt with those requests taken out. */
export function parseCopyEdits(raw: string): { intents: CopyEditIntent[]; rest: string } {
  const { text, quotes } = maskQuotes(String(raw ?? "").slice(0, 4000));
  if (UNDO.test(text)) return { intents: [{ type: "undo" }], rest: "" };
  if (REDO.test(text)) return { intents: [{ type: "redo" }], rest: "" };
  const intents: CopyEditIntent[] = [];
  let rest = text;
  const take = (m: RegExpExecArray | null | undefined, make: (m: RegExpExecArray) => CopyEditIntent | null) => {
    const intent = m ? make(m) : null;
    if (m && intent) {
      intents.push(intent);
      rest = rest.replace(m[0], " ");
    }
  };
  // A value-taking request: the trigger and its value both leave the text ("say 'Book now'" is no form).
  const takeValue = (triggers: Trigger[], make: (value: string) => CopyEditIntent | null) => {
    const hit = findTrigger(rest, triggers);
    const found = hit ? valueAfter(rest, hit.m.index + hit.m[0].length, quotes, hit.lang) : null;
    const intent = found ? make(found.value) : null;
    if (hit && found && intent) {
      intents.push(intent);
      rest = `${rest.slice(0, hit.m.index)} ${rest.slice(found.end)}`;
    }
  };
  take(findTrigger(rest, TESTIMONIAL)?.m, (m) => {
    const quote = quotes[Number(m[2])];
    return quote ? { type: "testimonial", quote, author: (m[1] ?? m[3] ?? "").trim() || null } : null;
  });
  takeValue(TAGLINE, (text) => ({ type: "tagline", text }));
  const price = (m: RegExpExecArray): CopyEditIntent => ({ type: "price", item: unmaskQuotes(m[1] ?? "", quotes), amount: amountOf(m[2] ?? "") });
  take(findTrigger(rest, PRICE)?.m ?? PRICE_MAKE.exec(rest), price);
  takeValue(ADDRESS, (text) => ({ type: "address", text }));
  takeValue(HOURS, (text) => (HOURS_HINT.test(text) ? { type: "hours", text } : null));
  take(EMAIL_ASK.test(rest) || /@/.test(rest) ? EMAIL.exec(rest) : null, (m) => ({ type: "email", text: m[0] }));
  take(PHONE_ASK.test(rest) ? PHONE.exec(rest) : null, (m) => ({ type: "phone", text: m[0].trim() }));
  // The rest keeps its quotes as quotes, so later readers still treat them as data.
  const kept = rest.replace(new RegExp(`${MARK}(\\d+)${MARK}`, "g"), (_m, i: string) => `"${quotes[Number(i)] ?? ""}"`);
  return { intents: intents.filter((i) => i.type !== "price" || (Number.isFinite(i.amount) && i.item.length > 1)), rest: kept };
}
