// @ts-nocheck
import { analyzePrompt } from "../lib/server/engines/template/prompt/analyze-prompt";
import { emptySite } from "../lib/server/engines/engine";
import { createTemplateEngine } from "../lib/server/engines/template/template-engine";
import { parse } from "node-html-parser";
async function main() {
  const engine = createTemplateEngine({ stepMs: 0 });
  for (const p of process.argv.slice(2)) {
    const s = analyzePrompt(p);
    console.log("#####", p);
    console.log(JSON.stringify({ name: s.name, kind: s.kind, lang: s.lang, locale: s.locale, cur: s.currencyCode, loc: s.location, topic: s.topic, offers: s.offers, people: s.people, facts: s.facts, blocks: s.blocks.map((b) => b.heading + (b.form ? `[${b.form}${b.fields ? ":" + b.fields.join("|") : ""}]` : "")) }));
    if (!process.env.FULL) continue;
    const signal = new AbortController().signal;
    const plan = await engine.plan({ prompt: p, signal });
    let site = emptySite();
    for (const [index, step] of plan.entries()) { const r = await engine.runStep({ prompt: p, step, index, plan, site, signal }); if (r.site) site = r.site; }
    const root = parse(site.html);
    root.querySelectorAll("script,style,svg").forEach((n) => n.remove());
    root.querySelectorAll("input,textarea,select").forEach((n) => n.insertAdjacentHTML("beforebegin", `[${n.tagName.toLowerCase()}:${n.getAttribute("type") ?? ""}]`));
    console.log(root.structuredText.replace(/\n{2,}/g, "\n"));
  }
}
void main();
