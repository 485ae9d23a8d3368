/**
 * Builds an accessible palette from an accent colour. Every text/background pair the stylesheet
 * uses is checked against WCAG AA (4.5:1) here, and colours are nudged until they pass, so a
 * requested colour is honoured as closely as readability allows.
 */

import { contrastRatio, ensureContrast, isNeutral, mix, normalizeHex, pickReadableText, rotateHue } from "./color-math";

export interface Palette {
  mode: "light" | "dark";
  bg: string;
  surface: string;
  surfaceAlt: string;
  text: string;
  muted: string;
  border: string;
  /** Button background. */
  accent: string;
  /** Text on `accent`. */
  accentContrast: string;
  /** Accent used as text (links, eyebrows) on any page background. */
  accentInk: string;
  /** Tinted background for pills and the hero glow. */
  accentSoft: string;
  /** Decorative second colour for artwork. */
  secondary: string;
  headerBg: string;
  headerText: string;
  footerBg: string;
  footerText: string;
  footerMuted: string;
}

export interface PaletteRequest {
  accent: string;
  secondary?: string | null;
  mode: "light" | "dark";
  /** A light neutral the prompt asked for (cream, beige...), tinting the background. */
  lightTint?: string | null;
}

const MIN = 4.5;

/**
 * Chooses the button colours. White text is preferred (it reads as a "primary" button), so a
 * mid-tone accent is deepened a little until white passes; bright accents (yellow, lime) that
 * would turn muddy keep their colour and get dark text instead.
 */
function resolveButton(accent: string, preferDarkText = false): { accent: string; accentContrast: string } {
  // On dark pages a vivid accent with dark text glows; deepening it would make it dull.
  if (preferDarkText && contrastRatio("#111418", accent) >= MIN) return { accent, accentContrast: "#111418" };
  if (contrastRatio("#ffffff", accent) >= MIN) return { accent, accentContrast: "#ffffff" };
  for (let step = 1; step <= 8; step += 1) {
    const deeper = mix(accent, "#000000", step * 0.04);
    if (contrastRatio("#ffffff", deeper) >= MIN) return { accent: deeper, accentContrast: "#ffffff" };
  }
  const text = pickReadableText(accent);
  if (contrastRatio(text, accent) >= MIN) return { accent, accentContrast: text };
  return { accent: ensureContrast(accent, ["#ffffff"], MIN), accentContrast: "#ffffff" };
}

function buildLight(accent: string, secondary: string, tint: string | null | undefined): Palette {
  const bg = tint ? mix("#ffffff", tint, 0.45) : mix("#ffffff", accent, 0.025);
  const surface = tint ? mix(bg, "#ffffff", 0.6) : "#ffffff";
  const surfaceAlt = mix(bg, accent, 0.05);
  const accentSoft = mix(bg, accent, 0.14);
  const pageBgs = [bg, surface, surfaceAlt, accentSoft];
  const text = ensureContrast(mix("#15171c", accent, 0.12), pageBgs, 7);
  const footerBg = ensureContrast(mix("#111318", accent, 0.18), ["#f5f5f4"], 10);
  const footerText = "#f5f5f4";
  return {
    mode: "light",
    bg,
    surface,
    surfaceAlt,
    text,
    muted: ensureContrast(mix(text, bg, 0.38), pageBgs, MIN),
    border: mix(bg, text, 0.13),
    ...resolveButton(accent),
    accentInk: ensureContrast(accent, pageBgs, MIN),
    accentSoft,
    secondary,
    headerBg: bg,
    headerText: text,
    footerBg,
    footerText,
    footerMuted: ensureContrast(mix(footerText, footerBg, 0.3), [footerBg], MIN),
  };
}

function buildDark(accent: string, secondary: string): Palette {
  const bg = mix("#0c0e12", accent, 0.07);
  const surface = mix(bg, "#ffffff", 0.055);
  const surfaceAlt = mix(bg, "#ffffff", 0.03);
  const accentSoft = mix(bg, accent, 0.2);
  const pageBgs = [bg, surface, surfaceAlt, accentSoft];
  const text = ensureContrast(mix("#f5f5f4", accent, 0.05), pageBgs, 7);
  const footerBg = mix(bg, "#000000", 0.45);
  const footerText = text;
  return {
    mode: "dark",
    bg,
    surface,
    surfaceAlt,
    text,
    muted: ensureContrast(mix(text, bg, 0.32), pageBgs, MIN),
    border: mix(bg, text, 0.16),
    ...resolveButton(accent, true),
    accentInk: ensureContrast(accent, pageBgs, MIN),
    accentSoft,
    secondary,
    headerBg: bg,
    headerText: text,
    footerBg,
    footerText,
    footerMuted: ensureContrast(mix(footerText, footerBg, 0.3), [footerBg], MIN),
  };
}

/** Builds the whole palette; greys as accents get a gentle slate so buttons still stand out. */
export function buildPalette(request: PaletteRequest): Palette {
  let accent = normalizeHex(request.accent, "#2563eb");
  if (isNeutral(accent) && (accent === "#ffffff" || accent === "#000000")) accent = "#334155";
  const secondary = request.secondary ? normalizeHex(request.secondary) : rotateHue(accent, 18);
  return request.mode === "dark" ? buildDark(accent, secondary) : buildLight(accent, secondary, request.lightTint);
}

/** A dark header that reads well whatever the page palette is. */
export function buildDarkHeader(accent: string): { headerBg: string; headerText: string } {
  const headerBg = ensureContrast(mix("#0f1115", accent, 0.12), ["#f8fafc"], 12);
  return { headerBg, headerText: "#f8fafc" };
}

/** A header in a requested colour with whichever text colour passes. */
export function buildColoredHeader(color: string): { headerBg: string; headerText: string } {
  const { accent, accentContrast } = resolveButton(normalizeHex(color));
  return { headerBg: accent, headerText: accentContrast };
}

/** The text/background pairs the stylesheet really uses; each must reach 4.5:1. */
export function listContrastPairs(palette: Palette): Array<{ label: string; fg: string; bg: string }> {
  const p = palette;
  return [
    { label: "text on page", fg: p.text, bg: p.bg },
    { label: "text on card", fg: p.text, bg: p.surface },
    { label: "text on alt section", fg: p.text, bg: p.surfaceAlt },
    { label: "text on accent tint", fg: p.text, bg: p.accentSoft },
    { label: "muted on page", fg: p.muted, bg: p.bg },
    { label: "muted on card", fg: p.muted, bg: p.surface },
    { label: "muted on alt section", fg: p.muted, bg: p.surfaceAlt },
    { label: "link on page", fg: p.accentInk, bg: p.bg },
    { label: "link on card", fg: p.accentInk, bg: p.surface },
    { label: "eyebrow on tint", fg: p.accentInk, bg: p.accentSoft },
    { label: "button text", fg: p.accentContrast, bg: p.accent },
    { label: "header", fg: p.headerText, bg: p.headerBg },
    { label: "footer", fg: p.footerText, bg: p.footerBg },
    { label: "footer muted", fg: p.footerMuted, bg: p.footerBg },
  ];
}

const VAR_NAMES: Record<keyof Omit<Palette, "mode">, string> = {
  bg: "--bg",
  surface: "--surface",
  surfaceAlt: "--surface-alt",
  text: "--text",
  muted: "--muted",
  border: "--border",
  accent: "--accent",
  accentContrast: "--accent-contrast",
  accentInk: "--accent-ink",
  accentSoft: "--accent-soft",
  secondary: "--secondary",
  headerBg: "--header-bg",
  headerText: "--header-text",
  footerBg: "--footer-bg",
  footerText: "--footer-text",
  footerMuted: "--footer-muted",
};

/** CSS custom property declarations for a palette (without the selector). */
export function renderPaletteVars(palette: Palette): string {
  const lines = (Object.keys(VAR_NAMES) as Array<keyof typeof VAR_NAMES>).map(
    (key) => `  ${VAR_NAMES[key]}: ${palette[key]};`,
  );
  return [`  color-scheme: ${palette.mode};`, ...lines].join("\n");
}

/** Reads the last value of a custom property from a stylesheet (edits append overrides). */
export function readCssVar(css: string, name: string): string | null {
  const pattern = new RegExp(`${name.replace(/[-]/g, "\\-")}\\s*:\\s*(#[0-9a-fA-F]{3,6})\\b`, "g");
  let value: string | null = null;
  for (const match of css.matchAll(pattern)) value = match[1] ?? value;
  return value ? normalizeHex(value) : null;
}
