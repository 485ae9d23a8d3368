/**
 * `npx tsx scripts/read-site-text.ts "<prompt>" …`: writes each prompt's site with the built-in engine
 * and prints its words as a visitor reads them (no markup, scripts or styles), to judge the copy.
 */
import { emptySite } from "../lib/server/engines/engine";
import { createTemplateEngine } from "../lib/server/engines/template/template-engine";
import { parse } from "node-html-parser";

async function main() {
  const engine = createTemplateEngine({ stepMs: 0 });
  for (const prompt of process.argv.slice(2)) {
    const signal = new AbortController().signal;
    const plan = await engine.plan({ prompt, signal });
    let site = emptySite();
    for (const [index, step] of plan.entries()) {
      const r = await engine.runStep({ prompt, step, index, plan, site, signal });
      if (r.site) site = r.site;
    }
    const root = parse(site.html);
    root.querySelectorAll("script,style,svg").forEach((n) => n.remove());
    const text = root.structuredText.replace(/\n{2,}/g, "\n");
    console.log("=====", prompt, "\n" + text.slice(0, 2500));
  }
}
void main();
