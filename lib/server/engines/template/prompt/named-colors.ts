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

type Shade = Partial<Record<"s" | "sMul" | "sMin" | "sMax" | "l" | "lMul" | "lMin" | "lMax" | "towards", number>>;
/** Words that shade a colour ("pastel pink", "dusty rose") the way a designer reads them (data/colors.json). */
const SHADES: Record<string, Shade> = colors.shades;
const clamp = (v: number, min = 0, max = Infinity) => Math.min(Math.max(v, min), max);
function shadeHsl(t: Shade, { h, s, l }: { h: number; s: number; l: number }) {
  const hue = t.towards === undefined ? h : h + Math.sign(((t.towards - h + 540) % 360) - 180) * 10;
  return { h: hue, s: clamp((t.s ?? s) * (t.sMul ?? 1), t.sMin, t.sMax), l: clamp((t.l ?? l) * (t.lMul ?? 1), t.lMin, t.lMax) };
}
const SHADE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${Object.keys(SHADES).join("|")})[\\s-]+$`, "iu");

function applyShade(text: string, at: number, word: string, hex: string): { word: string; hex: string } {
  const shade = SHADE_BEFORE.exec(text.slice(Math.max(0, at - 12), at))?.[1]?.toLowerCase();
  const adjust = shade ? SHADES[shade] : undefined;
  if (!shade || !adjust || isNeutral(hex)) return { word, hex };
  const { h, s, l } = shadeHsl(adjust, toHsl(hex));
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
