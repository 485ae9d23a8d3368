/**
 * Applies edits that name sections by their headings, so a section the user named at creation
 * ("Wine list", "Shows") can later be renamed, moved, removed, or joined by a form of a given kind.
 */

import { renderFormBlock } from "../render/render-request-form";
import { escapeHtml, slugify } from "../render/html-escape";
import type { PageBlock } from "../site-spec";
import { addNavLinks, escapeRegExp, listBlocks, removeLinksTo, removeSection, sectionRange } from "./html-surgery";
import type { BlockEditIntent } from "./parse-block-edits";
import type { BaseSiteInfo } from "./read-base-site";

/** Lower-case words only, "&" read as "and", and the plural "s" dropped from words of four letters or more. */
function norm(text: string): string {
  const words = text.toLowerCase().replace(/&amp;|&/g, "and").replace(/[^a-z0-9]+/g, " ").trim();
  return words.replace(/\b([a-z0-9]{3,})s\b/g, "$1");
}

/** The page's block whose heading, label or id is what the user called it. */
export function findBlock(html: string, name: string): PageBlock | null {
  const wanted = norm(name);
  if (!wanted) return null;
  const blocks = listBlocks(html);
  const exact = blocks.find((b) => norm(b.heading) === wanted || b.id === slugify(name, ""));
  const partial = blocks.find((b) => ` ${norm(b.heading)} `.includes(` ${wanted} `) || norm(b.layout) === wanted);
  return exact ?? partial ?? null;
}

function renameBlock(html: string, block: PageBlock, to: string): string {
  const safe = escapeHtml(to);
  const id = escapeRegExp(block.id);
  return html
    .replace(new RegExp(`(<h2 id="${id}-title"[^>]*>)[\\s\\S]*?(</h2>)`), (_m, open: string, close: string) => open + safe + close)
    .replace(new RegExp(`(<a\\b[^>]*href="#${id}"[^>]*>)[^<]*(</a>)`, "g"), (_m, open: string, close: string) => open + safe + close);
}

function moveBlock(html: string, block: PageBlock, target: string, where: "before" | "after"): string | null {
  const range = sectionRange(html, block.id);
  if (!range) return null;
  const piece = html.slice(range[0], range[1]);
  const rest = html.slice(0, range[0]) + html.slice(range[1]).replace(/^\n/, "");
  const blocks = listBlocks(rest);
  const anchor = target === ":first" ? blocks[0] : target === ":last" ? blocks.at(-1) : findBlock(rest, target);
  const anchorRange = anchor ? sectionRange(rest, anchor.id) : null;
  if (!anchorRange) return null;
  const at = where === "before" ? anchorRange[0] : anchorRange[1];
  return reorderNav(`${rest.slice(0, at)}${where === "after" ? "\n" : ""}${piece}${where === "before" ? "\n    " : ""}${rest.slice(at)}`);
}

/** Puts the header links back in page order after a move; the call-to-action button stays last. */
function reorderNav(html: string): string {
  const order = listBlocks(html).map((b) => b.id);
  const rank = (li: string) => (li.includes("nav-cta") ? 1e6 : order.indexOf(/href="#([^"]+)"/.exec(li)?.[1] ?? ""));
  return html.replace(/(<ul class="nav-list"[^>]*>)([\s\S]*?)(\n?[ \t]*<\/ul>)/, (_m, open: string, items: string, close: string) => {
    const sorted = (items.match(/[ \t]*<li>[\s\S]*?<\/li>/g) ?? []).sort((x, y) => rank(x) - rank(y));
    return `${open}\n${sorted.map((li) => li.trimEnd()).join("\n")}${close}`;
  });
}

function addFormBlock(html: string, intent: Extract<BlockEditIntent, { type: "add-form" }>, info: BaseSiteInfo): string {
  // Every block's id is in the page as id="…", so the page alone tells which ids are taken.
  let id = slugify(intent.heading, "form");
  for (let n = 2; html.includes(`id="${id}"`); n += 1) id = `${slugify(intent.heading, "form")}-${n}`;
  const block: PageBlock = { id, heading: intent.heading, nav: intent.heading, layout: "form", form: intent.form, requested: true };
  const section = renderFormBlock({ ...info.ctx, block }, block);
  const contact = sectionRange(html, "contact");
  const mainEnd = html.lastIndexOf("</main>");
  const at = contact ? contact[0] : mainEnd >= 0 ? mainEnd : html.length;
  const updated = `${html.slice(0, at)}${section.trimStart()}\n${contact ? "    " : ""}${html.slice(at)}`;
  return addNavLinks(updated, id, intent.heading);
}

export function applyBlockEdits(html: string, intent: BlockEditIntent, info: BaseSiteInfo): { html: string; note: string } {
  if (intent.type === "add-form") {
    return { html: addFormBlock(html, intent, info), note: `Added a “${intent.heading}” form and linked it from the navigation` };
  }
  const name = intent.type === "rename-section" ? intent.from : intent.name;
  const block = findBlock(html, name);
  if (!block) return { html, note: `I couldn't find a section called “${name}”, so nothing was changed there` };
  if (intent.type === "rename-section") {
    return { html: renameBlock(html, block, intent.to), note: `Renamed “${block.heading}” to “${intent.to}” in the page and the navigation` };
  }
  if (intent.type === "remove-named") {
    const result = removeSection(html, block.id);
    return { html: removeLinksTo(result.html, block.id), note: `Removed the “${block.heading}” section and its links` };
  }
  const moved = moveBlock(html, block, intent.target, intent.where);
  if (!moved) return { html, note: `I couldn't find where to move “${block.heading}”, so it stays where it is` };
  return { html: moved, note: `Moved “${block.heading}” ${intent.where === "before" ? "above" : "below"} ${intent.target.startsWith(":") ? "the rest" : `“${intent.target}”`}` };
}
