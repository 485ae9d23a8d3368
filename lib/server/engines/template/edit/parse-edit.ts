/**
 * Reads a follow-up request ("make the header dark and add a pricing section") as a list of
 * concrete edit intents. Names and quoted text are taken out first so that "call it Blue Bottle"
 * renames the site instead of turning it blue.
 */

import { stripQuotedSiteText } from "@/lib/protocol";
import { isDark } from "../palette/color-math";
import { readNameAfterKeyword } from "../prompt/read-called-name";
import { SECTION_KEYWORDS, buildTermPattern } from "../prompt/kind-keywords";
import { findColorMentions } from "../prompt/named-colors";
import { FORM_WORDING } from "../content/form-kinds";
import { layoutForPhrase } from "../prompt/section-vocabulary";
import { isSectionId, orderSections, sectionLabel, type FontStyle, type SectionId, type Tone } from "../site-spec";
import { parseBlockEdits, readAddedForm, type BlockEditIntent } from "./parse-block-edits";
import { capitalise } from "../content/apply-domain";
import { maskQuotes, parseCopyEdits, unmaskQuotes, type CopyEditIntent } from "../prompt/read-copy-edits";
import { USE_IMAGES_PATTERN } from "./place-images";
import { fillSlots, getLocale } from "../locale/locales";
import editWords from "../data/edit-words.json";
import type { PageLanguage } from "../locale/read-language";

export type EditIntent =
  | BlockEditIntent
  | { type: "add-section"; section: SectionId; heading?: string }
  | { type: "remove-section"; section: SectionId }
  | CopyEditIntent
  | { type: "rename"; name: string }
  | { type: "header"; tone: "dark" | "light" }
  | { type: "header-color"; hex: string; word: string }
  | { type: "theme"; mode: "dark" | "light" }
  | { type: "accent"; hex: string; word: string }
  | { type: "background"; hex: string; word: string }
  | { type: "font-size"; direction: "bigger" | "smaller" }
  | { type: "font-family"; style: FontStyle }
  | { type: "radius"; style: "round" | "square" }
  | { type: "tone"; tone: Tone }
  /** The project's uploaded images in the artwork's places (place-images.ts). */
  | { type: "use-images" };

const RENAME =
  /\b(?:rename(?:\s+(?:it|the\s+(?:site|page|website|business|brand|company|shop|store)))?(?:\s+to)?|call\s+(?:it|the\s+(?:site|business|brand|company))|name\s+it|change\s+(?:the\s+)?(?:site\s+|brand\s+|business\s+|company\s+)?name\s+to)\s+(.{1,120})/i;
// English verbs, then the other page languages' (data/edit-words.json "structure"), whole words only.
const words = (source: string) => `(?<![\\p{L}])(?:${source})(?![\\p{L}])`;
const ADD_VERB = new RegExp(`\\b(?:add|include|insert|append|put|create|show|need|want|give|with)\\b|${words(editWords.structure.add)}`, "giu");
const REMOVE_VERB = new RegExp(`\\b(?:remove|delete|drop|hide|get\\s+rid\\s+of|take\\s+out|without|lose)\\b|${words(editWords.structure.remove)}`, "giu");
const FOREIGN_VERB = new RegExp(`^${words(`${editWords.structure.add}|${editWords.structure.remove}`)}$`, "iu");
const FOREIGN_RENAME = new RegExp(`${words(editWords.structure.rename)}\\s+(.{1,120})`, "iu");
const FOREIGN_DARK = new RegExp(words(editWords.structure.dark), "iu");
const FOREIGN_LIGHT = new RegExp(words(editWords.structure.light), "iu");
const DARK_THEME = /\bdark(?:er)?[\s-]*(?:mode|theme|version|look|background|design)\b|\bmake\s+(?:it|everything|the\s+(?:whole\s+)?(?:site|page|website))\s+(?:dark|darker|black)\b|\bgo\s+dark\b/i;
const LIGHT_THEME = /\blight[\s-]*(?:mode|theme|version|look)\b|\bmake\s+(?:it|everything|the\s+(?:whole\s+)?(?:site|page|website))\s+(?:light|lighter|white|bright)\b/i;
/** Articles and the word "section" in the page languages, trimmed from a heading named in an edit. */
const ARTICLES = new RegExp(words(editWords.structure.articles), "giu");
const PIECE_JOINER = new RegExp(`,|\\band\\b|\\balso\\b|\\bplus\\b|${words(editWords.structure.joiners)}`, "iu");
const HEADER_WORD = /\b(?:header|nav(?:igation)?(?:\s*bar)?|navbar|top\s*bar|menu\s*bar)\b/i;

/** Sections named in a piece of text, each with the words used for it ("FAQ", "Gallery"). */
function sectionsIn(text: string, foreign = false): Array<{ id: SectionId; heading: string }> {
  const found = (Object.entries(SECTION_KEYWORDS) as Array<[SectionId, readonly string[]]>).flatMap(([id, terms]) => {
    const words = terms.flatMap((term) => buildTermPattern(term, "iu").exec(text)?.[0] ?? []).sort((a, b) => b.length - a.length)[0];
    return words ? [{ id, heading: id === "faq" ? "FAQ" : capitalise(words.replace(/\s+forms?$/i, "")) }] : [];
  });
  // "añade una galería", "ajoute une FAQ": the other languages' section words (section-words.json).
  const layout = foreign && found.length === 0 ? layoutForPhrase(text) : null;
  if (layout && isSectionId(layout)) found.push({ id: layout, heading: "" });
  return orderSections(found.map((f) => f.id)).flatMap((id) => found.filter((f) => f.id === id));
}

/** Splits text into verb-led segments: "remove the gallery and add a faq" → two segments. */
function verbSegments(text: string): Array<{ kind: "add" | "remove"; verb: string; text: string }> {
  const marks = ([["add", ADD_VERB], ["remove", REMOVE_VERB]] as const).flatMap(([kind, verbs]) =>
    [...text.matchAll(verbs)].map((m) => ({ at: m.index, end: m.index + m[0].length, kind, verb: m[0] })),
  );
  marks.sort((a, b) => a.at - b.at);
  return marks.map((mark, i) => ({ kind: mark.kind, verb: mark.verb, text: text.slice(mark.end, marks[i + 1]?.at ?? text.length) }));
}

function styleIntents(text: string): EditIntent[] {
  const intents: EditIntent[] = [];
  for (const clause of text.split(/[.;,!?\n]|\band\b|\bthen\b|\balso\b/i)) {
    if (!clause.trim()) continue;
    // Style verbs make ambiguous colour words ("make it mint") count; "add a coffee menu" stays a menu.
    const styled = /\b(make|change|switch|use|turn|set|paint|colou?rs?|accent|theme|primary|brand|tone)\b/i.test(clause);
    const colors = findColorMentions(styled ? `${clause} colour` : clause);
    const chromatic = colors.find((c) => c.role === "accent");
    if (HEADER_WORD.test(clause)) {
      if (/\b(dark|darker|black|night)\b/i.test(clause)) intents.push({ type: "header", tone: "dark" });
      else if (/\b(light|lighter|white)\b/i.test(clause)) intents.push({ type: "header", tone: "light" });
      else if (chromatic) intents.push({ type: "header-color", hex: chromatic.hex, word: chromatic.word });
      continue;
    }
    if (/\bbackground\b/i.test(clause) && colors[0]) {
      const color = colors[0];
      if (color.role === "dark" || (color.role === "accent" && isDark(color.hex))) intents.push({ type: "theme", mode: "dark" });
      else if (color.word === "white") intents.push({ type: "theme", mode: "light" });
      else intents.push({ type: "background", hex: color.hex, word: color.word });
      continue;
    }
    const dark = FOREIGN_DARK.test(clause) || DARK_THEME.test(clause);
    if (dark || FOREIGN_LIGHT.test(clause) || LIGHT_THEME.test(clause)) {
      intents.push({ type: "theme", mode: dark ? "dark" : "light" });
    } else if (chromatic && !intents.some((i) => i.type === "accent")) {
      // One accent colour: the first one named.
      intents.push({ type: "accent", hex: chromatic.hex, word: chromatic.word });
    }
  }
  const fontWord = /\b(?:font|fonts|text|type|typography|letters|headings?)\b/i.test(text);
  const bigger = /\b(bigger|larger|increase|bump\s+up|more\s+readable|huge|large)\b/i.test(text);
  if (fontWord && (bigger || /\b(smaller|decrease|reduce|tiny|small)\b/i.test(text))) {
    intents.push({ type: "font-size", direction: bigger ? "bigger" : "smaller" });
  }
  if (/\bsans[\s-]?serif\b/i.test(text)) intents.push({ type: "font-family", style: "sans" });
  else if (/\bserif\b/i.test(text)) intents.push({ type: "font-family", style: "serif" });
  else if (/\bmono(?:space)?\b/i.test(text)) intents.push({ type: "font-family", style: "mono" });
  const tone = readToneChange(text);
  if (tone) intents.push({ type: "tone", tone });
  if (/\b(round(?:ed|er)?|soft(?:er)?|pill)\b[^.;]*\b(corners?|buttons?|edges?|cards?)\b/i.test(text)) intents.push({ type: "radius", style: "round" });
  else if (/\b(square|sharp(?:er)?|straight)\b[^.;]*\b(corners?|buttons?|edges?|cards?)\b/i.test(text)) intents.push({ type: "radius", style: "square" });
  return intents;
}

const TONE_WORDS = Object.entries(editWords.tones.words).map(([tone, words]) => [tone as Tone, new RegExp(`\\b(${words})\\b`, "i")] as const);

/** "make the copy more playful", "change the tone to formal", "make it feel more elegant". */
function readToneChange(text: string): Tone | null {
  const clause = /\b(?:make|change|switch|set|turn|rewrite|give)\b[^.;]*?\b(?:tone|copy|voice|feel|vibe|mood|writing|text|wording|it|site|page)\b[^.;]*/i.exec(text)?.[0];
  if (!clause || /\b(?:colou?rs?|background|header|font|accent)\b/i.test(clause)) return null;
  return TONE_WORDS.find(([, pattern]) => pattern.test(clause))?.[0] ?? null;
}

/** All edit intents found in a follow-up prompt, in a stable order; empty when nothing matched. */
export function parseEdit(rawPrompt: string, lang: PageLanguage = "en"): EditIntent[] {
  // Text a site reported about itself ("Fix it") is quoted data, never commands: read around it.
  const copy = parseCopyEdits(stripQuotedSiteText(String(rawPrompt ?? "").slice(0, 4000)));
  if (copy.intents.some((i) => i.type === "undo" || i.type === "redo")) return copy.intents;
  // Quoted text is data: commands are read around it, and a quote only supplies a name or value.
  const { text: masked, quotes } = maskQuotes(copy.rest);
  const blockEdits = parseBlockEdits(masked);
  const restore = (value: string) => unmaskQuotes(value, quotes);
  // Names and headings get their quoted text back; the other fields hold no quote marks, so stay as they are.
  const named = blockEdits.intents.map(
    (i) => Object.fromEntries(Object.entries(i).map(([key, value]) => [key, restore(value)])) as BlockEditIntent,
  );
  let text = blockEdits.rest;
  const intents: EditIntent[] = [...copy.intents, ...named.filter((i) => i.type !== "remove-named")];

  const useImages = USE_IMAGES_PATTERN.exec(text);
  if (useImages) {
    intents.push({ type: "use-images" });
    // "add my photos" asks for the uploads, not for a gallery section.
    text = text.replace(useImages[0], " ");
  }

  const rename = RENAME.exec(text) ?? FOREIGN_RENAME.exec(text);
  if (rename?.[1]) {
    // The name reader treats a quoted name as exact, so the quotes go back around it.
    const name = readNameAfterKeyword(rename[1].replace(/\u0001(\d+)\u0001/g, (_m, i: string) => `"${quotes[Number(i)] ?? ""}"`));
    if (name) intents.push({ type: "rename", name });
    text = text.replace(rename[0], " ");
  }
  text = text.replace(/\u0001\d+\u0001/g, " ");

  const byHeading: BlockEditIntent[] = [];
  const added = new Map<SectionId, string>();
  const removed = new Set<SectionId>();
  for (const segment of verbSegments(text)) {
    // Another language's site or verb reads its sections with section-words.json; English keeps its own keywords.
    const foreign = lang !== "en" || FOREIGN_VERB.test(segment.verb);
    if (segment.kind === "remove") {
      const ids = sectionsIn(segment.text, foreign);
      for (const { id } of ids) removed.add(id);
      // "quita el horario": a section known by its heading only. English says "remove the X section" (parse-block-edits).
      const name = segment.text.replace(ARTICLES, " ").replace(/[.!?]+$/, "").trim();
      if (foreign && ids.length === 0 && name.length >= 3 && name.split(/\s+/).length <= 4) byHeading.push({ type: "remove-named", name });
      continue;
    }
    for (const piece of segment.text.split(PIECE_JOINER)) {
      const form = readAddedForm(piece);
      if (form) intents.push(form);
      else for (const { id, heading } of sectionsIn(piece, foreign)) if (!added.has(id)) added.set(id, heading);
    }
  }
  // "remove the shows section" names a section by its heading; known ids are handled above.
  if (removed.size === 0) intents.push(...(named.some((i) => i.type === "remove-named") ? named.filter((i) => i.type === "remove-named") : byHeading));
  for (const id of orderSections(removed)) intents.push({ type: "remove-section", section: id });
  for (const id of orderSections(added.keys())) if (!removed.has(id)) intents.push({ type: "add-section", section: id, ...(added.get(id) ? { heading: added.get(id) } : {}) });
  intents.push(...styleIntents(text));
  return intents;
}

/** Human wording of an intent for progress messages. */
export function describeIntent(intent: EditIntent, lang: PageLanguage = "en"): string {
  // Copy edits are described in the site's language (data/locales/*.json, "edits.intents").
  const own = (getLocale(lang).edits.intents as Record<string, string>)[intent.type];
  if (own) return fillSlots(own, intent as unknown as Record<string, string | number>);
  const { words, ...templates } = editWords.describe as unknown as Record<string, string> & { words: Record<string, string> };
  const slots: Record<string, string> = {};
  for (const [key, value] of Object.entries(intent)) slots[key] = words[String(value)] ?? String(value);
  if ("section" in intent) slots.heading = ("heading" in intent && intent.heading) || (slots.section = sectionLabel(intent.section));
  if (intent.type === "add-form") slots.form = FORM_WORDING[intent.form].label;
  if (intent.type === "move-section" && !intent.target.startsWith(":")) slots.target = `“${intent.target}”`;
  return fillSlots(templates[intent.type] ?? intent.type, slots);
}
