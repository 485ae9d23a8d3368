/**
 * `npx tsx scripts/shoot-sites.ts "<prompt>" …`: writes each prompt's site with the built-in engine
 * and saves full-page screenshots at 1440 and 375 px (Debian's Chromium) under
 * `test-results/sites/`, to look at the sites as a visitor would.
 */
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { emptySite } from "../lib/server/engines/engine";
import { createTemplateEngine } from "../lib/server/engines/template/template-engine";
import { renderSiteDocument } from "../lib/server/site/render-document";

async function main() {
  const engine = createTemplateEngine({ stepMs: 0 });
  mkdirSync("test-results/sites", { recursive: true });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  for (const [i, prompt] of process.argv.slice(2).entries()) {
    const signal = new AbortController().signal;
    const plan = await engine.plan({ prompt, signal });
    let site = emptySite();
    for (const [index, step] of plan.entries()) {
      const r = await engine.runStep({ prompt, step, index, plan, site, signal });
      if (r.site) site = r.site;
    }
    for (const [w, h] of [[1440, 900], [375, 740]] as const) {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await page.setContent(renderSiteDocument(site), { waitUntil: "load" });
      await page.screenshot({ path: `test-results/sites/site-${i}-${w}.png`, fullPage: true });
      await page.close();
    }
  }
  await browser.close();
}
void main();
