import { describeSelection, ELEMENT_ID_ATTRIBUTE } from "@/lib/protocol";

/** An element of the version on screen, as the workspace names it. */
export interface SelectedElement {
  id: string;
  tag: string;
  /** "Heading · Our dentists". */
  label: string;
  /** Whether its text can be edited in place (no child elements but inline ones). */
  textEditable: boolean;
  /** Its text, whitespace collapsed. */
  text: string;
  /** The nearest enclosing element with an id (to widen the selection to a section), or null. */
  parentId: string | null;
}

const INLINE = new Set(["b", "i", "em", "strong", "small", "span", "br", "a", "code", "mark", "sup", "sub"]);

/**
 * Looks the id up in the HTML the parent itself sent to the frame (parsed inert by DOMParser:
 * no script runs, nothing loads). The frame only claims an id; kind and text come from here.
 */
export function lookUpElement(html: string, id: string): SelectedElement | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}</body>`, "text/html");
  const el = doc.querySelector(`[${ELEMENT_ID_ATTRIBUTE}="${id}"]`);
  if (!el) return null;
  const tag = el.tagName.toLowerCase();
  const textEditable = [...el.querySelectorAll("*")].every((child) => INLINE.has(child.tagName.toLowerCase())) && tag !== "img";
  // An image says what it shows by its alt text ("Image · A loaf of sourdough").
  const text = (tag === "img" ? (el.getAttribute("alt") ?? "") : (el.textContent ?? "")).replace(/\s+/g, " ").trim();
  const parentId = el.parentElement?.closest(`[${ELEMENT_ID_ATTRIBUTE}]`)?.getAttribute(ELEMENT_ID_ATTRIBUTE) ?? null;
  return { id, tag, label: describeSelection({ tag, text }), textEditable, text, parentId };
}
