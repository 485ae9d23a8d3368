/**
 * The stylesheet. `renderBaseStyles` is the plain, readable foundation written with the page
 * structure; `renderFullStyles` is the finished responsive design. Both are mobile-first: the base
 * rules target a 375 px phone and one min-width query widens the layout for larger screens.
 */

import { renderPaletteVars } from "../palette/build-palette";
import { renderComponentStyles, renderResponsiveStyles } from "./render-component-styles";
import { renderAllSectionStyles } from "./render-section-styles";
import type { FontStyle, SiteSpec, Tone } from "../site-spec";

export const FONT_STACKS: Record<FontStyle, string> = {
  sans: `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif`,
  serif: `ui-serif, "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, Cambria, "Times New Roman", serif`,
  mono: `ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace`,
};

export const TONE_SHAPES: Record<Tone, { radius: string; small: string; button: string; weight: number }> = {
  calm: { radius: "16px", small: "10px", button: "999px", weight: 700 },
  playful: { radius: "22px", small: "14px", button: "999px", weight: 800 },
  elegant: { radius: "6px", small: "4px", button: "4px", weight: 600 },
  bold: { radius: "10px", small: "8px", button: "8px", weight: 800 },
};

/** Design tokens: palette, fonts and shapes, all as custom properties that edits can override. */
export function renderTokens(spec: SiteSpec): string {
  const shape = TONE_SHAPES[spec.tone];
  return [
    `:root {`,
    renderPaletteVars(spec.palette),
    `  --font-body: ${FONT_STACKS.sans};`,
    `  --font-heading: ${FONT_STACKS[spec.headingFont]};`,
    `  --heading-weight: ${shape.weight};`,
    `  --radius: ${shape.radius};`,
    `  --radius-small: ${shape.small};`,
    `  --radius-button: ${shape.button};`,
    `  --max: 72rem;`,
    `  --shadow: 0 1px 2px rgb(15 23 42 / 0.06), 0 10px 30px -12px rgb(15 23 42 / 0.18);`,
    `}`,
  ].join("\n");
}

const FOUNDATION = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  min-width: 0;
  font-family: var(--font-body);
  font-size: 1rem;
  line-height: 1.65;
  color: var(--text);
  background: var(--bg);
  overflow-wrap: anywhere;
  -webkit-font-smoothing: antialiased;
}
img, svg, video { display: block; max-width: 100%; height: auto; }
h1, h2, h3 {
  margin: 0 0 0.5em;
  font-family: var(--font-heading);
  font-weight: var(--heading-weight);
  line-height: 1.15;
  letter-spacing: -0.02em;
  text-wrap: balance;
}
p { margin: 0 0 1em; }
a { color: var(--accent-ink); text-underline-offset: 0.2em; }
figure { margin: 0; }
.container { width: min(100% - 2.5rem, var(--max)); margin-inline: auto; }
.visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
.skip-link {
  position: absolute; left: 1rem; top: -4rem; z-index: 100;
  padding: 0.6rem 1rem;
  background: var(--accent); color: var(--accent-contrast);
  border-radius: var(--radius-small);
}
.skip-link:focus { top: 1rem; }

/* Header */
.site-header { background: var(--header-bg); color: var(--header-text); border-bottom: 1px solid var(--border); }
.header-inner {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
  gap: 0.75rem 1.5rem; min-height: 4rem; padding-block: 0.75rem;
}
.brand {
  display: inline-flex; align-items: center; gap: 0.6rem; min-width: 0;
  color: inherit; text-decoration: none;
  font-family: var(--font-heading); font-weight: var(--heading-weight); font-size: 1.15rem;
}
.brand-mark {
  display: inline-grid; place-items: center; flex: none;
  width: 2.25rem; height: 2.25rem; border-radius: var(--radius-small);
  background: var(--accent); color: var(--accent-contrast);
}
.nav-list { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.25rem; margin: 0; padding: 0; list-style: none; }
.nav-list a:not(.button) { color: inherit; text-decoration: none; font-weight: 500; }
.nav-toggle { display: none; }

/* Hero */
.hero { padding-block: 3rem 4rem; }
.hero-inner { display: grid; gap: 2.5rem; align-items: center; }
.hero h1 { font-size: clamp(2.4rem, 1.5rem + 4.5vw, 4.5rem); hyphens: auto; }
.hero-tagline { font-family: var(--font-heading); font-size: clamp(1.2rem, 1rem + 1vw, 1.6rem); }
.hero-lead { color: var(--muted); font-size: 1.075rem; max-width: 38rem; }
.hero-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.5rem; }
.hero-art img { width: 100%; border-radius: calc(var(--radius) * 1.5); }

/* Sections */
.section { padding-block: clamp(3.5rem, 2.5rem + 4vw, 6rem); }
.section-head { max-width: 42rem; margin-bottom: 2.5rem; }
.section-head h2 { font-size: clamp(1.8rem, 1.3rem + 2vw, 2.6rem); }
.section-lead { color: var(--muted); font-size: 1.075rem; }
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.5rem;
  min-height: 2.75rem; padding: 0.65rem 1.35rem;
  border: 2px solid var(--accent); border-radius: var(--radius-button);
  background: var(--accent); color: var(--accent-contrast);
  font: inherit; font-weight: 600; line-height: 1.2; text-align: center; text-decoration: none; cursor: pointer;
}
.button-ghost { background: transparent; color: var(--text); border-color: var(--border); }

/* Footer */
.site-footer { background: var(--footer-bg); color: var(--footer-text); padding-block: 3rem 2rem; }
.site-footer a { color: var(--footer-text); }
.footer-inner { display: grid; gap: 2rem; }
.footer-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0; padding: 0; list-style: none; }
.footer-bottom { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem 1.5rem; margin-top: 2rem; padding-top: 1.5rem; border-top: 1px solid var(--footer-muted); color: var(--footer-muted); font-size: 0.9rem; }
.footer-bottom p, .footer-brand p { margin: 0; }
.footer-name { font-family: var(--font-heading); font-weight: var(--heading-weight); font-size: 1.25rem; }
.footer-tagline { color: var(--footer-muted); }
`;

/**
 * The generic helpers our sections rely on, for stylesheets we did not write. Deliberately leaves
 * the foreign site's own body, header and typography alone.
 */
export function renderForeignBasics(): string {
  const start = FOUNDATION.indexOf("img, svg, video");
  const helpers = FOUNDATION.slice(start, FOUNDATION.indexOf("/* Header */"));
  const sections = FOUNDATION.slice(FOUNDATION.indexOf("/* Sections */"), FOUNDATION.indexOf("/* Footer */"));
  return `main, section { overflow-wrap: anywhere; }\n${helpers}\n${sections}`;
}

/** Tokens and the readable foundation: enough for the skeleton to look tidy on any screen. */
export function renderBaseStyles(spec: SiteSpec): string {
  // No prompt text ever goes into CSS: it is inlined in a <style> element by the runner.
  return `/* Generated by the OpenV0 template engine */\n${renderTokens(spec)}\n${FOUNDATION}`;
}

/** The finished design: foundation, components, every section's styles and the wide-screen layout. */
export function renderFullStyles(spec: SiteSpec): string {
  return [renderBaseStyles(spec), renderComponentStyles(), renderAllSectionStyles(), renderResponsiveStyles()].join("\n");
}
