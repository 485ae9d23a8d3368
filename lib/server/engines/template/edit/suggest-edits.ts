/**
 * Edits this very site can take, in words a user can type back: drawn from its own sections,
 * items and name, so the not-applied message offers real next steps instead of generic examples.
 */

import { stripTags } from "../render/html-escape";

function firstMatch(html: string, pattern: RegExp): string | null {
  const found = pattern.exec(html)?.[1];
  return found ? stripTags(found).trim() || null : null;
}

export function suggestEdits(html: string): string[] {
  const suggestions: string[] = [];
  const item = firstMatch(html, /<span class="menu-item-name">([^<]{1,60})<\/span>/) ?? firstMatch(html, /<li class="card product">[\s\S]*?<h3>([^<]{1,60})<\/h3>/);
  if (item) suggestions.push(`change the price of ${item} to 5`);
  suggestions.push("make the hero say “…”");
  const headings = [...html.matchAll(/<h2 id="([a-z0-9-]+)-title">([^<]{1,40})<\/h2>/g)].map((m) => stripTags(m[2] ?? "").trim()).filter(Boolean);
  const last = headings.at(-1);
  if (headings.length > 2 && last) suggestions.push(`remove the ${last} section`);
  if (!/class="section section-faq"/.test(html)) suggestions.push("add a FAQ section");
  suggestions.push("change the phone number to …", "make the header dark", "change the accent colour to green", "undo");
  return suggestions.slice(0, 6);
}
