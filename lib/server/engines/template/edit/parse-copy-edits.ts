/**
 * The copy edits people type: the hero's line, the address, phone, e-mail, opening hours, an
 * item's price, a testimonial, and undo / redo. Quoted text is data, never a command: a request
 * is read only from the words outside quotes (and never from fenced or ">"-quoted blocks, where a
 * site's error text arrives), and a quote supplies the value only when a request outside it asks.
 */

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

/** The value after a trigger (a quote if one follows at once, else the rest of the sentence) and where it ends. */
function valueAfter(text: string, from: number, quotes: string[]): { value: string; end: number } | null {
  const lead = /^\s*(?:(?:to|say|says|read|reads|into|is|are|as|with)\b|[:=-])*\s*/i.exec(text.slice(from))?.[0] ?? "";
  const start = from + lead.length;
  const rest = text.slice(start);
  const quoted = new RegExp(`^${MARK}(\\d+)${MARK}`).exec(rest);
  if (quoted) return { value: quotes[Number(quoted[1])] ?? "", end: start + quoted[0].length };
  const sentence = /^[^\n;]{1,160}?(?=\s*(?:[.!?](?:\s|$)|\n|;|$))/.exec(rest)?.[0] ?? "";
  const value = unmaskQuotes(sentence, quotes).replace(/^(?:our|the|my)\s+/i, "").trim();
  return value.length >= 2 ? { value: value.slice(0, 160), end: start + sentence.length } : null;
}

const TAGLINE = /\b(?:(?:make|have|let)\s+the\s+hero\s+(?:say|read)|(?:change|set|update|make|rewrite|replace)\s+(?:the\s+)?(?:hero(?:'s)?\s+)?(?:headline|tagline|slogan|subtitle|strapline|hero\s+(?:title|heading|text|line)|main\s+heading|h1)(?:\s+(?:to|so\s+it\s+says|with))?|(?:headline|tagline|slogan)\s*:)/i;
const ADDRESS = /\b(?:(?:add|change|set|update|use|put)\s+(?:in\s+)?(?:our|the|my)?\s*(?:new\s+)?(?:street\s+)?address(?:\s+(?:to|as))?|(?:our|the|my)\s+address\s+is|we\s+are\s+(?:now\s+)?(?:located\s+)?at|address\s*:)/i;
const PHONE = /(?:\+?\d[\d\s().-]{5,20}\d)/;
const PHONE_ASK = /\b(?:phone|telephone|tel\.?|mobile|number|call\s+us)\b/i;
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+/;
const EMAIL_ASK = /\b(?:e-?mail|mail|contact\s+address)\b/i;
const HOURS = /\b(?:(?:add|change|set|update)\s+(?:our|the|my)?\s*(?:opening\s+)?(?:hours|times)(?:\s+to)?|(?:our|the)\s+(?:opening\s+)?hours\s+are|(?:opening\s+)?hours\s*:|we(?:'re|\s+are)\s+open|open\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|daily|every|from)))/i;
const AMOUNT = String.raw`\d{1,3}(?:[,.\s]\d{3})+(?:[.,]\d{1,2})?|\d{1,7}(?:[.,]\d{1,2})?`;
const PRICE = new RegExp(String.raw`\b(?:(?:change|set|update|make|put)\s+)?(?:the\s+)?price\s+(?:of|for)\s+(?:the\s+|our\s+)?(.{2,60}?)\s+(?:to|at|as)\s+([€£$¥]?\s?(?:${AMOUNT}))`, "i");
const PRICE_MAKE = new RegExp(String.raw`\b(?:make|set)\s+(?:the\s+|our\s+)?(.{2,60}?)\s+(?:cost\s+)?([€£$¥]\s?(?:${AMOUNT})|(?:${AMOUNT})\s?(?:€|eur|euros?|pounds?|dollars?|yen)\b)`, "i");
const TESTIMONIAL = /\badd\s+(?:a\s+|another\s+|this\s+)?(?:testimonial|review|quote)(?:\s+(?:from|by)\s+([^:\u0001,.]{2,40}))?\s*:?\s*\u0001(\d+)\u0001(?:\s*[—–-]\s*([^\n.]{2,40}))?/i;
const UNDO = /^\s*(?:please\s+)?(?:undo|revert|roll\s*back|go\s+back|take\s+(?:that|it)\s+back)(?:\s+(?:that|it|this|the\s+last\s+(?:change|edit|one)|my\s+last\s+(?:change|edit)))?\s*(?:please)?[.!]?\s*$/i;
const REDO = /^\s*(?:please\s+)?(?:redo|re-do|undo\s+the\s+undo|put\s+(?:it|that)\s+back)(?:\s+(?:that|it|the\s+last\s+(?:change|edit)))?\s*(?:please)?[.!]?\s*$/i;

/** "1,800" and "1.800" are thousands; "5,50" and "5.50" have cents. */
function amountOf(text: string): number {
  const digits = text.replace(/[^\d.,\s]/g, "").trim();
  if (/^\d{1,3}(?:[,.\s]\d{3})+$/.test(digits)) return Number(digits.replace(/[,.\s]/g, ""));
  return Number(digits.replace(/\s/g, "").replace(/[.,](?=\d{1,2}$)/, ".").replace(/[,]/g, ""));
}

/** The copy edits a follow-up asks for, and the prompt with those requests taken out. */
export function parseCopyEdits(raw: string): { intents: CopyEditIntent[]; rest: string } {
  const { text, quotes } = maskQuotes(String(raw ?? "").slice(0, 4000));
  if (UNDO.test(text)) return { intents: [{ type: "undo" }], rest: "" };
  if (REDO.test(text)) return { intents: [{ type: "redo" }], rest: "" };
  const intents: CopyEditIntent[] = [];
  let rest = text;
  const take = (pattern: RegExp, make: (m: RegExpExecArray) => CopyEditIntent | null) => {
    const m = pattern.exec(rest);
    const intent = m ? make(m) : null;
    if (m && intent) {
      intents.push(intent);
      rest = rest.replace(m[0], " ");
    }
  };
  // A value-taking request: the trigger and its value both leave the text ("say 'Book now'" is no form).
  const takeValue = (pattern: RegExp, make: (value: string) => CopyEditIntent | null) => {
    const m = pattern.exec(rest);
    const found = m ? valueAfter(rest, (m.index ?? 0) + m[0].length, quotes) : null;
    const intent = found ? make(found.value) : null;
    if (m && found && intent) {
      intents.push(intent);
      rest = `${rest.slice(0, m.index)} ${rest.slice(found.end)}`;
    }
  };
  take(TESTIMONIAL, (m) => {
    const quote = quotes[Number(m[2])];
    return quote ? { type: "testimonial", quote, author: (m[1] ?? m[3] ?? "").trim() || null } : null;
  });
  takeValue(TAGLINE, (text) => ({ type: "tagline", text }));
  take(PRICE, (m) => ({ type: "price", item: unmaskQuotes(m[1] ?? "", quotes), amount: amountOf(m[2] ?? "") }));
  if (!intents.some((i) => i.type === "price")) take(PRICE_MAKE, (m) => ({ type: "price", item: unmaskQuotes(m[1] ?? "", quotes), amount: amountOf(m[2] ?? "") }));
  takeValue(ADDRESS, (text) => ({ type: "address", text }));
  takeValue(HOURS, (text) => (/\d|closed|daily|every/i.test(text) ? { type: "hours", text } : null));
  const email = EMAIL_ASK.test(rest) || /@/.test(rest) ? EMAIL.exec(rest) : null;
  if (email) {
    intents.push({ type: "email", text: email[0] });
    rest = rest.replace(email[0], " ");
  }
  const phone = PHONE_ASK.test(rest) ? PHONE.exec(rest) : null;
  if (phone) {
    intents.push({ type: "phone", text: phone[0].trim() });
    rest = rest.replace(phone[0], " ");
  }
  // The rest keeps its quotes as quotes, so later readers still treat them as data.
  const kept = rest.replace(new RegExp(`${MARK}(\\d+)${MARK}`, "g"), (_m, i: string) => `"${quotes[Number(i)] ?? ""}"`);
  return { intents: intents.filter((i) => i.type !== "price" || (Number.isFinite(i.amount) && i.item.length > 1)), rest: kept };
}
