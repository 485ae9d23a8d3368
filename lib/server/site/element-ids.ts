import { HTMLElement, parse, type Node } from "node-html-parser";
import { ELEMENT_ID_ATTRIBUTE } from "@/lib/protocol";

/*
 * Stable element ids: every meaningful element of a site's markup carries `data-ov-id`, so the
 * workspace can select it and the server can edit it by id. Ids already present are kept (a
 * follow-up edits markup that carries them); a missing one is derived from the element's place
 * (its parent's id, its tag, its own id or first class, and its index among siblings alike), so
 * an engine that re-renders the same structure gets the same ids back, and removing one section
 * leaves the others' ids alone.
 */

/** Elements that never get an id: not visible content, or parts of a drawing. */
const SKIPPED = new Set(["script", "style", "noscript", "template", "br", "wbr", "meta", "link", "title", "head"]);
/** Inside these, children are details of one picture or control, selected as a whole. */
const OPAQUE = new Set(["svg", "math", "select", "picture"]);

const PARSE_OPTIONS = { comment: true, blockTextElements: { script: true, style: true, noscript: true, pre: true, textarea: true } };

/** Parses body markup (a fragment) into a tree that prints back as written. */
export function parseMarkup(html: string): HTMLElement {
  return parse(html, PARSE_OPTIONS);
}

/** FNV-1a, base 36: short, stable across processes and versions. */
function hashKey(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const isElement = (node: Node): node is HTMLElement => node instanceof HTMLElement;
const tagOf = (el: HTMLElement) => (el.rawTagName ?? "").toLowerCase();
const VALID_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Gives every meaningful element of `html` a unique, stable `data-ov-id`. The tree only finds the
 * places: the attribute is inserted into the original text right after each tag name, so every
 * other byte of the markup stays as the engine wrote it.
 */
export function stampElementIds(html: string): string {
  if (!html.trim()) return html;
  const root = parseMarkup(html);
  const seen = new Set<string>();
  const inserts: { at: number; text: string }[] = [];
  const visit = (parent: HTMLElement, parentKey: string) => {
    const counts = new Map<string, number>();
    for (const child of parent.childNodes) {
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (!tag || SKIPPED.has(tag)) continue;
      const signature = `${tag}#${child.id}.${child.classList.value[0] ?? ""}`;
      const index = counts.get(signature) ?? 0;
      counts.set(signature, index + 1);
      const existing = child.getAttribute(ELEMENT_ID_ATTRIBUTE);
      let id = existing !== undefined && VALID_ID.test(existing) && !seen.has(existing) ? existing : null;
      // An element whose attribute is unusable (a duplicate's, or junk) is left for another pass
      // to fix with the tree; inserting a second attribute would not override the first.
      if (!id && existing === undefined) {
        const base = `e${hashKey(`${parentKey}/${signature}:${index}`)}`;
        id = base;
        for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
        const at = child.range[0] + 1 + (child.rawTagName ?? "").length;
        if (html.slice(child.range[0] + 1, at).toLowerCase() === tag) inserts.push({ at, text: ` ${ELEMENT_ID_ATTRIBUTE}="${id}"` });
      } else if (!id) {
        id = `${parentKey}-x`;
      }
      seen.add(id);
      if (!OPAQUE.has(tag)) visit(child, id);
    }
  };
  visit(root, "root");
  if (inserts.length === 0) return html;
  inserts.sort((a, b) => a.at - b.at);
  let out = "";
  let from = 0;
  for (const { at, text } of inserts) {
    out += html.slice(from, at) + text;
    from = at;
  }
  return out + html.slice(from);
}

/**
 * Gives fresh ids to the copies of a duplicated element (inside `root`, in place): the copy and
 * everything in it carry the original's ids, which must stay the original's.
 */
export function renewElementIds(copy: HTMLElement, taken: Set<string>): void {
  const all = [copy, ...copy.querySelectorAll(`[${ELEMENT_ID_ATTRIBUTE}]`)];
  for (const el of all) {
    const old = el.getAttribute(ELEMENT_ID_ATTRIBUTE);
    if (old === undefined) continue;
    let id = `${old}-c`;
    for (let n = 2; taken.has(id); n++) id = `${old}-c${n}`;
    taken.add(id);
    el.setAttribute(ELEMENT_ID_ATTRIBUTE, id.slice(0, 64));
  }
}

/** Every id present in the tree. */
export function collectElementIds(root: HTMLElement): Set<string> {
  return new Set(root.querySelectorAll(`[${ELEMENT_ID_ATTRIBUTE}]`).map((el) => el.getAttribute(ELEMENT_ID_ATTRIBUTE) ?? ""));
}

/** The element with this id, or null. */
export function findElement(root: HTMLElement, id: string): HTMLElement | null {
  if (!VALID_ID.test(id)) return null;
  return root.querySelector(`[${ELEMENT_ID_ATTRIBUTE}="${id}"]`);
}

/** Whether the markup has an element with this id. */
export function hasElement(html: string, id: string): boolean {
  return findElement(parseMarkup(html), id) !== null;
}

/** The markup without the given [start, end) ranges (overlapping ones cut once). */
function cutRanges(html: string, cuts: [number, number][]): string {
  cuts.sort((a, b) => a[0] - b[0]);
  let out = "";
  let from = 0;
  for (const [start, end] of cuts) {
    if (start < from) continue;
    out += html.slice(from, start);
    from = end;
  }
  return out + html.slice(from);
}

/** The markup without the ids this module wrote (for an engine that reads the markup by pattern). */
export function stripElementIds(html: string): string {
  if (!html.includes(ELEMENT_ID_ATTRIBUTE)) return html;
  const cuts: [number, number][] = [];
  for (const el of parseMarkup(html).querySelectorAll(`[${ELEMENT_ID_ATTRIBUTE}]`)) {
    const text = ` ${ELEMENT_ID_ATTRIBUTE}="${el.getAttribute(ELEMENT_ID_ATTRIBUTE) ?? ""}"`;
    const at = html.indexOf(text, el.range[0]);
    if (at >= 0 && at < el.range[1]) cuts.push([at, at + text.length]);
  }
  return cutRanges(html, cuts);
}

/** An opening tag, attribute by attribute (a quoted value may hold a ">"). */
const OPENING_TAG = /^<[^\s/>]+(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?|\s*\/)*\s*>/;
const ID_ATTRIBUTE_TEXT = new RegExp(`\\s${ELEMENT_ID_ATTRIBUTE}(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s>]+))?`, "gi");

/**
 * Drops the ids that hand-edited markup got wrong — a pasted copy's duplicate, junk typed into
 * one — so that `stampElementIds` gives those elements fresh ones. The first element with an id
 * keeps it; every other byte stays as typed.
 */
export function repairElementIds(html: string): string {
  if (!html.toLowerCase().includes(ELEMENT_ID_ATTRIBUTE)) return html;
  const seen = new Set<string>();
  const cuts: [number, number][] = [];
  for (const el of parseMarkup(html).querySelectorAll(`[${ELEMENT_ID_ATTRIBUTE}]`)) {
    const id = el.getAttribute(ELEMENT_ID_ATTRIBUTE) ?? "";
    const tag = OPENING_TAG.exec(html.slice(el.range[0], el.range[1]))?.[0] ?? "";
    const written = tag.match(ID_ATTRIBUTE_TEXT)?.length ?? 0;
    if (VALID_ID.test(id) && !seen.has(id) && written === 1) {
      seen.add(id);
      continue;
    }
    for (const match of tag.matchAll(ID_ATTRIBUTE_TEXT)) {
      const at = el.range[0] + (match.index ?? 0);
      cuts.push([at, at + match[0].length]);
    }
  }
  if (cuts.length === 0) return html;
  return cutRanges(html, cuts);
}
