/**
 * The project's own images in the template's picture slots: the newest uploaded logo in the
 * header, photos (oldest first) in the hero, the about block, the gallery and the cards. A slot
 * with no photo of its own keeps the drawn artwork, so a page is never half empty.
 */

import { escapeHtml } from "./html-escape";
import { renderArtUri } from "./render-art";
import type { RenderContext } from "./render-context";

export type PictureSlot = "hero" | "about" | "gallery" | "card";

const photosOf = (ctx: RenderContext) => (ctx.spec.images ?? []).filter((i) => i.role === "image");

/** The `src` and `alt` attribute values (escaped) of a picture slot: an upload's when one is there, else the artwork's. */
export function pictureFor(ctx: RenderContext, slot: PictureSlot, index: number, art: { seed: string; ratio: "wide" | "square" | "tall"; alt: string }): { src: string; alt: string; photo: boolean } {
  const photos = photosOf(ctx);
  const photo = slot === "hero" ? photos[0] : slot === "about" ? photos[1] : photos[index];
  if (photo) return { src: `images/${photo.name}`, alt: photo.alt ? escapeHtml(photo.alt) : art.alt, photo: true };
  return { src: renderArtUri(art.seed, ctx.spec.palette, art.ratio), alt: art.alt, photo: false };
}

/** The header's brand mark: the uploaded logo (marked `data-ov-logo`, which the favicon is read from), else the name's letter. */
export function renderBrandMark(ctx: RenderContext, letter: string): string {
  const logo = (ctx.spec.images ?? []).filter((i) => i.role === "logo").at(-1);
  if (!logo) return `<span class="brand-mark" aria-hidden="true">${letter}</span>`;
  // The name is written beside it, so a logo without its own alt text is decorative.
  return `<img data-ov-logo class="ov-logo" src="images/${logo.name}" alt="${escapeHtml(logo.alt)}" height="40" style="height: 2.5rem; width: auto; max-width: 10rem; object-fit: contain">`;
}

/** An <img> of a picture slot; a photo fills the artwork's box (cropped, never stretched). */
export function renderPicture(ctx: RenderContext, slot: PictureSlot, index: number, art: { seed: string; ratio: "wide" | "square" | "tall"; alt: string }, size: [number, number]): string {
  const picture = pictureFor(ctx, slot, index, art);
  const fit = picture.photo ? ` style="object-fit: cover"` : "";
  return `<img src="${picture.src}" alt="${picture.alt}" width="${size[0]}" height="${size[1]}" decoding="async"${fit}>`;
}
