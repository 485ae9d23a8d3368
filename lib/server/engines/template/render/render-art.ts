/**
 * Self-contained imagery: abstract SVG artwork as data URIs (no network, no external assets) and
 * small inline icons. Shapes are placed by a seeded generator, so art differs per image but is
 * identical on every run.
 */

import icons from "../data/icons.json";
import { mix } from "../palette/color-math";
import type { IconName } from "../content/kind-content";
import type { Palette } from "../palette/build-palette";

/** A small stable string hash (FNV-1a) so "random" choices stay deterministic per prompt. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Deterministic pseudo-random numbers in [0, 1) from a string seed (mulberry32). */
function seededRandom(seed: string): () => number {
  let state = hashString(seed) || 1;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Width and height of the artwork (and of the <img> showing it) for each ratio. */
export const ART_SIZES = { wide: [640, 420], square: [480, 480], tall: [480, 600] } as const;
export type ArtRatio = keyof typeof ART_SIZES;

/** Soft gradient with overlapping blobs in the palette's colours, as a data URI. */
export function renderArtUri(seed: string, palette: Palette, ratio: ArtRatio = "square"): string {
  const random = seededRandom(seed);
  const [w, h] = ART_SIZES[ratio];
  const colors = [palette.accent, palette.secondary, mix(palette.accent, "#ffffff", 0.45), mix(palette.secondary, palette.bg, 0.3)];
  const base = palette.mode === "dark" ? mix(palette.bg, palette.accent, 0.25) : mix(palette.bg, palette.accent, 0.18);
  const shapes = Array.from({ length: 5 }, (_, i) => {
    const color = colors[i % colors.length] ?? palette.accent;
    const cx = Math.round(random() * w);
    const cy = Math.round(random() * h);
    const r = Math.round((0.18 + random() * 0.28) * Math.min(w, h));
    const opacity = (0.45 + random() * 0.45).toFixed(2);
    return i % 2 === 0
      ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}" fill-opacity="${opacity}"/>`
      : `<rect x="${cx - r}" y="${cy - r / 2}" width="${r * 2}" height="${r}" rx="${Math.round(r / 2)}" fill="${color}" fill-opacity="${opacity}" transform="rotate(${Math.round(random() * 90 - 45)} ${cx} ${cy})"/>`;
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${base}"/>` +
    `<stop offset="1" stop-color="${mix(base, palette.secondary, 0.35)}"/></linearGradient>` +
    `<filter id="b"><feGaussianBlur stdDeviation="${Math.round(Math.min(w, h) / 40)}"/></filter></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#g)"/><g filter="url(#b)">${shapes.join("")}</g></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const ICON_PATHS: Record<IconName, string> = icons.paths;

/** A decorative inline icon (hidden from assistive tech: the heading next to it says it all). */
export function renderIcon(name: IconName): string {
  return `<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="${ICON_PATHS[name]}" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

/** Initials for avatar circles ("Dr. Maya Chen" → "MC"). */
export function initialsOf(name: string): string {
  const words = name.replace(/\b(dr|mr|mrs|ms)\.\s*/gi, "").split(/\s+/).filter(Boolean);
  return words.map((w) => w.charAt(0)).filter((c) => /\p{L}/u.test(c)).slice(0, 2).join("").toUpperCase() || "•";
}
