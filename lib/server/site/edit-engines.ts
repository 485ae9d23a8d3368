import { ELEMENT_ID_ATTRIBUTE, type SessionInstruction, type SiteEdit } from "@/lib/protocol";
import { EngineError, type GenerationEngine, type SiteFiles } from "../engines/engine";
import { applySiteEdit, describeTarget, MissingElementError, replaceElement } from "./apply-edit";
import { ImagePlaceError } from "./image-edits";
import { findElement, parseMarkup, stampElementIds, stripElementIds } from "./element-ids";

/*
 * Two ways a turn changes one element, both as engines so they run through the same runner,
 * event log and versions as any generation (a second tab and share viewers see them live, undo
 * restores the version before).
 */

/** A direct edit: one instant step, no model. */
export function createDirectEditEngine(edit: SiteEdit): GenerationEngine {
  return {
    name: "direct-edit",
    estimateStepSeconds: () => 0.05,
    async plan() {
      return [{ id: "apply-direct-edit", title: "Applying your change" }];
    },
    async runStep({ baseSite, signal }) {
      signal.throwIfAborted();
      if (!baseSite) throw new EngineError("GENERATION_FAILED", "There is no version to edit.", false);
      try {
        return { site: applySiteEdit(baseSite, edit), message: "Applied your change" };
      } catch (error) {
        if (error instanceof MissingElementError) {
          throw new EngineError("GENERATION_FAILED", "The selected element is not in the current version any more. Select it again.", false);
        }
        if (error instanceof ImagePlaceError) throw new EngineError("NOT_APPLIED", error.message, false);
        throw error;
      }
    },
  };
}

/**
 * A prompt aimed at one element: the engine is told which element (its markup and its place in
 * the page); whatever it returns, only that element of the base is replaced, the rest of the
 * page stays as it was. An engine that honours `target` returns just the element's markup; one
 * that does not (the template engine) returns the whole page, from which the element is taken.
 */
export function scopeEngineToElement(engine: GenerationEngine, targetId: string): GenerationEngine {
  return {
    ...engine,
    plan: (input) => engine.plan({ ...input, baseSite: forEngine(engine, input.baseSite), target: targetOf(input.baseSite, targetId) }),
    async runStep(input) {
      const base = input.baseSite;
      const target = targetOf(base, targetId);
      if (!base || !target) {
        throw new EngineError("GENERATION_FAILED", "The selected element is not in the current version any more. Select it again.", false);
      }
      const result = await engine.runStep({ ...input, baseSite: forEngine(engine, base), target });
      if (!result.site) return result;
      const html = result.fragment
        ? (replaceElement(base.html, targetId, result.site.html.trim()) ?? base.html)
        : spliceFromPage(base.html, result.site.html, targetId, engine.keepsElementIds === true);
      return { site: { ...result.site, html }, message: result.message };
    },
  };
}

/** The base as an engine reads it: without ids for one that reads markup by pattern. */
function forEngine(engine: GenerationEngine, base: SiteFiles | undefined): SiteFiles | undefined {
  return base && !engine.keepsElementIds ? { ...base, html: stripElementIds(base.html) } : base;
}

/**
 * The base page with the target replaced by its counterpart in the engine's whole answered page
 * (none there: the edit removed it). An engine that drops ids wrote the page from the base
 * without them; the target is then found by the id derived for its place in that base.
 */
function spliceFromPage(baseHtml: string, answer: string, targetId: string, keptIds: boolean): string {
  const lookFor = keptIds ? targetId : derivedIdOf(baseHtml, targetId);
  const stamped = stampElementIds(answer);
  const same = lookFor ? findElement(parseMarkup(stamped), lookFor) : null;
  const replacement = same ? stamped.slice(same.range[0], same.range[1]) : "";
  return replaceElement(baseHtml, targetId, replacement) ?? baseHtml;
}

/** The id the element `id` of `html` gets when its ids are stripped and derived again (same place in document order). */
function derivedIdOf(html: string, id: string): string | null {
  const all = parseMarkup(html).querySelectorAll("*");
  const index = all.findIndex((el) => el.getAttribute(ELEMENT_ID_ATTRIBUTE) === id);
  if (index < 0) return null;
  const again = parseMarkup(stampElementIds(stripElementIds(html))).querySelectorAll("*");
  return again[index]?.getAttribute(ELEMENT_ID_ATTRIBUTE) ?? null;
}

function targetOf(base: SiteFiles | undefined, id: string) {
  const found = base ? describeTarget(base.html, id) : null;
  return found ? { id, ...found } : undefined;
}

/**
 * The engine and base a turn runs with: a direct edit's own engine, the project's engine scoped
 * to a target, or the project's engine as it is. An engine that does not keep element ids gets
 * the base without them.
 */
export function prepareTurn(input: { engine: GenerationEngine; instruction: SessionInstruction | null; baseSite?: SiteFiles }) {
  const { instruction, baseSite } = input;
  if (instruction && "edit" in instruction) return { engine: createDirectEditEngine(instruction.edit), baseSite };
  if (instruction) return { engine: scopeEngineToElement(input.engine, instruction.targetId), baseSite };
  return { engine: input.engine, baseSite: forEngine(input.engine, baseSite) };
}
