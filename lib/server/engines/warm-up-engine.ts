import { emptySite, type GenerationEngine, type SiteFiles } from "./engine";
import { createTemplateEngine } from "./template/template-engine";

const SAMPLE_PROMPT = "A landing page for a bakery called Crumb & Co in Lisbon, warm brown, with a menu, prices and booking";
const SAMPLE_EDIT = "Make it dark, add a contact form and rename the menu section to Breads";

/** Runs every step of `engine` for one prompt (no pacing, no publishing); returns the site. */
async function runAllSteps(engine: GenerationEngine, prompt: string, baseSite?: SiteFiles): Promise<SiteFiles> {
  const signal = new AbortController().signal;
  const plan = await engine.plan({ prompt, baseSite, signal });
  let site = emptySite();
  for (const [index, step] of plan.entries()) {
    const result = await engine.runStep({ prompt, step, index, plan, site, baseSite, signal });
    if (result.site) site = result.site;
  }
  return site;
}

/**
 * Compiles the built-in engine's patterns once at boot. Its prompt reader and renderer use a few
 * hundred Unicode-aware regular expressions that V8 compiles on first use: a cold process spent
 * ~1.3 s of one event-loop turn inside the first job (more on a busy machine), which stalls every
 * socket of the node and, with BullMQ, can outlast a job's lock. An unpaced twin engine pays that
 * here, before the process takes traffic or jobs.
 */
export async function warmUpEngine(engine: GenerationEngine): Promise<void> {
  if (engine.name !== "template") return;
  const twin = createTemplateEngine({ stepMs: 0 });
  const site = await runAllSteps(twin, SAMPLE_PROMPT);
  await runAllSteps(twin, SAMPLE_EDIT, site);
}
