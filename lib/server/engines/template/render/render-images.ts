/**
 * The project's own images in the template's picture slots: the newest uploaded logo in the
 * header, photos (oldest first) in the hero, the about block, the gallery and the cards. A slot
 * with no photo of its own keeps the drawn artwork, so a page is never half empty.
 */

import { escapeHtml } from "./html-escape";
import { ART_SIZES, renderArtUri, type ArtRatio } from "./render-art";
import type { RenderContext } from "./render-context";

type PictureSlot = "hero" | "about" | "gallery" | "card";

/** The header's brand mark: the uploaded logo (marked `data-ov-logo`, which the favicon is read from), else the name's letter. */
export function renderBrandMark(ctx: RenderContext, letter: string): string {
  const logo = (ctx.spec.images ?? []).filter((i) => i.role === "logo").at(-1);
  if (!logo) return `<span class="brand-mark" aria-hidden="true">${letter}</span>`;
  // The name is written beside it, so a logo without its own alt text is decorative.
  return `<img data-ov-logo class="ov-logo" src="images/${logo.name}" alt="${escapeHtml(logo.alt)}" height="40" style="height: 2.5rem; width: auto; max-width: 10rem; object-fit: contain">`;
}

/**
 * An <img> of a picture slot: an upload when there is one for it (filling the artwork's box, cropped,
 * never stretched), else the artwork drawn from the page's seed and `art.seed`. `art.alt` is escaped already.
 */
export function renderPicture(ctx: RenderContext, slot: PictureSlot, index: number, art: { seed: string; ratio: ArtRatio; alt: string }): string {
  const photos = (ctx.spec.images ?? []).filter((i) => i.role === "image");
  const photo = slot === "hero" ? photos[0] : slot === "about" ? photos[1] : photos[index];
  const [width, height] = ART_SIZES[art.ratio];
  const size = `width="${width}" height="${height}" decoding="async"`;
  if (!photo) return `<img src="${renderArtUri(`${ctx.spec.seed}|${art.seed}`, ctx.spec.palette, art.ratio)}" alt="${art.alt}" ${size}>`;
  return `<img src="images/${photo.name}" alt="${photo.alt ? escapeHtml(photo.alt) : art.alt}" ${size} style="object-fit: cover">`;
}
