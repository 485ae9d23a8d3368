import type { HTMLElement } from "node-html-parser";
import { assetRef } from "@/lib/protocol";
import { findElement, parseMarkup } from "./element-ids";

/*
 * The two direct edits that bring in an uploaded image. Only the image's (or the header link's)
 * own bytes are replaced in the markup; what is written is the asset's reference, a fixed class
 * and style, and the alt text escaped as an attribute value.
 */

/** Thrown when an image edit cannot find its place (no image selected, no header for a logo). */
export class ImagePlaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImagePlaceError";
  }
}

/** The attribute that marks the header's uploaded logo (the favicon is read from it). */
export const LOGO_ATTRIBUTE = "data-ov-logo";

// node-html-parser escapes quotes in attribute values, not ampersands or brackets.
const attrText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

function pointAt(img: HTMLElement, asset: string, alt: string): void {
  img.setAttribute("src", assetRef(asset));
  img.setAttribute("alt", attrText(alt));
  // A srcset would win over src in the browser and keep showing the old picture.
  img.removeAttribute("srcset");
  img.removeAttribute("sizes");
}

/** The markup with the image `id` (or the one image inside it) showing `asset`. */
export function replaceImage(html: string, id: string, asset: string, alt: string): string {
  const root = parseMarkup(html);
  const el = findElement(root, id);
  if (!el) return html;
  const img = el.rawTagName?.toLowerCase() === "img" ? el : el.querySelectorAll("img").length === 1 ? el.querySelector("img") : null;
  if (!img) throw new ImagePlaceError("The selected element is not an image (or holds several). Select the image itself.");
  const [start, end] = img.range;
  pointAt(img, asset, alt);
  // The new picture fills the old one's box instead of being stretched to its proportions.
  const style = img.getAttribute("style") ?? "";
  if (!/object-fit/i.test(style)) img.setAttribute("style", `${style ? `${style.replace(/;\s*$/, "")}; ` : ""}object-fit: cover`);
  return splice(html, start, end, img.toString());
}

/** The markup with `asset` as the header's logo: the one it has is replaced, else one is put before the brand's name. */
export function placeLogo(html: string, asset: string, alt: string): string {
  const root = parseMarkup(html);
  const existing = root.querySelector(`img[${LOGO_ATTRIBUTE}]`);
  if (existing) {
    const [start, end] = existing.range;
    pointAt(existing, asset, alt);
    return splice(html, start, end, existing.toString());
  }
  const header = root.querySelector("header") ?? root.querySelector("nav");
  if (!header) throw new ImagePlaceError("This page has no header to put a logo in.");
  const brand = header.querySelector("a") ?? header;
  const [start, end] = brand.range;
  const logo = `<img ${LOGO_ATTRIBUTE} class="ov-logo" src="${assetRef(asset)}" alt="${attrText(alt).replace(/"/g, "&quot;")}" height="40" style="height: 2.5rem; width: auto; max-width: 10rem; object-fit: contain; vertical-align: middle; margin-right: 0.5rem">`;
  // A drawn mark in the brand ("brand-mark", "logo") is what the logo replaces; else it goes first.
  const mark = brand.childNodes.find((n): n is HTMLElement => n.nodeType === 1 && /mark|logo/i.test((n as HTMLElement).getAttribute("class") ?? ""));
  if (mark) mark.replaceWith(logo);
  else brand.insertAdjacentHTML("afterbegin", logo);
  return splice(html, start, end, brand.toString());
}
