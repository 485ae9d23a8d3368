/**
 * Edits this very site can take, in words a user can type back: drawn from its own sections,
 * items and name, so the not-applied message offers real next steps instead of generic examples.
 */

import { stripTags } from "../render/html-escape";
import { fillSlots, getLocale } from "../locale/locales";
import type { PageLanguage } from "../locale/read-language";

function firstMatch(html: string, pattern: RegExp): string | null {
  const found = pattern.exec(html)?.[1];
  return found ? stripTags(found).trim() || null : null;
}

/** In the site's language only the edits read in every language (copy edits, undo) are offered. */
export function suggestEdits(html: string, lang: PageLanguage = "en"): string[] {
  const words = getLocale(lang).edits.suggest;
  const suggestions: string[] = [];
  const item = firstMatch(html, /<span class="menu-item-name">([^<]{1,60})<\/span>/) ?? firstMatch(html, /<li class="card product">[\s\S]*?<h3>([^<]{1,60})<\/h3>/);
  if (item) suggestions.push(fillSlots(words.price, { item }));
  suggestions.push(words.tagline);
  if (lang !== "en") return [...suggestions, words.phone, words.address, words.undo].slice(0, 6);
  const headings = [...html.matchAll(/<h2 id="([a-z0-9-]+)-title">([^<]{1,40})<\/h2>/g)].map((m) => stripTags(m[2] ?? "").trim()).filter(Boolean);
  const last = headings.at(-1);
  if (headings.length > 2 && last) suggestions.push(`remove the ${last} section`);
  if (!/class="section section-faq"/.test(html)) suggestions.push("add a FAQ section");
  suggestions.push(words.phone, "make the header dark", "change the accent colour to green", words.undo);
  return suggestions.slice(0, 6);
}
