import type { HTMLElement } from "node-html-parser";
import { type SiteEdit, type SizeStep, type SpacingStep } from "@/lib/protocol";
import type { SiteFiles } from "../engines/engine";
import { collectElementIds, findElement, parseMarkup, renewElementIds, repairElementIds } from "./element-ids";
import { placeLogo, replaceImage } from "./image-edits";

/*
 * Direct edits, applied by element id to a version's markup. The tree finds the element; only its
 * own bytes in the original text are replaced, so the rest of the page stays exactly as it was.
 * Every value written is either escaped text or one of a few fixed CSS values (the schema admits
 * nothing else), so an edit can never add markup, a script or a URL.
 */

const SPACING: Record<SpacingStep, string> = { none: "0", small: "0.5rem", medium: "1.5rem", large: "3rem" };
const SIZES: Record<SizeStep, string> = { small: "0.875em", normal: "1em", large: "1.35em", huge: "2em" };

/** Thrown when the element an edit names is not in the base version. */
export class MissingElementError extends Error {
  constructor(readonly elementId: string) {
    super(`No element ${elementId} in this version`);
    this.name = "MissingElementError";
  }
}

const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

/** Sets declarations in a style attribute, keeping the others. */
function mergeStyle(el: HTMLElement, set: Record<string, string | undefined>): void {
  const declarations = new Map<string, string>();
  for (const part of (el.getAttribute("style") ?? "").split(";")) {
    const colon = part.indexOf(":");
    if (colon > 0) declarations.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim());
  }
  for (const [property, value] of Object.entries(set)) if (value !== undefined) declarations.set(property, value);
  el.setAttribute("style", [...declarations].map(([p, v]) => `${p}: ${v}`).join("; "));
}

function siblingElement(el: HTMLElement, direction: "up" | "down"): HTMLElement | null {
  const siblings = (el.parentNode?.childNodes ?? []).filter((n): n is HTMLElement => n.nodeType === 1);
  const at = siblings.indexOf(el);
  return siblings[direction === "up" ? at - 1 : at + 1] ?? null;
}

/** The site after `edit`; throws MissingElementError when its element is not there. */
export function applySiteEdit(site: SiteFiles, edit: SiteEdit): SiteFiles {
  // The hand-edited code is the new site. Ids a hand edit broke (a pasted copy's, junk) are
  // dropped here; the runner then stamps every element without one, so each id stays unique.
  if (edit.kind === "code") return { html: repairElementIds(edit.html), css: edit.css, js: edit.js };
  if (edit.kind === "logo") return { ...site, html: placeLogo(site.html, edit.asset, edit.alt) };
  const html = site.html;
  const root = parseMarkup(html);
  const el = findElement(root, edit.id);
  if (!el) throw new MissingElementError(edit.id);
  const [start, end] = el.range;
  switch (edit.kind) {
    case "text":
      el.textContent = edit.text;
      return { ...site, html: splice(html, start, end, el.toString()) };
    case "style":
      mergeStyle(el, {
        color: edit.color,
        "background-color": edit.background,
        "text-align": edit.align,
        padding: edit.spacing && SPACING[edit.spacing],
        "font-size": edit.size && SIZES[edit.size],
      });
      return { ...site, html: splice(html, start, end, el.toString()) };
    case "image":
      return { ...site, html: replaceImage(html, edit.id, edit.asset, edit.alt) };
    case "remove":
      return { ...site, html: splice(html, start, end, "") };
    case "duplicate": {
      const copy = parseMarkup(html.slice(start, end));
      const first = copy.childNodes.find((n): n is HTMLElement => n.nodeType === 1);
      if (first) renewElementIds(first, collectElementIds(root));
      return { ...site, html: splice(html, end, end, `\n${copy.toString()}`) };
    }
    case "move": {
      const other = siblingElement(el, edit.direction);
      if (!other) return site;
      const [a, b] = edit.direction === "up" ? [other, el] : [el, other];
      // a comes before b: swap their texts, keeping what lies between them.
      const textA = html.slice(a.range[0], a.range[1]);
      const textB = html.slice(b.range[0], b.range[1]);
      const between = html.slice(a.range[1], b.range[0]);
      return { ...site, html: splice(html, a.range[0], b.range[1], textB + between + textA) };
    }
  }
}

const PARTS: Record<string, string> = {
  h1: "headline", h2: "heading", h3: "heading", h4: "heading", p: "text", a: "link", button: "button", img: "image",
  section: "section", header: "header", footer: "footer", nav: "menu", li: "list item", ul: "list", form: "form",
};

const GENERIC_CLASSES = new Set(["section", "container", "card", "wrapper", "inner", "site-header", "site-footer"]);

/** Where the element sits, for people: its section's id or class ("hero"), or null. */
function placeOf(el: HTMLElement): string | null {
  for (let node: HTMLElement | null = el; node; node = node.parentNode) {
    const tag = node.rawTagName?.toLowerCase();
    if (tag === "section" || tag === "header" || tag === "footer") {
      // A telling class ("hero", "section-faq" → "faq") names a section better than its anchor id ("top").
      const telling = node.classList.value.find((c) => !GENERIC_CLASSES.has(c))?.replace(/^section-/, "");
      const name = telling || node.id || tag;
      return name.replace(/[^A-Za-z0-9 -]/g, " ").replace(/-/g, " ").trim().slice(0, 30) || null;
    }
  }
  return null;
}

/** The turn's line for a direct edit, e.g. "Edited the hero headline". */
export function describeSiteEdit(html: string, edit: SiteEdit): string {
  if (edit.kind === "code") return "Edited the code by hand";
  if (edit.kind === "logo") return "Set the logo";
  const el = findElement(parseMarkup(html), edit.id);
  const tag = el?.rawTagName?.toLowerCase() ?? "";
  const part = PARTS[tag] ?? "element";
  const place = el ? placeOf(el) : null;
  const what = place && place !== part ? `the ${place} ${part}` : `the ${part}`;
  switch (edit.kind) {
    case "text":
      return `Edited ${what}`;
    case "style":
      return `Restyled ${what}`;
    case "image":
      return `Replaced ${what.replace(/ (element|image)$/, "")} image`.replace("the  image", "the image");
    case "remove":
      return `Removed ${what}`;
    case "duplicate":
      return `Duplicated ${what}`;
    case "move":
      return `Moved ${what} ${edit.direction}`;
  }
}

/** An element's markup and its place in the page (for a prompt aimed at it). */
export function describeTarget(html: string, id: string): { html: string; path: string } | null {
  const el = findElement(parseMarkup(html), id);
  if (!el) return null;
  const path: string[] = [];
  for (let node: HTMLElement | null = el; node?.rawTagName; node = node.parentNode) {
    path.unshift(`${node.rawTagName.toLowerCase()}${node.id ? `#${node.id}` : ""}`);
  }
  return { html: html.slice(el.range[0], el.range[1]), path: ["body", ...path].join(" > ") };
}

/** Replaces the element `id` in `html` by `replacement` (markup); null when `html` lacks it. */
export function replaceElement(html: string, id: string, replacement: string): string | null {
  const el = findElement(parseMarkup(html), id);
  return el ? splice(html, el.range[0], el.range[1], replacement) : null;
}

/** The markup of element `id` in `html`, or null. */
export function elementMarkup(html: string, id: string): string | null {
  return describeTarget(html, id)?.html ?? null;
}

