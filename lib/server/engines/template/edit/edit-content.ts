/**
 * Content edits on an existing site: add or remove sections, rename, change the headline. Each
 * returns the whole site, and notes describing what happened (including what could not be done).
 */

import { placeUploadedImages } from "./place-images";
import editWords from "../data/edit-words.json";
import type { SiteFiles } from "../../engine";
import { escapeHtml } from "../render/html-escape";
import { addNavLinks, hasSection, removeLinksTo, removeSection, renameSite, replaceInner } from "./html-surgery";
import { applyBlockEdits } from "./edit-blocks";
import { applyCopyEdit, insertRendered, type CopyEdit } from "./apply-copy-edits";
import type { EditIntent } from "./parse-edit";
import type { BlockEditIntent } from "./parse-block-edits";
import type { BaseSiteInfo } from "./read-base-site";
import { SCRIPT_MARKER, SITE_SCRIPT } from "../render/render-script";
import { sectionLabel } from "../site-spec";

const COPY_TYPES = new Set(["tagline", "address", "phone", "email", "hours", "price", "testimonial"]);
const isCopyEdit = (intent: EditIntent): intent is CopyEdit => COPY_TYPES.has(intent.type);
const BLOCK_TYPES = new Set(["add-form", "rename-section", "move-section", "remove-named"]);
const isBlockEdit = (intent: EditIntent): intent is BlockEditIntent => BLOCK_TYPES.has(intent.type);

export interface EditOutcome {
  site: SiteFiles;
  notes: string[];
}

/** One content edit on the page, and what it did (an empty note when there is nothing to say). */
function applyContentEdit(html: string, intent: EditIntent, info: BaseSiteInfo): { html: string; note: string } {
  if (intent.type === "remove-section") {
    const result = removeSection(html, intent.section);
    if (!result.removed) return { html, note: `There was no ${sectionLabel(intent.section)} section to remove` };
    return { html: removeLinksTo(result.html, result.id), note: `Removed the ${sectionLabel(intent.section)} section` };
  }
  if (intent.type === "add-section") {
    const { section: id, heading } = intent;
    if (hasSection(html, id)) {
      return { html, note: `The site already has a ${sectionLabel(id)} section, so I left it as it is` };
    }
    const own = (nav: string, requested: boolean) => ({ id, heading: nav, nav, layout: id, form: null, requested });
    // Rendered with the block it adds; the user's own word becomes its heading ("add a FAQ section" → "FAQ").
    const spec = { ...info.ctx.spec, blocks: [...info.ctx.spec.blocks, own(id, false)] };
    const next = insertRendered(html, id, { ...info.ctx, spec, block: heading ? own(heading, true) : undefined });
    return { html: next, note: `Added a ${heading ?? sectionLabel(id)} section` };
  }
  if (intent.type === "rename") {
    return { html: renameSite(html, intent.name), note: `Renamed the site to “${intent.name}”` };
  }
  if (intent.type === "tone") {
    // The tagline carries the tone; the rest of the copy keeps its facts.
    const tagline = editWords.tones.taglines[intent.tone];
    const next = replaceInner(html, /(<p class="hero-tagline">)[\s\S]*?(<\/p>)/, escapeHtml(tagline));
    if (next === html) return { html, note: "There was no tagline to rewrite" };
    return { html: next, note: `Rewrote the tagline in a ${intent.tone} tone: “${tagline}”` };
  }
  if (isCopyEdit(intent)) return applyCopyEdit(html, intent, info);
  if (intent.type === "use-images") return placeUploadedImages(html, info.ctx.spec.images ?? []);
  return isBlockEdit(intent) ? applyBlockEdits(html, intent, info) : { html, note: "" };
}

export function applyContentEdits(base: SiteFiles, intents: EditIntent[], info: BaseSiteInfo): EditOutcome {
  let html = base.html;
  const notes: string[] = [];
  for (const intent of intents) {
    const result = applyContentEdit(html, intent, info);
    html = result.html;
    if (result.note) notes.push(result.note);
  }
  return { site: { ...base, html }, notes };
}

/** Final pass: navigation links for new sections, the page script when it is missing, and a check. */
export function polishSite(site: SiteFiles, intents: EditIntent[], info: BaseSiteInfo): EditOutcome {
  let { html, js } = site;
  const notes: string[] = [];
  for (const intent of intents) {
    if (intent.type === "add-section" && hasSection(html, intent.section)) {
      const next = addNavLinks(html, intent.section, intent.heading ?? info.ctx.content.titles[intent.section].nav);
      if (next !== html) notes.push(`linked the ${sectionLabel(intent.section)} section from the navigation`);
      html = next;
    }
  }
  if (/data-form=|nav-toggle|data-year|data-add-to-cart/.test(html) && !js.includes(SCRIPT_MARKER)) {
    js = js.trim() ? `${js.trimEnd()}\n\n${SITE_SCRIPT}` : SITE_SCRIPT;
    notes.push("added the page script for the menu and forms");
  }
  notes.push(describeChecks(html));
  return { site: { ...site, html, js }, notes };
}

/** An honest summary of the accessibility basics, counted on the final markup. */
function describeChecks(html: string): string {
  const tags = (pattern: RegExp) => html.match(pattern) ?? [];
  const h1s = tags(/<h1\b/gi).length;
  const sections = tags(/<section\b/gi).length;
  const fields = tags(/<(?:input|select|textarea)\b[^>]*>/gi);
  const ids = fields.map((tag) => /\bid="([^"]+)"/.exec(tag)?.[1]);
  const labelled = ids.filter((id) => id !== undefined && html.includes(`for="${id}"`)).length;
  const images = tags(/<img\b[^>]*>/gi);
  const withAlt = images.filter((tag) => /\balt="[^"]*\S[^"]*"/.test(tag)).length;
  return (
    `checked the page: ${h1s} main heading${h1s === 1 ? "" : "s"}, ${sections} sections, ` +
    `${labelled} of ${fields.length} form fields labelled, ${withAlt} of ${images.length} images with alt text`
  );
}
