/**
 * Style edits on an existing site. Each kind of change lives in one marked override block at the
 * end of the stylesheet; repeating an edit replaces its block instead of piling up rules, and
 * every colour pair is recomputed so contrast stays at WCAG AA.
 */

import type { SiteFiles } from "../../engine";
import { buildColoredHeader, buildDarkHeader, buildPalette, readCssVar, renderPaletteVars, type Palette } from "../palette/build-palette";
import { mix, normalizeHex } from "../palette/color-math";
import type { EditOutcome } from "./edit-content";
import type { EditIntent } from "./parse-edit";
import type { BaseSiteInfo } from "./read-base-site";
import { renderArtUri } from "../render/render-art";
import { BLOCK_STYLES, renderSectionStyles, sectionStyleMarker } from "../render/render-section-styles";
import { FONT_STACKS, TONE_SHAPES, renderForeignBasics, renderTokens } from "../render/render-styles";
import { sectionLabel } from "../site-spec";

/** The comments that open and close a named override block. */
const markers = (name: string) => [`/* openv0-edit:${name} */`, `/* /openv0-edit:${name} */`] as const;

/** Replaces the named override block, or appends it. */
export function upsertBlock(css: string, name: string, body: string): string {
  const [open, close] = markers(name);
  const block = `${open}\n${body.trim()}\n${close}`;
  const old = readBlock(css, name);
  return old === null ? `${css.trimEnd()}\n\n${block}\n` : css.replace(`${open}${old}${close}`, () => block);
}

function readBlock(css: string, name: string): string | null {
  const [open, close] = markers(name);
  const start = css.indexOf(open);
  const end = css.indexOf(close);
  return start >= 0 && end > start ? css.slice(start + open.length, end) : null;
}

function headerBlock({ headerBg, headerText }: { headerBg: string; headerText: string }): string {
  return [
    `.site-header, body > header {`,
    `  --header-bg: ${headerBg};`,
    `  --header-text: ${headerText};`,
    `  --border: ${mix(headerBg, headerText, 0.2)};`,
    `  background: ${headerBg};`,
    `  color: ${headerText};`,
    `}`,
    `.site-header a:not(.button), body > header a:not(.button), .site-header .nav-toggle { color: ${headerText}; }`,
  ].join("\n");
}

/**
 * Redraws our generated illustrations in the new palette, so a "make it blue" edit does not leave
 * green artwork behind. Only data-URI SVGs we drew are touched; each keeps its proportions.
 */
function recolorArtwork(html: string, palette: Palette, info: BaseSiteInfo, notes: string[]): string {
  if (info.foreign) return html;
  let index = 0;
  const result = html.replace(/<img\b[^>]*\bsrc="data:image\/svg\+xml,[^"]*"[^>]*>/g, (tag) => {
    const width = Number(/\bwidth="(\d+)"/.exec(tag)?.[1] ?? 480);
    const height = Number(/\bheight="(\d+)"/.exec(tag)?.[1] ?? 480);
    const ratio = width > height * 1.2 ? "wide" : height > width * 1.2 ? "tall" : "square";
    const src = renderArtUri(`${info.ctx.spec.seed}|recolor|${index}`, palette, ratio);
    index += 1;
    return tag.replace(/\bsrc="data:image\/svg\+xml,[^"]*"/, () => `src="${src}"`);
  });
  if (index > 0) notes.push(`Redrew ${index} illustration${index === 1 ? "" : "s"} in the new colours`);
  return result;
}

/** The first intent of a type, typed as that kind of intent. */
function intentOf<T extends EditIntent["type"]>(intents: EditIntent[], type: T): Extract<EditIntent, { type: T }> | undefined {
  return intents.find((i): i is Extract<EditIntent, { type: T }> => i.type === type);
}

function applyPalette(css: string, intents: EditIntent[], info: BaseSiteInfo, notes: string[]): { css: string; palette: Palette | null } {
  const accentIntent = intentOf(intents, "accent");
  const themeIntent = intentOf(intents, "theme");
  const backgroundIntent = intentOf(intents, "background");
  if (!accentIntent && !themeIntent && !backgroundIntent) return { css, palette: null };
  // The stylesheet is still the base site's here, so its accent and mode are the ones read with it.
  const accent = accentIntent?.hex ?? info.accent;
  const mode = themeIntent?.mode ?? (backgroundIntent ? "light" : info.ctx.spec.palette.mode);
  const palette = buildPalette({ accent, mode, lightTint: backgroundIntent?.hex ?? null });
  const body = `:root {\n${renderPaletteVars(palette)}\n}\nbody { background-color: var(--bg); color: var(--text); }`;
  if (themeIntent) notes.push(`Switched to a ${mode} theme with every text colour re-checked at 4.5:1 or better`);
  if (backgroundIntent) notes.push(`Tinted the background ${backgroundIntent.word}, keeping text readable`);
  if (accentIntent) {
    const adjusted = palette.accentInk !== normalizeHex(accentIntent.hex);
    const shade = `a ${mode === "dark" ? "lighter" : "deeper"} shade, ${palette.accentInk}`;
    const links = adjusted ? ` (links use ${shade}, so they stay readable)` : "";
    notes.push(`Changed the accent colour to ${accentIntent.word}${links}`);
  }
  return { css: upsertBlock(css, "palette", body), palette };
}

function applyHeader(css: string, intents: EditIntent[], info: BaseSiteInfo, notes: string[]): string {
  const intent = intents.find((i) => i.type === "header" || i.type === "header-color");
  if (intent?.type === "header-color") {
    const header = buildColoredHeader(intent.hex);
    notes.push(`Made the header ${intent.word} with ${header.headerText === "#ffffff" ? "white" : "dark"} text`);
    return upsertBlock(css, "header", headerBlock(header));
  }
  if (intent?.type !== "header") return css;
  const accent = readCssVar(css, "--accent") ?? info.accent;
  const dark = intent.tone === "dark";
  const header = dark ? buildDarkHeader(accent) : { headerBg: mix("#ffffff", accent, 0.03), headerText: "#15171c" };
  const look = dark ? `dark (${header.headerBg}) with light text and links` : "light with dark text";
  notes.push(`Made the header ${look}`);
  return upsertBlock(css, "header", headerBlock(header));
}

function applyTypography(css: string, intents: EditIntent[], notes: string[]): string {
  let result = css;
  const size = intentOf(intents, "font-size");
  if (size) {
    const current = Number(/font-size:\s*([\d.]+)%/.exec(readBlock(css, "font-size") ?? "")?.[1] ?? 100);
    const factor = size.direction === "bigger" ? 1.125 : 1 / 1.125;
    const next = Math.round(Math.min(150, Math.max(75, current * factor)) * 10) / 10;
    result = upsertBlock(result, "font-size", `html { font-size: ${next}%; }`);
    notes.push(`Made the text ${size.direction} (base size ${next}% of the browser default; layouts scale with it)`);
  }
  const family = intentOf(intents, "font-family");
  if (family) {
    const rule = `:root { --font-heading: ${FONT_STACKS[family.style]}; }\nh1, h2, h3, .brand, .footer-name { font-family: var(--font-heading); }`;
    result = upsertBlock(result, "font-family", rule);
    notes.push(`Switched headings to a ${family.style === "sans" ? "sans-serif" : family.style} typeface (system fonts, nothing downloaded)`);
  }
  const tone = intentOf(intents, "tone");
  if (tone) {
    const shape = TONE_SHAPES[tone.tone];
    result = upsertBlock(result, "tone", `:root { --radius: ${shape.radius}; --radius-small: ${shape.small}; --radius-button: ${shape.button}; --heading-weight: ${shape.weight}; }`);
    notes.push(`Reshaped corners and heading weight for a ${tone.tone} feel`);
  }
  const radius = intentOf(intents, "radius");
  if (radius) {
    const values = radius.style === "round" ? ["22px", "14px", "999px"] : ["4px", "2px", "4px"];
    result = upsertBlock(result, "radius", `:root { --radius: ${values[0]}; --radius-small: ${values[1]}; --radius-button: ${values[2]}; }`);
    notes.push(radius.style === "round" ? "Rounded the corners of cards and buttons" : "Squared off the corners of cards and buttons");
  }
  return result;
}

/** Styles the added sections need when the stylesheet does not have them yet (e.g. foreign CSS). */
function ensureSectionStyles(css: string, intents: EditIntent[], info: BaseSiteInfo, html: string, notes: string[]): string {
  let result = css;
  const added = intents.flatMap((i) => (i.type === "add-section" && html.includes(`id="${i.section}"`) ? [i.section] : []));
  const formAdded = intents.some((i) => i.type === "add-form");
  if (added.length === 0 && !formAdded) return result;
  if (!result.includes("--accent-ink")) result = upsertBlock(result, "tokens", renderTokens(info.ctx.spec));
  if (!result.includes(".card {")) result = upsertBlock(result, "components", renderForeignBasics());
  if (formAdded && !result.includes("/* section: blocks */")) result = `${result.trimEnd()}\n\n${BLOCK_STYLES}`;
  for (const id of added) {
    if (!result.includes(sectionStyleMarker(id))) {
      result = `${result.trimEnd()}\n\n${renderSectionStyles(id)}`;
      notes.push(`Added styles for the ${sectionLabel(id)} section`);
    }
  }
  return result;
}

export function applyStyleEdits(site: SiteFiles, intents: EditIntent[], info: BaseSiteInfo): EditOutcome {
  const notes: string[] = [];
  const { css: recolored, palette } = applyPalette(site.css, intents, info, notes);
  const html = palette ? recolorArtwork(site.html, palette, info, notes) : site.html;
  let css = applyHeader(recolored, intents, info, notes);
  css = applyTypography(css, intents, notes);
  css = ensureSectionStyles(css, intents, info, html, notes);
  return { site: { ...site, html, css }, notes };
}
