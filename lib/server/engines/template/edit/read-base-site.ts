/**
 * Reconstructs enough of a SiteSpec from an existing site to render new sections that match it:
 * kind and name from our data attributes (or guessed from the text of foreign markup), colours
 * from the stylesheet's custom properties.
 */

import type { SiteFiles } from "../../engine";
import { detectKind } from "../prompt/analyze-prompt";
import { buildPalette, readCssVar } from "../palette/build-palette";
import { isDark } from "../palette/color-math";
import { stripTags } from "../render/html-escape";
import { findDomain } from "../content/domain-lexicon";
import { listBlocks, listSections, readSiteName } from "./html-surgery";
import { getKindContent } from "../content/kind-profiles";
import { createRenderContext, type RenderContext } from "../render/render-context";
import { businessLabel } from "../locale/read-business";
import { PAGE_LANGUAGES, type PageLanguage } from "../locale/read-language";
import { currencySymbol } from "../locale/read-place";
import { isSiteKind, type SiteSpec } from "../site-spec";

export interface BaseSiteInfo {
  ctx: RenderContext;
  /** True when the site was not written by this engine (no data-site-kind marker). */
  foreign: boolean;
  /** The base stylesheet's accent, before the palette adjusts it for contrast. */
  accent: string;
}

/** The language, currency and business our pages declare on <main> (older pages: English, from the price signs). */
const mainAttr = (html: string, name: string) => new RegExp(`\\s${name}="([^"]{1,40})"`).exec(/<main\b[^>]*>/.exec(html)?.[0] ?? "")?.[1] ?? null;

/** The language our page declares on <main>; English for older or foreign pages. */
export function pageLanguage(html: string): PageLanguage {
  const declared = mainAttr(html, "lang") ?? "";
  return (PAGE_LANGUAGES as readonly string[]).includes(declared) ? (declared as PageLanguage) : "en";
}

function readPageLocale(html: string): Pick<SiteSpec, "lang" | "langOther" | "locale" | "currency" | "currencyCode" | "business"> {
  const lang = pageLanguage(html);
  const currencyCode = /^[A-Z]{3}$/.test(mainAttr(html, "data-site-currency") ?? "") ? mainAttr(html, "data-site-currency")! : /€\d/.test(html) ? "EUR" : /£\d/.test(html) ? "GBP" : "USD";
  const locale = /^[a-z]{2}-[A-Z]{2}$/.test(mainAttr(html, "data-site-locale") ?? "") ? mainAttr(html, "data-site-locale")! : `${lang}-US`;
  const id = mainAttr(html, "data-site-business");
  const label = id ? businessLabel(id, lang) : null;
  return {
    lang, langOther: null, locale, currencyCode,
    currency: currencySymbol({ currency: currencyCode, locale }),
    business: id && label ? { id, label, cuisine: null } : null,
  };
}

export function readBaseSite(base: SiteFiles): BaseSiteInfo {
  const declared = /data-site-kind="([a-z]+)"/.exec(base.html)?.[1] ?? "";
  const foreign = !isSiteKind(declared);
  const kind = isSiteKind(declared) ? declared : detectKind(stripTags(base.html).slice(0, 6000));
  const content = getKindContent(kind);
  const name = readSiteName(base.html) ?? "Home";
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
    ...readPageLocale(base.html),
    seed: `${kind}|${name}`,
  };
  return { ctx: createRenderContext(spec), foreign, accent };
}
