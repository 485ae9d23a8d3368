/**
 * Colour arithmetic for accessible palettes: WCAG 2 relative luminance and contrast (culori), mixing and HSL.
 * Colours are always normalised to lowercase #rrggbb so CSS and contrast checks see the same value.
 */

import { formatHex, lerp, parseHex as parseAnyHex, wcagContrast, wcagLuminance, type Rgb } from "culori";

/** Parses #rgb or #rrggbb (the # optional); culori alone would also take #rgba and #rrggbbaa. */
function parseHex(hex: string): Rgb | undefined {
  return /^#?(?:[0-9a-f]{3}){1,2}$/i.test(hex.trim()) ? parseAnyHex(hex.trim()) : undefined;
}

/** Normalises any hex form to #rrggbb; unparseable input becomes the fallback. */
export function normalizeHex(hex: string, fallback = "#000000"): string {
  return formatHex(parseHex(hex)) ?? fallback;
}

/** Unparseable colours count as black. */
const rgbOf = (hex: string): Rgb => parseHex(hex) ?? { mode: "rgb", r: 0, g: 0, b: 0 };

/** WCAG contrast ratio between two colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  return wcagContrast(rgbOf(a), rgbOf(b));
}

/** Linear mix in gamma-encoded sRGB: weight 0 returns `from`, 1 returns `to`. */
export function mix(from: string, to: string, weight: number): string {
  const [a, b, w] = [rgbOf(from), rgbOf(to), Math.min(1, Math.max(0, weight))];
  // Lerps the 8-bit values: culori's `interpolate` works on 0..1 and rounds some half-way shades the other way.
  const channel = (c: "r" | "g" | "b") => lerp(a[c] * 255, b[c] * 255, w) / 255;
  return formatHex({ mode: "rgb", r: channel("r"), g: channel("g"), b: channel("b") });
}

export function isDark(hex: string): boolean {
  return wcagLuminance(rgbOf(hex)) < 0.18;
}

/**
 * Moves `color` toward black or white (away from the backgrounds) until it reaches `min` contrast
 * against every background. Requested colours are kept as close to the original as possible.
 */
export function ensureContrast(color: string, backgrounds: readonly string[], min = 4.5): string {
  const passes = (c: string) => backgrounds.every((bg) => contrastRatio(c, bg) >= min);
  const start = normalizeHex(color);
  if (passes(start)) return start;
  const averageBgLum = backgrounds.reduce((sum, bg) => sum + wcagLuminance(rgbOf(bg)), 0) / Math.max(1, backgrounds.length);
  const targets = averageBgLum > 0.4 ? ["#000000", "#ffffff"] : ["#ffffff", "#000000"];
  const steps = targets.flatMap((target) => Array.from({ length: 40 }, (_, i) => mix(start, target, (i + 1) / 40)));
  const nudged = steps.find(passes);
  if (nudged) return nudged;
  // Pure black or white always wins against at least one extreme; pick the stronger.
  const worst = (c: string) => Math.min(...backgrounds.map((bg) => contrastRatio(c, bg)));
  return worst("#000000") >= worst("#ffffff") ? "#000000" : "#ffffff";
}

// HSL stays hand-written: culori's conversions round about 4% of half-way channels the other way, which would move
// the derived secondary colour (and shaded colour words) of some sites by one step.

/** Hex → hue (0..360), saturation and lightness (0..1). */
export function toHsl(hex: string): { h: number; s: number; l: number } {
  const { r, g, b } = rgbOf(hex);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { h: h * 60, s, l };
}

export function fromHsl(h: number, s: number, l: number): string {
  const hue = (((h % 360) + 360) % 360) / 360;
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number) => {
    const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return formatHex({ mode: "rgb", r: channel(hue + 1 / 3), g: channel(hue), b: channel(hue - 1 / 3) });
}

/** Rotates the hue, used to derive a harmonious secondary colour from the accent. */
export function rotateHue(hex: string, degrees: number): string {
  const { h, s, l } = toHsl(hex);
  return fromHsl(h + degrees, s, l);
}

/** True when a colour is essentially grey (black, white, greys): it cannot carry an accent alone. */
export function isNeutral(hex: string): boolean {
  return toHsl(hex).s < 0.12;
}
