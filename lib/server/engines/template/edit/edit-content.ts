/**
 * Content edits on an existing site: add or remove sections, rename, change the headline. Each
 * returns the whole site, and notes describing what happened (including what could not be done).
 */

import { placeUploadedImages } from "./place-images";
import editWords from "../data/edit-words.json";
import type { SiteFiles } from "../../engine";
import { escapeHtml, slugify } from "../render/html-escape";
import {
  addNavLinks,
  dedupeIds,
  hasSection,
  insertSection,
  listSections,
  readSiteName,
  removeLinksTo,
  removeSection,
  replaceSiteName,
} from "./html-surgery";
import { applyBlockEdits } from "./edit-blocks";
import { applyCopyEdit } from "./apply-copy-edits";
import type { CopyEditIntent } from "../prompt/read-copy-edits";
import type { EditIntent } from "./parse-edit";

const COPY_TYPES = new Set(["tagline", "address", "phone", "email", "hours", "price", "testimonial"]);
const isCopyEdit = (intent: EditIntent): intent is Exclude<CopyEditIntent, { type: "undo" | "redo" }> => COPY_TYPES.has(intent.type);
import type { BaseSiteInfo } from "./read-base-site";
import { renderSection } from "../render/render-sections";
import { SCRIPT_MARKER, renderScript } from "../render/render-script";
import { orderSections, sectionLabel, type Tone } from "../site-spec";

/** Taglines that carry each tone; the rest of the copy keeps its facts. */
const TONE_TAGLINES: Record<Tone, string> = editWords.tones.taglines;

export interface EditOutcome {
  site: SiteFiles;
  notes: string[];
}

export function applyContentEdits(base: SiteFiles, intents: EditIntent[], info: BaseSiteInfo): EditOutcome {
  let html = base.html;
  const notes: string[] = [];
  for (const intent of intents) {
    if (intent.type === "remove-section") {
      const result = removeSection(html, intent.section);
      if (result.removed) {
        html = removeLinksTo(result.html, result.id);
        notes.push(`Removed the ${sectionLabel(intent.section)} section`);
      } else {
        notes.push(`There was no ${sectionLabel(intent.section)} section to remove`);
      }
    } else if (intent.type === "add-section") {
      if (hasSection(html, intent.section)) {
        notes.push(`The site already has a ${sectionLabel(intent.section)} section, so I left it as it is`);
        continue;
      }
      // Render with the sections the page will have, so buttons point at sections that exist.
      const sections = orderSections([...listSections(html), intent.section]);
      const spec = { ...info.ctx.spec, sections, blocks: [...info.ctx.spec.blocks, { id: intent.section, heading: intent.section, nav: intent.section, layout: intent.section, form: null, requested: false }] };
      // The user's own word becomes the heading ("add a FAQ section" → "FAQ").
      const block = intent.heading ? { id: intent.section, heading: intent.heading, nav: intent.heading, layout: intent.section, form: null, requested: true } : undefined;
      html = insertSection(html, intent.section, dedupeIds(renderSection({ ...info.ctx, spec, block }, intent.section), html));
      notes.push(`Added a ${intent.heading ?? sectionLabel(intent.section)} section`);
    } else if (intent.type === "rename") {
      const oldName = readSiteName(html);
      html = replaceSiteName(html, oldName, intent.name);
      if (oldName) html = html.split(`hello@${slugify(oldName)}.com`).join(`hello@${slugify(intent.name)}.com`);
      notes.push(`Renamed the site to “${intent.name}”`);
    } else if (isCopyEdit(intent)) {
      const result = applyCopyEdit(html, intent, info);
      html = result.html;
      if (result.note) notes.push(result.note);
    } else if (intent.type === "use-images") {
      const result = placeUploadedImages(html, info.ctx.spec.images ?? []);
      html = result.html;
      notes.push(result.note);
    } else if (intent.type === "tone") {
      const tagline = TONE_TAGLINES[intent.tone];
      const next = html.replace(/(<p class="hero-tagline">)[\s\S]*?(<\/p>)/, (_m, open: string, close: string) => open + escapeHtml(tagline) + close);
      notes.push(next !== html ? `Rewrote the tagline in a ${intent.tone} tone: “${tagline}”` : "There was no tagline to rewrite");
      html = next;
    } else if (intent.type === "add-form" || intent.type === "rename-section" || intent.type === "move-section" || intent.type === "remove-named") {
      const result = applyBlockEdits(html, intent, info);
      html = result.html;
      notes.push(result.note);
    }
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
    js = js.trim() ? `${js.trimEnd()}\n\n${renderScript()}` : renderScript();
    notes.push("added the page script for the menu and forms");
  }
  notes.push(describeChecks(html));
  return { site: { ...site, html, js }, notes };
}

/** An honest summary of the accessibility basics, counted on the final markup. */
function describeChecks(html: string): string {
  const h1s = (html.match(/<h1\b/gi) ?? []).length;
  const sections = (html.match(/<section\b/gi) ?? []).length;
  const fields = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*>/gi)].map((m) => m[0]);
  const labelled = fields.filter((tag) => {
    const id = /\bid="([^"]+)"/.exec(tag)?.[1];
    return id !== undefined && html.includes(`for="${id}"`);
  }).length;
  const images = [...html.matchAll(/<img\b[^>]*>/gi)].map((m) => m[0]);
  const withAlt = images.filter((tag) => /\balt="[^"]*\S[^"]*"/.test(tag)).length;
  return (
    `checked the page: ${h1s} main heading${h1s === 1 ? "" : "s"}, ${sections} sections, ` +
    `${labelled} of ${fields.length} form fields labelled, ${withAlt} of ${images.length} images with alt text`
  );
}
