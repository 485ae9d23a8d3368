/**
 * The built-in generation engine: no network, no API key. It reads the prompt into a SiteSpec and
 * writes the site in visible stages (structure → sections → styling → interactivity), or applies
 * a follow-up edit to an existing site. Output is deterministic; only the pacing uses time.
 */

import { EngineError, emptySite, type GenerationEngine, type SiteFiles, type StepInput, type StepResult } from "../engine";
import { abortableWait } from "./abortable-wait";
import { analyzePrompt, summarizeSpec } from "./prompt/analyze-prompt";
import { buildFrames, buildStage, describeStage, isBuildStage } from "./render/build-site";
import { applyContentEdits, polishSite } from "./edit/edit-content";
import { applyStyleEdits } from "./edit/edit-styles";
import { describeIntent, parseEdit, type EditIntent } from "./edit/parse-edit";
import { pageLanguage, readBaseSite } from "./edit/read-base-site";
import { fillSlots, getLocale } from "./locale/locales";
import { suggestEdits } from "./edit/suggest-edits";
import { findUndoTarget } from "./edit/undo-target";
import { capitalise } from "./content/apply-domain";
import steps from "./data/content-steps.json";

interface ComputedStep {
  result: StepResult;
  /** Intermediate sites to stream while the step's time passes. */
  frames: SiteFiles[];
}

const joinNotes = (notes: string[], fallback: string) => (notes.length ? capitalise(notes.join("; ")) : fallback);

/** A step's result with no intermediate frames (every step but the build stages). */
const done = (site: SiteFiles | null, message: string): ComputedStep => ({ result: { site, message }, frames: [] });

function quotePrompt(prompt: string): string {
  const flat = prompt.replace(/\s+/g, " ").trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

const sameSite = (a: SiteFiles, b: SiteFiles) => a.html === b.html && a.css === b.css && a.js === b.js;

/** A follow-up that changes nothing: said plainly, with what this site can do instead. No version is made. */
function notApplied(understood: string, base: SiteFiles): EngineError {
  const lang = pageLanguage(base.html);
  const offers = suggestEdits(base.html, lang).map((s) => `“${s}”`).join(", ");
  return new EngineError("NOT_APPLIED", fillSlots(getLocale(lang).edits.notApplied, { understood, offers }).slice(0, 1900), false);
}
/** The not-applied reasons, in the language the site is written in. */
const reasons = (base: SiteFiles) => getLocale(pageLanguage(base.html)).edits;

/** Undo and redo bring back an earlier version's files whole, as a new version. */
async function computeHistoryStep(input: StepInput, base: SiteFiles, want: "undo" | "redo"): Promise<ComputedStep> {
  const target = input.history ? await findUndoTarget(input.history, want) : null;
  const site = target !== null && input.history ? await input.history.loadVersion(target) : null;
  if (!site || target === null) throw notApplied(want === "undo" ? reasons(base).noEarlier : reasons(base).noUndone, base);
  if (sameSite(site, base)) throw notApplied(fillSlots(reasons(base).sameVersion, { n: target }), base);
  const id = input.step.id;
  if (id === "analyze-edit") return done(null, want === "undo" ? `Undo: going back to version ${target}` : `Redo: bringing back version ${target}`);
  if (id === "apply-edit") return done(site, `Restored the content of version ${target}`);
  return done(site, id === "restyle" ? `Restored the styles of version ${target}` : "Checked the restored page");
}

async function computeEditStep(input: StepInput, base: SiteFiles): Promise<ComputedStep> {
  const info = readBaseSite(base);
  // The site's language decides how section words are read ("remove a galeria" on a Portuguese site).
  const intents: EditIntent[] = parseEdit(input.prompt, info.ctx.spec.lang);
  const history = intents.find((i) => i.type === "undo" || i.type === "redo");
  if (history) return computeHistoryStep(input, base, history.type === "undo" ? "undo" : "redo");
  if (intents.length === 0) throw notApplied(fillSlots(reasons(base).noMatch, { prompt: quotePrompt(input.prompt) }), base);
  // Blocks an edit adds (a gallery, say) show the project's uploads too.
  info.ctx.spec.images = input.images;
  const said = intents.map((i) => describeIntent(i, info.ctx.spec.lang)).join(", ");
  if (input.step.id === "analyze-edit") return done(null, `Editing “${info.ctx.spec.name}”: ${said}`);
  const content = applyContentEdits(base, intents, info);
  if (input.step.id === "apply-edit") return done(content.site, joinNotes(content.notes, "No content changes were needed"));
  const styled = applyStyleEdits(content.site, intents, info);
  if (input.step.id === "restyle") return done(styled.site, joinNotes(styled.notes, "No style changes were needed"));
  const polished = polishSite(styled.site, intents, info);
  if (sameSite(polished.site, base)) {
    const why = [...content.notes, ...styled.notes].filter(Boolean).join("; ");
    throw notApplied(fillSlots(reasons(base).understoodBut, { said, why: why || reasons(base).changedNothing }), base);
  }
  return done(polished.site, joinNotes(polished.notes, "Polished the page"));
}

async function computeStep(input: StepInput): Promise<ComputedStep> {
  const id = input.step.id;
  if (steps.edit.some((step) => step.id === id)) return computeEditStep(input, input.baseSite ?? emptySite());
  const spec = { ...analyzePrompt(input.prompt), images: input.images };
  if (id === "analyze") return done(null, `Understood: ${summarizeSpec(spec)}`);
  if (isBuildStage(id)) {
    return { result: { site: buildStage(spec, id), message: describeStage(spec, id) }, frames: buildFrames(spec, id) };
  }
  throw new EngineError("GENERATION_FAILED", `The template engine has no step called "${id}"`, false);
}

/** Spends `stepMs` (abortably), streaming intermediate frames at even intervals when asked to. */
async function paceStep(stepMs: number, input: StepInput, frames: SiteFiles[]): Promise<void> {
  if (stepMs <= 0) return;
  const shown = input.onPartial ? frames : [];
  const slice = stepMs / (shown.length + 1);
  for (const [i, frame] of shown.entries()) {
    await abortableWait(slice, input.signal);
    input.onPartial?.(frame, (i + 1) / (shown.length + 1));
  }
  await abortableWait(slice, input.signal);
}

export function createTemplateEngine({ stepMs }: { stepMs: number }): GenerationEngine {
  const pace = Number.isFinite(stepMs) && stepMs > 0 ? stepMs : 0;
  return {
    name: "template",
    async plan(input) {
      input.signal.throwIfAborted();
      return (input.baseSite?.html.trim() ? steps.edit : steps.newSite).map((step) => ({ ...step }));
    },
    async runStep(input) {
      input.signal.throwIfAborted();
      const { result, frames } = await computeStep(input);
      await paceStep(pace, input, frames);
      input.signal.throwIfAborted();
      return result;
    },
    estimateStepSeconds() {
      return Math.max(pace / 1000, 0.05);
    },
  };
}
