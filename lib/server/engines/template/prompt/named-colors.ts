/**
 * Colour words a prompt may use, mapped to hex. Standard CSS names keep their CSS values; a few
 * designer words ("sage", "terracotta") are added because people describe sites that way.
 */

import colors from "../data/colors.json";
import { fromHsl, isNeutral, normalizeHex, toHsl } from "../palette/color-math";

const COLOR_NAMES: Record<string, string> = colors.names;

/** Colours that describe a light background rather than an accent. */
const LIGHT_NEUTRALS = new Set(colors.lightNeutrals);
/** Colours that describe a dark theme rather than an accent. */
const DARK_NEUTRALS = new Set(colors.darkNeutrals);
/** Words that are colours only in a colour context ("coffee" is a cafe, not a brown accent). */
const AMBIGUOUS = new Set(colors.ambiguous);

/**
 * Words that shade a colour ("pastel pink", "neon green", "dusty rose"): each adjusts hue,
 * saturation or lightness the way a designer would read it.
 */
const SHADES: Record<string, (hsl: { h: number; s: number; l: number }) => { h: number; s: number; l: number }> = {
  pastel: ({ h, s }) => ({ h, s: Math.min(s, 0.75), l: 0.8 }),
  pale: ({ h, s }) => ({ h, s: Math.min(s, 0.6), l: 0.82 }),
  soft: ({ h, s, l }) => ({ h, s: Math.min(s, 0.55), l: Math.max(l, 0.68) }),
  baby: ({ h, s }) => ({ h, s: Math.min(s, 0.7), l: 0.78 }),
  light: ({ h, s, l }) => ({ h, s, l: Math.max(l, 0.7) }),
  muted: ({ h, s }) => ({ h, s: s * 0.4, l: 0.5 }),
  dusty: ({ h, s }) => ({ h, s: s * 0.35, l: 0.55 }),
  dusky: ({ h, s }) => ({ h, s: s * 0.35, l: 0.45 }),
  neon: ({ h }) => ({ h, s: 1, l: 0.55 }),
  electric: ({ h }) => ({ h, s: 1, l: 0.5 }),
  vivid: ({ h, s }) => ({ h, s: Math.max(s, 0.9), l: 0.5 }),
  bright: ({ h, s }) => ({ h, s: Math.max(s, 0.85), l: 0.52 }),
  vibrant: ({ h, s }) => ({ h, s: Math.max(s, 0.9), l: 0.5 }),
  bold: ({ h, s, l }) => ({ h, s: Math.max(s, 0.85), l: Math.min(Math.max(l, 0.4), 0.5) }),
  hot: ({ h }) => ({ h, s: 1, l: 0.55 }),
  deep: ({ h, s, l }) => ({ h, s, l: l * 0.6 }),
  dark: ({ h, s, l }) => ({ h, s, l: l * 0.6 }),
  rich: ({ h, s, l }) => ({ h, s: Math.max(s, 0.7), l: l * 0.75 }),
  warm: ({ h, s, l }) => ({ h: h + Math.sign(((30 - h + 540) % 360) - 180) * 10, s, l }),
  cool: ({ h, s, l }) => ({ h: h + Math.sign(((215 - h + 540) % 360) - 180) * 10, s, l }),
  icy: ({ h, s }) => ({ h, s: s * 0.6, l: 0.7 }),
};
const SHADE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${Object.keys(SHADES).join("|")})[\\s-]+$`, "iu");

function applyShade(text: string, at: number, word: string, hex: string): { word: string; hex: string } {
  const shade = SHADE_BEFORE.exec(text.slice(Math.max(0, at - 12), at))?.[1]?.toLowerCase();
  const adjust = shade ? SHADES[shade] : undefined;
  if (!shade || !adjust || isNeutral(hex)) return { word, hex };
  const { h, s, l } = adjust(toHsl(hex));
  return { word: `${shade} ${word}`, hex: fromHsl(h, Math.min(1, s), Math.min(0.92, l)) };
}

export type ColorRole = "accent" | "light" | "dark";

export interface ColorMention {
  word: string;
  hex: string;
  role: ColorRole;
  /** Character offset in the prompt, so callers can see what the colour was near. */
  index: number;
}

const NAME_LIST = Object.keys(COLOR_NAMES).sort((a, b) => b.length - a.length);
const NAME_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${NAME_LIST.map((n) => n.replace(/ /g, "[\\s-]+")).join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);
const COLOR_CONTEXT = /\b(colou?rs?|accents?|palette|theme|tones?|shades?|hues?|background|scheme|buttons?|highlights?)\b/i;

function roleOf(word: string): ColorRole {
  if (LIGHT_NEUTRALS.has(word)) return "light";
  if (DARK_NEUTRALS.has(word)) return "dark";
  return "accent";
}

/**
 * Finds colours in free text: hex codes and colour names, in order of appearance.
 * Ambiguous words count only when the text also talks about colours ("a coffee shop" is no colour).
 */
export function findColorMentions(text: string): ColorMention[] {
  const mentions: ColorMention[] = [];
  const hasColorContext = COLOR_CONTEXT.test(text);
  for (const match of text.matchAll(/(?<![\w&])#([0-9a-f]{6}|[0-9a-f]{3})(?![\w])/gi)) {
    const hex = normalizeHex(match[0]);
    mentions.push({ word: hex, hex, role: "accent", index: match.index ?? 0 });
  }
  for (const match of text.matchAll(NAME_PATTERN)) {
    const word = (match[1] ?? "").toLowerCase().replace(/[\s-]+/g, " ");
    const hex = COLOR_NAMES[word];
    if (!hex) continue;
    // "navy on cream": a colour after "on" is a background, whatever else the word can mean.
    const onBefore = /\bon\s+$/i.test(text.slice(Math.max(0, (match.index ?? 0) - 4), match.index ?? 0));
    // A clause that is nothing but the colour ("Lime." "Olive green, playful.") is a colour too.
    const clause = text.slice(0, match.index ?? 0).split(/[.,;:!?\n—–]/).at(-1) ?? "";
    const alone = clause.trim().split(/\s+/).filter(Boolean).length <= 1 && /^\s*(?:[.,;:!?\n]|$)/.test(text.slice((match.index ?? 0) + match[0].length));
    if (AMBIGUOUS.has(word) && !hasColorContext && !onBefore && !alone) continue;
    // "coffee shop", "lemon cake", "olive oil": the word names a thing, not a colour.
    const after = text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 16);
    if (AMBIGUOUS.has(word) && /^[\s-]+(shops?|house|bar|cakes?|truck|beans?|oil|roast\w*|tarts?|pies?|cookies?|bread|juice|tea)\b/i.test(after)) continue;
    const shaded = roleOf(word) === "accent" ? applyShade(text, match.index ?? 0, word, hex) : { word, hex };
    mentions.push({ word: shaded.word, hex: shaded.hex, role: roleOf(word), index: match.index ?? 0 });
  }
  return mentions.sort((a, b) => a.index - b.index).slice(0, 8);
}
