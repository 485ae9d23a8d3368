/**
 * The four code stages of a new site. Each stage renders the whole site from the spec (not from
 * the previous step's output), so a retried step produces exactly the same files.
 */

import type { SiteFiles } from "../../engine";
import { createRenderContext } from "./render-context";
import { renderPage } from "./render-layout";
import { SITE_SCRIPT } from "./render-script";
import { COMPONENT_STYLES, renderBaseStyles, renderFullStyles } from "./render-styles";
import { isSectionId, sectionLabel, type SiteSpec } from "../site-spec";
import { inSentence } from "./in-sentence";
import { fillSlots } from "../locale/locales";
import stages from "../data/render-stages.json";

export const BUILD_STAGES = ["structure", "sections", "styling", "interactivity"] as const;
export type BuildStage = (typeof BUILD_STAGES)[number];

export function isBuildStage(id: string): id is BuildStage {
  return (BUILD_STAGES as readonly string[]).includes(id);
}

export function buildStage(spec: SiteSpec, stage: BuildStage): SiteFiles {
  const ctx = createRenderContext(spec);
  const blocks = stage === "structure" ? [] : spec.blocks;
  return {
    html: renderPage(ctx, blocks),
    css: stage === "structure" || stage === "sections" ? renderBaseStyles(spec) : renderFullStyles(spec),
    js: stage === "interactivity" ? SITE_SCRIPT : "",
  };
}

/** Intermediate sites shown while a step "types": sections appear one by one, styles in two layers. */
export function buildFrames(spec: SiteSpec, stage: BuildStage): SiteFiles[] {
  const ctx = createRenderContext(spec);
  if (stage === "sections") {
    const css = renderBaseStyles(spec);
    return spec.blocks.slice(0, -1).map((_, i) => ({ html: renderPage(ctx, spec.blocks.slice(0, i + 1)), css, js: "" }));
  }
  if (stage === "styling") {
    return [{ html: renderPage(ctx, spec.blocks), css: `${renderBaseStyles(spec)}\n${COMPONENT_STYLES}`, js: "" }];
  }
  return [];
}

/** "a, b and c": the progress log is in British English (no comma before "and"). */
const LIST = new Intl.ListFormat("en-GB", { type: "conjunction" });

/** What a stage did, in a sentence for the progress log. */
export function describeStage(spec: SiteSpec, stage: BuildStage): string {
  const labels = spec.blocks.map((b) => (b.requested ? inSentence(b.heading, spec.lang) : isSectionId(b.layout) ? sectionLabel(b.layout) : b.heading));
  const forms = spec.blocks.filter((b) => b.form !== null || b.layout === "newsletter").length;
  return fillSlots(stages.done[stage], {
    name: spec.name,
    count: spec.blocks.length,
    sections: LIST.format(labels),
    mode: spec.palette.mode,
    colours: spec.colorWords.length ? LIST.format(spec.colorWords.slice(0, 2)) : spec.kindLabel.toLowerCase(),
    font: spec.headingFont === "sans" ? "sans-serif" : spec.headingFont,
    forms: forms ? fillSlots(stages.forms, { count: forms, plural: forms === 1 ? "" : "s" }) : "",
  });
}
