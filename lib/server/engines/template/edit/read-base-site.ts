/**
 * Reconstructs enough of a SiteSpec from an existing site to render new sections that match it:
 * kind and name from our data attributes (or guessed from the text of foreign markup), colours
 * from the stylesheet's custom properties.
 */

import type { SiteFiles } from "../../engine";
import { detectKind } from "../prompt/analyze-prompt";
import { buildPalette, readCssVar } from "../palette/build-palette";
import { isDark } from "../palette/color-math";
import { pickBySeed, stripTags } from "../render/html-escape";
import { findDomain } from "../content/domain-lexicon";
import { listBlocks, listSections, readSiteName } from "./html-surgery";
import { getKindContent } from "../content/kind-profiles";
import { createRenderContext, type RenderContext } from "../render/render-context";
import { isSiteKind, type SiteSpec } from "../site-spec";

export interface BaseSiteInfo {
  ctx: RenderContext;
  /** True when the site was not written by this engine (no data-site-kind marker). */
  foreign: boolean;
  accent: string;
  mode: "light" | "dark";
}

export function readBaseSite(base: SiteFiles): BaseSiteInfo {
  const declared = /data-site-kind="([a-z]+)"/.exec(base.html)?.[1] ?? "";
  const foreign = !isSiteKind(declared);
  const kind = isSiteKind(declared) ? declared : detectKind(stripTags(base.html).slice(0, 6000));
  const content = getKindContent(kind);
  const name = readSiteName(base.html) ?? pickBySeed(content.names, base.html);
  const accent = readCssVar(base.css, "--accent") ?? content.accent;
  const bg = readCssVar(base.css, "--bg");
  const mode = bg && isDark(bg) ? "dark" : "light";
  const headingFont = /--font-heading:\s*ui-serif/.test(base.css) ? "serif" : content.headingFont;
  const spec: SiteSpec = {
    kind,
    kindLabel: content.label,
    name,
    nameFromPrompt: true,
    sections: listSections(base.html),
    blocks: listBlocks(base.html),
    forms: [],
    domainId: findDomain(/data-site-domain="([a-z-]+)"/.exec(base.html)?.[1])?.id ?? null,
    topic: null,
    purpose: null,
    audience: null,
    date: null,
    people: [],
    requested: [],
    palette: buildPalette({ accent, mode, lightTint: mode === "light" ? content.lightTint : null }),
    colorWords: [],
    tone: "calm",
    headingFont,
    location: null,
    focus: null,
    currency: /€\d/.test(base.html) ? "€" : /£\d/.test(base.html) ? "£" : "$",
    seed: `${kind}|${name}`,
  };
  return { ctx: createRenderContext(spec), foreign, accent, mode };
}
