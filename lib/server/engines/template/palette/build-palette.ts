/**
 * Builds an accessible palette from an accent colour. Every text/background pair the stylesheet
 * uses is checked against WCAG AA (4.5:1) here, and colours are nudged until they pass, so a
 * requested colour is honoured as closely as readability allows.
 */

import stylesheet from "../data/palette-stylesheet.json";
import { contrastRatio, ensureContrast, mix, normalizeHex, rotateHue } from "./color-math";

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
type ColorKey = keyof Omit<Palette, "mode">;

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
  const whitePasses = (c: string) => contrastRatio("#ffffff", c) >= MIN;
  const deeper = Array.from({ length: 9 }, (_, i) => mix(accent, "#000000", i * 0.04)).find(whitePasses);
  if (deeper) return { accent: deeper, accentContrast: "#ffffff" };
  // White failed above, so the dark text is the only one left that can pass.
  if (contrastRatio("#111418", accent) >= MIN) return { accent, accentContrast: "#111418" };
  return { accent: ensureContrast(accent, ["#ffffff"], MIN), accentContrast: "#ffffff" };
}

/** What differs between the modes: page colours, the text colour to start from, a footer text unless it is the page text, mix weights. */
type Page = Pick<Palette, "bg" | "surface" | "surfaceAlt" | "accentSoft" | "text" | "footerBg"> & {
  footerText?: string;
  muted: number;
  border: number;
};

function lightPage(accent: string, tint: string | null | undefined): Page {
  const bg = tint ? mix("#ffffff", tint, 0.45) : mix("#ffffff", accent, 0.025);
  return {
    bg,
    surface: tint ? mix(bg, "#ffffff", 0.6) : "#ffffff",
    surfaceAlt: mix(bg, accent, 0.05),
    accentSoft: mix(bg, accent, 0.14),
    text: mix("#15171c", accent, 0.12),
    footerBg: ensureContrast(mix("#111318", accent, 0.18), ["#f5f5f4"], 10),
    footerText: "#f5f5f4",
    muted: 0.38,
    border: 0.13,
  };
}

function darkPage(accent: string): Page {
  const bg = mix("#0c0e12", accent, 0.07);
  return {
    bg,
    surface: mix(bg, "#ffffff", 0.055),
    surfaceAlt: mix(bg, "#ffffff", 0.03),
    accentSoft: mix(bg, accent, 0.2),
    text: mix("#f5f5f4", accent, 0.05),
    footerBg: mix(bg, "#000000", 0.45),
    muted: 0.32,
    border: 0.16,
  };
}

/** Builds the whole palette; white or black as the accent gets a gentle slate so buttons still stand out. */
export function buildPalette(request: PaletteRequest): Palette {
  let accent = normalizeHex(request.accent, "#2563eb");
  if (accent === "#ffffff" || accent === "#000000") accent = "#334155";
  const secondary = request.secondary ? normalizeHex(request.secondary) : rotateHue(accent, 18);
  const { mode } = request;
  const page = mode === "dark" ? darkPage(accent) : lightPage(accent, request.lightTint);
  const { bg, surface, surfaceAlt, accentSoft, footerBg } = page;
  const pageBgs = [bg, surface, surfaceAlt, accentSoft];
  const text = ensureContrast(page.text, pageBgs, 7);
  const footerText = page.footerText ?? text;
  return {
    mode,
    bg,
    surface,
    surfaceAlt,
    text,
    muted: ensureContrast(mix(text, bg, page.muted), pageBgs, MIN),
    border: mix(bg, text, page.border),
    ...resolveButton(accent, mode === "dark"),
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

/** The text/background pairs the stylesheet really uses (a data file); each must reach 4.5:1. */
export function listContrastPairs(palette: Palette): Array<{ label: string; fg: string; bg: string }> {
  const pairs = stylesheet.pairs as Array<[string, ColorKey, ColorKey]>;
  return pairs.map(([label, fg, bg]) => ({ label, fg: palette[fg], bg: palette[bg] }));
}

/** The palette's colours in stylesheet order; each becomes a custom property in kebab case (surfaceAlt → --surface-alt). */
const VAR_KEYS = stylesheet.vars as ColorKey[];

/** CSS custom property declarations for a palette (without the selector). */
export function renderPaletteVars(palette: Palette): string {
  const lines = VAR_KEYS.map((key) => `  --${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${palette[key]};`);
  return [`  color-scheme: ${palette.mode};`, ...lines].join("\n");
}

/** Reads the last value of a custom property from a stylesheet (edits append overrides). */
export function readCssVar(css: string, name: string): string | null {
  const value = [...css.matchAll(new RegExp(`${name}\\s*:\\s*(#[0-9a-fA-F]{3,6})\\b`, "g"))].at(-1)?.[1];
  return value ? normalizeHex(value) : null;
}
