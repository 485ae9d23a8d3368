/**
 * Prompt → SiteSpec. Pure and deterministic: the same prompt always yields the same spec, so every
 * step of a generation (and a retry) renders the same site. Never throws, whatever the input.
 */

import { buildPalette } from "../palette/build-palette";
import { extractNames } from "./extract-name";
import { pickBySeed } from "../render/html-escape";
import { getKindContent } from "../content/kind-profiles";
import { DARK_PATTERN, KIND_KEYWORDS, LIGHT_PATTERN, SECTION_KEYWORDS, TONE_KEYWORDS, buildTermPattern } from "./kind-keywords";
import { findColorMentions } from "./named-colors";
import {
  SITE_KINDS,
  mergeSectionOrder,
  orderSections,
  sectionLabel,
  type FontStyle,
  type SectionId,
  type SiteKind,
  type SiteSpec,
  type Tone,
} from "../site-spec";

/** Long prompts are analysed in full for keywords but capped so pathological input stays fast. */
const MAX_ANALYSED = 6000;
const NEGATION_BEFORE = /\b(?:no|without|not|don't|dont|do not|never|skip|exclude|except)\b[^.,;!?]{0,24}$/i;

const patternCache = new Map<string, RegExp>();
function termPattern(term: string): RegExp {
  let pattern = patternCache.get(term);
  if (!pattern) {
    pattern = buildTermPattern(term);
    patternCache.set(term, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** Positions where a term occurs, ignoring occurrences negated just before ("no gallery"). */
function findTerm(text: string, term: string): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  for (const match of text.matchAll(termPattern(term))) {
    const before = text.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0);
    if (NEGATION_BEFORE.test(before)) negative += 1;
    else positive += 1;
  }
  return { positive, negative };
}

/** Scores every kind by weighted keyword hits; ties go to the more specific kind listed first. */
export function detectKind(text: string): SiteKind {
  let best: SiteKind = "landing";
  let bestScore = 0;
  for (const kind of SITE_KINDS) {
    if (kind === "landing") continue;
    let score = 0;
    for (const [term, weight] of KIND_KEYWORDS[kind]) {
      const { positive } = findTerm(text, term);
      if (positive) score += weight * Math.min(positive, 3);
    }
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

/** Sections the prompt explicitly asks for, and those it explicitly rules out. */
export function detectSections(text: string): { requested: SectionId[]; excluded: SectionId[] } {
  const requested: SectionId[] = [];
  const excluded: SectionId[] = [];
  for (const [id, terms] of Object.entries(SECTION_KEYWORDS) as Array<[SectionId, readonly string[]]>) {
    let positive = 0;
    let negative = 0;
    for (const term of terms) {
      const hits = findTerm(text, term);
      positive += hits.positive;
      negative += hits.negative;
    }
    if (positive > 0) requested.push(id);
    else if (negative > 0) excluded.push(id);
  }
  return { requested: orderSections(requested), excluded };
}

function detectTone(text: string): Tone | null {
  let best: Tone | null = null;
  let bestHits = 0;
  for (const [tone, words] of Object.entries(TONE_KEYWORDS) as Array<[Tone, readonly string[]]>) {
    const hits = words.reduce((sum, word) => sum + findTerm(text, word).positive, 0);
    if (hits > bestHits) {
      best = tone;
      bestHits = hits;
    }
  }
  return best;
}

function detectCurrency(text: string): string {
  if (/€|\beuros?\b|\beur\b/i.test(text)) return "€";
  if (/£|\bpounds?\b|\bgbp\b/i.test(text)) return "£";
  if (/¥|\byen\b/i.test(text)) return "¥";
  if (/₹|\brupees?\b/i.test(text)) return "₹";
  return "$";
}

function headingFontFor(tone: Tone | null, kindDefault: FontStyle, text: string): FontStyle {
  if (/\bserif\b/i.test(text) && !/\bsans[\s-]?serif\b/i.test(text)) return "serif";
  if (/\bsans[\s-]?serif\b/i.test(text)) return "sans";
  if (/\b(monospace|mono|terminal|hacker)\b/i.test(text)) return "mono";
  if (tone === "elegant") return "serif";
  if (tone === "bold" || tone === "playful") return "sans";
  return kindDefault;
}

/** Words that never make a site name: every kind keyword, section word, tone word and colour. */
function genericWords(): string[] {
  const words: string[] = [];
  for (const list of Object.values(KIND_KEYWORDS)) for (const [term] of list) words.push(term, `${term}s`);
  for (const list of Object.values(SECTION_KEYWORDS)) words.push(...list);
  for (const list of Object.values(TONE_KEYWORDS)) words.push(...list);
  return words;
}
const GENERIC_WORDS = genericWords();

/** Understands a prompt well enough to write a whole site for it. */
export function analyzePrompt(rawPrompt: string): SiteSpec {
  const prompt = String(rawPrompt ?? "").slice(0, MAX_ANALYSED);
  const kind = detectKind(prompt);
  const content = getKindContent(kind);
  const names = extractNames(prompt, [...GENERIC_WORDS, ...findColorMentions(prompt).map((c) => c.word)]);
  const { requested, excluded } = detectSections(prompt);
  const sections = mergeSectionOrder(
    content.defaultSections.filter((id) => !excluded.includes(id)),
    requested,
  );

  const colors = findColorMentions(prompt);
  const accents = colors.filter((c) => c.role === "accent");
  const lightTint = colors.find((c) => c.role === "light" && c.word !== "white")?.hex ?? null;
  const wantsDark = DARK_PATTERN.test(prompt) || (colors.some((c) => c.role === "dark") && !LIGHT_PATTERN.test(prompt));
  const tone = detectTone(prompt);
  const palette = buildPalette({
    accent: accents[0]?.hex ?? content.accent,
    secondary: accents[1]?.hex ?? null,
    mode: wantsDark ? "dark" : "light",
    lightTint: lightTint ?? (accents.length ? null : content.lightTint),
  });

  return {
    kind,
    kindLabel: content.label,
    name: names.name ?? pickBySeed(content.names, prompt),
    nameFromPrompt: names.name !== null,
    sections: sections.length ? sections : orderSections(content.defaultSections),
    requested,
    palette,
    colorWords: colors.map((c) => c.word).filter((w, i, all) => all.indexOf(w) === i),
    tone: tone ?? "calm",
    headingFont: headingFontFor(tone, content.headingFont, prompt),
    location: names.location,
    focus: names.focus,
    currency: detectCurrency(prompt),
    seed: prompt,
  };
}

/** One line describing what was understood, e.g. "Bakery site “Crumb & Co” with menu, gallery, contact". */
export function summarizeSpec(spec: SiteSpec): string {
  const parts = [`${spec.kindLabel} site “${spec.name}”`];
  if (spec.location) parts.push(`in ${spec.location}`);
  const sectionList = spec.sections.map(sectionLabel).join(", ");
  let summary = `${parts.join(" ")} with ${sectionList}`;
  const looks: string[] = [];
  if (spec.colorWords.length) looks.push(`${spec.colorWords.slice(0, 3).join(" and ")} colours`);
  if (spec.palette.mode === "dark") looks.push("dark theme");
  looks.push(`${spec.tone} tone`);
  summary += ` — ${looks.join(", ")}`;
  return summary;
}
