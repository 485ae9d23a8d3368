/**
 * Runs the built-in engine's plan step by step, as the runner does, on an optional base site and
 * version history: the unit tests' way to generate a site and apply a follow-up to it.
 */
import { emptySite, type SiteFiles, type SiteHistory } from "@/lib/server/engines/engine";
import { createTemplateEngine } from "@/lib/server/engines/template/template-engine";

const engine = createTemplateEngine({ stepMs: 0 });

export async function runTemplate(prompt: string, baseSite?: SiteFiles, history?: SiteHistory): Promise<SiteFiles> {
  const signal = new AbortController().signal;
  const plan = await engine.plan({ prompt, baseSite, signal });
  let site = baseSite ?? emptySite();
  for (const [index, step] of plan.entries()) {
    const result = await engine.runStep({ prompt, step, index, plan, site, baseSite, history, signal });
    if (result.site) site = result.site;
  }
  return site;
}
