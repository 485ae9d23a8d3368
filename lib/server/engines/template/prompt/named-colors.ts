/**
 * Colour words a prompt may use, mapped to hex. Standard CSS names keep their CSS values; a few
 * designer words ("sage", "terracotta") are added because people describe sites that way.
 */

import colors from "../data/colors.json";
import { fromHsl, isNeutral, normalizeHex, toHsl } from "../palette/color-math";
import { WORD_END, WORD_START } from "../word-pattern";

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
const SHADE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${Object.keys(SHADES).join("|")})[\\s-]+$`, "iu");

function applyShade(text: string, at: number, word: string, hex: string): { word: string; hex: string } {
  const shade = SHADE_BEFORE.exec(text.slice(Math.max(0, at - 12), at))?.[1]?.toLowerCase();
  const t = shade ? SHADES[shade] : undefined;
  if (!shade || !t || isNeutral(hex)) return { word, hex };
  const { h, s, l } = toHsl(hex);
  const hue = t.towards === undefined ? h : h + Math.sign(((t.towards - h + 540) % 360) - 180) * 10;
  const saturation = clamp((t.s ?? s) * (t.sMul ?? 1), t.sMin, t.sMax);
  const lightness = clamp((t.l ?? l) * (t.lMul ?? 1), t.lMin, t.lMax);
  return { word: `${shade} ${word}`, hex: fromHsl(hue, Math.min(1, saturation), Math.min(0.92, lightness)) };
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
const NAME_PATTERN = new RegExp(`${WORD_START}(${NAME_LIST.map((n) => n.replace(/ /g, "[\\s-]+")).join("|")})${WORD_END}`, "giu");
const COLOR_CONTEXT = /\b(colou?rs?|accents?|palette|theme|tones?|shades?|hues?|background|scheme|buttons?|highlights?)\b/i;
// "coffee shop", "lemon cake", "olive oil": the word names a thing, not a colour.
const THING_AFTER = /^[\s-]+(shops?|house|bar|cakes?|truck|beans?|oil|roast\w*|tarts?|pies?|cookies?|bread|juice|tea)\b/i;

/** Whether a word that is only sometimes a colour ("coffee", "olive") is one here. */
function meansColor(text: string, at: number, end: number, hasColorContext: boolean): boolean {
  if (THING_AFTER.test(text.slice(end, end + 16))) return false;
  // "navy on cream": a colour after "on" is a background, whatever else the word can mean.
  if (hasColorContext || /\bon\s+$/i.test(text.slice(Math.max(0, at - 4), at))) return true;
  // A clause that is nothing but the colour ("Lime." "Olive green, playful.") is a colour too.
  const clause = text.slice(0, at).split(/[.,;:!?\n—–]/).at(-1) ?? "";
  return !/\S\s+\S/.test(clause) && /^\s*(?:[.,;:!?\n]|$)/.test(text.slice(end));
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
    const at = match.index ?? 0;
    if (!hex || (AMBIGUOUS.has(word) && !meansColor(text, at, at + match[0].length, hasColorContext))) continue;
    const role: ColorRole = LIGHT_NEUTRALS.has(word) ? "light" : DARK_NEUTRALS.has(word) ? "dark" : "accent";
    mentions.push({ ...(role === "accent" ? applyShade(text, at, word, hex) : { word, hex }), role, index: at });
  }
  return mentions.sort((a, b) => a.index - b.index).slice(0, 8);
}
