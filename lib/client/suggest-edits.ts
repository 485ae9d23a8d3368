/**
 * Suggestion chips for the follow-up box, drawn from the site being edited: its own name, first
 * priced item and sections, so a dentist is never offered "Rename to Golden Crust". The markup is
 * generated (hostile): it is only read with bounded patterns, and the chips are rendered as text.
 */

const FALLBACK = ["Make the header dark", "Add a pricing section", "Change the accent colour to blue", "Make the hero say “Welcome”"];
const MAX_SCAN = 200_000;

function decode(text: string): string {
  return text.replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/\s+/g, " ").trim();
}

function first(html: string, pattern: RegExp): string | null {
  const found = pattern.exec(html)?.[1];
  const text = found ? decode(found.replace(/<[^>]*>/g, " ")) : "";
  return text && text.length <= 48 ? text : null;
}

/** Four edits this site can take, in words the built-in engine understands. */
export function suggestEdits(html: string | null | undefined): string[] {
  if (!html) return FALLBACK;
  const page = html.slice(0, MAX_SCAN);
  const name = first(page, /<h1\b[^>]*>([\s\S]{1,200}?)<\/h1>/i);
  const item = first(page, /<span class="menu-item-name">([^<]{1,60})<\/span>/) ?? first(page, /<li class="card product">[\s\S]{0,600}?<h3>([^<]{1,60})<\/h3>/);
  const headings = [...page.matchAll(/<h2\b[^>]*>([^<]{1,60})<\/h2>/g)].map((m) => decode(m[1] ?? "")).filter(Boolean);
  const chips = [
    name ? `Make the hero say “Welcome to ${name}”` : FALLBACK[3]!,
    item ? `Change the price of ${item} to 12` : /class="section section-pricing"/.test(page) ? "Add a FAQ section" : "Add a pricing section",
    !/class="section section-faq"/.test(page) && item ? "Add a FAQ section" : headings.length > 3 ? `Remove the ${headings.at(-2)} section` : "Add a gallery section",
    /data-copy="phone"/.test(page) ? "Make the header dark" : "Change the phone number to …",
  ];
  return [...new Set(chips)];
}
