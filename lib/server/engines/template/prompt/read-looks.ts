/**
 * The look a prompt asks for: accent and background colours (named, shaded or "X on Y"), a dark
 * or light theme, the mood (calm, playful, elegant, bold) and the heading typeface.
 */

import { buildPalette } from "../palette/build-palette";
import { isDark } from "../palette/color-math";
import type { FontStyle, SiteSpec, Tone } from "../site-spec";
import { DARK_PATTERN, LIGHT_PATTERN, TONE_KEYWORDS, buildTermPattern } from "./kind-keywords";
import { findColorMentions, type ColorMention } from "./named-colors";

export type Looks = Pick<SiteSpec, "palette" | "colorWords" | "tone" | "headingFont">;

/** "dark" as a mood, not as part of a colour ("dark green") or a thing ("dark chocolate"). */
const DARK_MOOD = /\b(dark|darker|moody|night[\s-]?time|after[\s-]dark)\b(?![\s-]+(?:chocolate|roast|beer|ale|sky|skies|room|academia))/gi;
const NEGATED = /\b(?:no|not|never|without|avoid|don'?t)\b[^.,;]{0,12}$/i;

function wantsDarkMood(text: string): boolean {
  for (const match of text.matchAll(DARK_MOOD)) {
    const at = match.index ?? 0;
    const end = at + match[0].length;
    // "dark green" is a colour; "dark, purple accents" and "magenta on dark" are a dark page.
    const inColour = /^[\s-]+\S/.test(text.slice(end, end + 2)) && findColorMentions(`${text.slice(end, end + 24)} colour`).some((c) => c.index <= 1);
    if (!inColour && !NEGATED.test(text.slice(Math.max(0, at - 20), at))) return true;
  }
  return false;
}

/** "gold on navy": the colour after "on" is the page, so a dark one means a dark theme. */
function darkGround(text: string, colors: ColorMention[]): ColorMention | null {
  return colors.find((c) => c.role === "accent" && /\bon\s+$/i.test(text.slice(Math.max(0, c.index - 4), c.index)) && isDark(c.hex)) ?? null;
}

function detectTone(text: string): Tone | null {
  let best: Tone | null = null;
  let bestHits = 0;
  for (const [tone, words] of Object.entries(TONE_KEYWORDS) as Array<[Tone, readonly string[]]>) {
    const hits = words.reduce((sum, word) => sum + (text.match(buildTermPattern(word)) ?? []).length, 0);
    if (hits > bestHits) [best, bestHits] = [tone, hits];
  }
  return best;
}

function headingFontFor(tone: Tone | null, kindDefault: FontStyle, text: string): FontStyle {
  if (/\bsans[\s-]?serif\b/i.test(text)) return "sans";
  if (/\bserif\b/i.test(text)) return "serif";
  if (/\b(monospace|mono|terminal|hacker)\b/i.test(text)) return "mono";
  if (tone === "elegant") return "serif";
  if (tone === "bold" || tone === "playful") return "sans";
  return kindDefault;
}

export function readLooks(text: string, defaults: { accent: string; lightTint: string | null; headingFont: FontStyle }): Looks {
  const colors = findColorMentions(text);
  const ground = darkGround(text, colors);
  const accents = colors.filter((c) => c.role === "accent" && c !== ground);
  const lightTint = colors.find((c) => c.role === "light" && c.word !== "white")?.hex ?? null;
  const explicitLight = LIGHT_PATTERN.test(text) || colors.some((c) => c.role === "light");
  const wantsDark =
    DARK_PATTERN.test(text) || ground !== null || ((wantsDarkMood(text) || colors.some((c) => c.role === "dark")) && !explicitLight);
  const tone = detectTone(text);
  return {
    palette: buildPalette({
      accent: accents[0]?.hex ?? defaults.accent,
      secondary: accents[1]?.hex ?? null,
      mode: wantsDark ? "dark" : "light",
      lightTint: lightTint ?? (accents.length ? null : defaults.lightTint),
    }),
    colorWords: [...new Set(colors.map((c) => c.word))],
    tone: tone ?? "calm",
    headingFont: headingFontFor(tone, defaults.headingFont, text),
  };
}
