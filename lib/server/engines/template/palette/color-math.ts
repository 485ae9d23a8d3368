/**
 * Colour arithmetic for accessible palettes: WCAG 2 relative luminance and contrast, plus mixing.
 * Colours are always normalised to lowercase #rrggbb so CSS and contrast checks see the same value.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Parses #rgb or #rrggbb; returns null for anything else. */
export function parseHex(hex: string): Rgb | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match || !match[1]) return null;
  let digits = match[1];
  if (digits.length === 3) digits = digits.replace(/./g, (d) => d + d);
  const value = Number.parseInt(digits, 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

/** Formats channels (clamped and rounded) as #rrggbb. */
export function toHex({ r, g, b }: Rgb): string {
  const channel = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, "0");
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

/** Normalises any hex form to #rrggbb; unparseable input becomes the fallback. */
export function normalizeHex(hex: string, fallback = "#000000"): string {
  const rgb = parseHex(hex);
  return rgb ? toHex(rgb) : fallback;
}

function rgbOf(hex: string): Rgb {
  return parseHex(hex) ?? { r: 0, g: 0, b: 0 };
}

/** WCAG 2.x relative luminance (0 = black, 1 = white). */
export function relativeLuminance(hex: string): number {
  const { r, g, b } = rgbOf(hex);
  const linear = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio between two colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Linear mix: weight 0 returns `from`, 1 returns `to`. */
export function mix(from: string, to: string, weight: number): string {
  const a = rgbOf(from);
  const b = rgbOf(to);
  const w = Math.min(1, Math.max(0, weight));
  return toHex({ r: a.r + (b.r - a.r) * w, g: a.g + (b.g - a.g) * w, b: a.b + (b.b - a.b) * w });
}

export function isDark(hex: string): boolean {
  return relativeLuminance(hex) < 0.18;
}

/**
 * Moves `color` toward black or white (away from the backgrounds) until it reaches `min` contrast
 * against every background. Requested colours are kept as close to the original as possible.
 */
export function ensureContrast(color: string, backgrounds: readonly string[], min = 4.5): string {
  const passes = (c: string) => backgrounds.every((bg) => contrastRatio(c, bg) >= min);
  const start = normalizeHex(color);
  if (passes(start)) return start;
  const averageBgLum = backgrounds.reduce((sum, bg) => sum + relativeLuminance(bg), 0) / Math.max(1, backgrounds.length);
  const targets = averageBgLum > 0.4 ? ["#000000", "#ffffff"] : ["#ffffff", "#000000"];
  for (const target of targets) {
    for (let step = 1; step <= 40; step += 1) {
      const candidate = mix(start, target, step / 40);
      if (passes(candidate)) return candidate;
    }
  }
  // Pure black or white always wins against at least one extreme; pick the stronger.
  const worst = (c: string) => Math.min(...backgrounds.map((bg) => contrastRatio(c, bg)));
  return worst("#000000") >= worst("#ffffff") ? "#000000" : "#ffffff";
}

/** The text colour (near-white or near-black) that reads best on `background`. */
export function pickReadableText(background: string, light = "#ffffff", dark = "#111418"): string {
  return contrastRatio(light, background) >= contrastRatio(dark, background) ? light : dark;
}

/** Hex → hue (0..360), saturation and lightness (0..1). */
export function toHsl(hex: string): { h: number; s: number; l: number } {
  const { r, g, b } = rgbOf(hex);
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === rn) h = (gn - bn) / d + (gn < bn ? 6 : 0);
  else if (max === gn) h = (bn - rn) / d + 2;
  else h = (rn - gn) / d + 4;
  return { h: h * 60, s, l };
}

/** HSL → hex. */
export function fromHsl(h: number, s: number, l: number): string {
  const hue = (((h % 360) + 360) % 360) / 360;
  if (s === 0) return toHex({ r: l * 255, g: l * 255, b: l * 255 });
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number) => {
    let t = t0;
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return toHex({ r: channel(hue + 1 / 3) * 255, g: channel(hue) * 255, b: channel(hue - 1 / 3) * 255 });
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
