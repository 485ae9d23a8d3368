/**
 * "Use my photos": the project's uploaded images take the place of the drawn artwork, in page
 * order (the hero's first, then the about block, the gallery and the cards), and an uploaded logo
 * goes into the header. Only the artwork's <img> tags change; the rest of the page stays as it is.
 */

import { placeLogo } from "../../../site/image-edits";
import type { SiteSpec } from "../site-spec";
import { escapeHtml } from "../render/html-escape";

/** Words that ask for it: "use my photos", "put our pictures in", "add the uploaded images and logo". */
export const USE_IMAGES_PATTERN = /\b(?:use|add|put|show|place|insert|include)\s+(?:in\s+)?(?:my|our|the\s+uploaded|uploaded|the)\s+(?:own\s+)?(?:photos?|images?|pictures?|logo)\b/i;

const ARTWORK = /<img\b[^>]*\bsrc="data:image\/svg\+xml[^"]*"[^>]*>/g;

/** The markup with the uploads in the artwork's places, and what was done, for the step's message. */
export function placeUploadedImages(html: string, images: NonNullable<SiteSpec["images"]>): { html: string; note: string } {
  const photos = images.filter((i) => i.role === "image");
  const logo = images.filter((i) => i.role === "logo").at(-1);
  if (!photos.length && !logo) return { html, note: "there are no uploaded images yet (upload them with the Image button above the preview)" };
  let placed = 0;
  let next = html.replace(ARTWORK, (tag) => {
    const photo = photos[placed];
    if (!photo) return tag;
    placed += 1;
    let out = tag.replace(/\bsrc="[^"]*"/, `src="images/${photo.name}"`);
    if (photo.alt) out = out.replace(/\balt="[^"]*"/, `alt="${escapeHtml(photo.alt)}"`);
    return /\bstyle="/.test(out) ? out : out.replace(/^<img\b/, '<img style="object-fit: cover"');
  });
  const notes = placed ? [`put ${placed} of your images in the page`] : [];
  if (logo && !/\bdata-ov-logo\b/.test(next)) {
    try {
      next = placeLogo(next, logo.name, logo.alt);
      notes.push("put your logo in the header");
    } catch {
      notes.push("the page has no header for your logo");
    }
  }
  return { html: next, note: notes.join("; ") || "every picture of the page already shows your images" };
}
