/**
 * Small, careful string operations on a base site's HTML for follow-up edits. They work on our own
 * markup and degrade gracefully on foreign markup: when an anchor point is missing they fall back
 * to a safe position instead of guessing.
 */

import { escapeHtml, slugify, stripTags, unescapeHtml } from "../render/html-escape";
import { FORM_KINDS, type FormKind } from "../content/form-kinds";
import { isSectionId, SECTION_ORDER, type BlockLayout, type PageBlock, type SectionId } from "../site-spec";

/** Start and end offsets of the <section> whose opening tag is at `openIndex`, counting nesting. */
function elementRange(html: string, openIndex: number): [number, number] | null {
  const pattern = /<(\/?)section\b[^>]*>/gi;
  pattern.lastIndex = openIndex;
  let depth = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return [openIndex, match.index + match[0].length];
  }
  return null;
}

/** Opening-tag index of the <section> for `id` (by id, section-id class or labelled heading). */
function findSectionStart(html: string, rawId: string): number {
  const id = escapeRegExp(rawId);
  const ours = new RegExp(`\\bid="${id}"|class="[^"]*\\bsection-${id}\\b|aria-labelledby="${id}-title"`);
  return [...html.matchAll(/<section\b[^>]*>/gi)].find((match) => ours.test(match[0]))?.index ?? -1;
}

/** Start and end of the section for `id`, if the page has one. */
export function sectionRange(html: string, id: string): [number, number] | null {
  const start = findSectionStart(html, id);
  return start < 0 ? null : elementRange(html, start);
}

export function hasSection(html: string, id: SectionId): boolean {
  return findSectionStart(html, id) >= 0;
}

/** Our section ids present in the page, in document order. */
export function listSections(html: string): SectionId[] {
  return listBlocks(html).flatMap((block) => (isSectionId(block.id) ? [block.id] : []));
}

/** Every section of the page as a block: id, heading text, layout (from its class) and form kind. */
export function listBlocks(html: string): PageBlock[] {
  const blocks: PageBlock[] = [];
  for (const match of html.matchAll(/<section\b[^>]*\bid="([^"]+)"[^>]*>/gi)) {
    const id = match[1] ?? "";
    if (id === "top" || blocks.some((b) => b.id === id)) continue;
    const layoutName = /class="[^"]*\bsection-([a-z]+)\b/.exec(match[0])?.[1] ?? id;
    const heading = stripTags(new RegExp(`<h2 id="${escapeRegExp(id)}-title"[^>]*>([\\s\\S]*?)</h2>`).exec(html)?.[1] ?? id);
    const range = elementRange(html, match.index ?? 0);
    const form = /data-form="([a-z]+)"/.exec(range ? html.slice(range[0], range[1]) : "")?.[1] ?? null;
    const layout: BlockLayout = isSectionId(layoutName) || layoutName === "cards" || layoutName === "hours" || layoutName === "form" ? layoutName : "cards";
    const formKind = (FORM_KINDS as readonly string[]).includes(form ?? "") && (layout === "form" || layout === "contact") ? (form as FormKind) : null;
    blocks.push({ id, heading, nav: heading, layout, form: formKind, requested: !isSectionId(id) });
  }
  return blocks;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Removes a whole section element, plus the whitespace line it sat on. */
export function removeSection(html: string, id: string): { html: string; removed: boolean; id: string } {
  const range = sectionRange(html, id);
  if (!range) return { html, removed: false, id };
  // The section may carry the user's own id ("prices") while `id` named its layout ("pricing").
  const realId = /\bid="([^"]+)"/.exec(html.slice(range[0], range[0] + 300))?.[1] ?? id;
  const lineStart = html.lastIndexOf("\n", range[0] - 1) + 1;
  const before = /^\s*$/.test(html.slice(lineStart, range[0])) ? lineStart : range[0];
  const after = html.charAt(range[1]) === "\n" ? range[1] + 1 : range[1];
  return { html: html.slice(0, before) + html.slice(after), removed: true, id: realId };
}

/** Removes navigation list items linking to `#id`, and re-points other links to the main content. */
export function removeLinksTo(html: string, rawId: string): string {
  // Ids of foreign sites can hold any character: escape before building patterns from them.
  const id = escapeRegExp(rawId);
  const item = new RegExp(`[ \\t]*<li>\\s*<a\\b[^>]*href="#${id}"[^>]*>[\\s\\S]*?</a>\\s*</li>\\n?`, "g");
  return html.replace(item, "").replace(new RegExp(`href="#${id}"`, "g"), 'href="#main"');
}

/**
 * Inserts a section before the first existing section that comes after it in the canonical order,
 * else at the end of <main> (so always before the footer).
 */
export function insertSection(html: string, id: SectionId, sectionHtml: string): string {
  const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(id) + 1);
  const starts = later.map((next) => findSectionStart(html, next)).filter((start) => start >= 0);
  if (starts.length) {
    const index = Math.min(...starts);
    const lineStart = html.lastIndexOf("\n", index - 1) + 1;
    const at = /^\s*$/.test(html.slice(lineStart, index)) ? lineStart : index;
    return `${html.slice(0, at)}${sectionHtml}\n${html.slice(at)}`;
  }
  const mainEnd = html.lastIndexOf("</main>");
  const footer = html.search(/<footer\b/i);
  const at = mainEnd >= 0 ? mainEnd : footer >= 0 ? footer : html.length;
  const prefix = at > 0 && html.charAt(at - 1) !== "\n" ? "\n" : "";
  return `${html.slice(0, at)}${prefix}${sectionHtml}\n${html.slice(at)}`;
}

/** Renames ids in a new fragment that already exist in the page, keeping labels and links paired. */
export function dedupeIds(fragment: string, page: string): string {
  let result = fragment;
  for (const [, id = ""] of fragment.matchAll(/\bid="([^"]+)"/g)) {
    if (!page.includes(`id="${id}"`)) continue;
    result = result
      .replace(new RegExp(`(id|for|aria-labelledby|aria-controls)="${id}"`, "g"), `$1="${id}-2"`)
      .replace(new RegExp(`href="#${id}"`, "g"), `href="#${id}-2"`);
  }
  return result;
}

/** The current site name: our data attribute, else the brand, else the h1's text. */
export function readSiteName(html: string): string | null {
  const attr = /data-site-name="([^"]*)"/.exec(html)?.[1];
  if (attr) return unescapeHtml(attr);
  const brand = /class="brand-name"[^>]*>([\s\S]*?)<\//.exec(html)?.[1];
  if (brand && stripTags(brand)) return stripTags(brand);
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  return h1 ? stripTags(h1) || null : null;
}

/** Renames the site: each visible occurrence of the old name (escaped), the brand mark and the e-mail address. */
export function renameSite(html: string, newName: string): string {
  const oldName = readSiteName(html);
  const escapedNew = escapeHtml(newName);
  const inBrand = (page: string) => replaceInner(page, /(class="brand-name"[^>]*>)[\s\S]*?(<\/span>)/, escapedNew);
  const inH1 = (page: string) => replaceInner(page, /(<h1\b[^>]*>)[\s\S]*?(<\/h1>)/i, escapedNew);
  const named = oldName ? html.split(escapeHtml(oldName)).join(escapedNew) : inH1(inBrand(html));
  const mark = escapeHtml(Array.from(newName.trim())[0]?.toUpperCase() ?? "•");
  const marked = replaceInner(named, /(<span class="brand-mark"[^>]*>)[\s\S]*?(<\/span>)/, mark);
  const email = (name: string) => `hello@${slugify(name)}.com`;
  return oldName ? marked.split(email(oldName)).join(email(newName)) : marked;
}

/** Puts `value` between a pattern's two groups (an element's opening and closing tags), wherever it matches. */
export function replaceInner(html: string, pattern: RegExp, value: string): string {
  // A function replacer: prompt text may contain "$1"-style replacement patterns.
  return html.replace(pattern, (_m, open: string, close: string) => open + value + close);
}

/** Rewrites the items of the first `<ul class="…">` list, keeping its opening and closing tags. */
function editListItems(html: string, listClass: string, edit: (items: string) => string): string {
  const list = new RegExp(`(<ul class="${listClass}"[^>]*>)([\\s\\S]*?)(\\n?[ \\t]*</ul>)`);
  return html.replace(list, (_m, open: string, items: string, close: string) => open + edit(items) + close);
}

/** Adds a navigation link in the header list (before the call-to-action) and the footer list. */
export function addNavLinks(html: string, id: string, label: string): string {
  const link = `<li><a href="#${id}">${escapeHtml(label)}</a></li>`;
  const linked = (items: string) => items.includes(`href="#${id}"`);
  const header = editListItems(html, "nav-list", (items) => {
    if (linked(items)) return items;
    const ctaAt = items.search(/\n?[ \t]*<li><a class="button[^"]*nav-cta/);
    const at = ctaAt >= 0 ? ctaAt : items.length;
    return `${items.slice(0, at)}\n          ${link}${items.slice(at)}`;
  });
  return editListItems(header, "footer-links", (items) => (linked(items) ? items : `${items}\n        ${link}`));
}
