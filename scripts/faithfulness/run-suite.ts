/**
 * Runs a faithfulness data file: every prompt (and its follow-ups) is generated with the real
 * template engine, rendered as the standalone document users download, opened in headless
 * Chromium, and each ask is checked on the rendered page.
 */

import { readFileSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { emptySite, type SiteFiles } from "../../lib/server/engines/engine";
import { createTemplateEngine } from "../../lib/server/engines/template/template-engine";
import { renderSiteDocument } from "../../lib/server/site/render-document";
import { caseFileSchema, type Asks } from "./case-schema";
import { checkAsks, type AskCategory, type AskResult } from "./check-asks";
import { collectPageFacts, collectQualityFacts, type QualityFacts } from "./page-facts";

export interface StepOutcome {
  caseId: string;
  domain: string;
  step: string;
  /** The engine's first step message: what it understood. */
  understood: string;
  results: AskResult[];
  quality: QualityFacts;
}

export interface Tally {
  met: number;
  total: number;
}

export interface SuiteReport {
  file: string;
  outcomes: StepOutcome[];
  byCategory: Partial<Record<AskCategory, Tally>>;
  overall: Tally;
  followUps: Tally;
  domains: number;
}

export function launchSuiteBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

async function generate(prompt: string, baseSite?: SiteFiles): Promise<{ site: SiteFiles; understood: string }> {
  const engine = createTemplateEngine({ stepMs: 0 });
  const signal = new AbortController().signal;
  const plan = await engine.plan({ prompt, baseSite, signal });
  let site = baseSite ?? emptySite();
  let understood = "";
  for (const [index, step] of plan.entries()) {
    const result = await engine.runStep({ prompt, step, index, plan, site, baseSite, signal });
    if (index === 0) understood = result.message ?? "";
    if (result.site) site = result.site;
  }
  return { site, understood };
}

async function inspect(browser: Browser, site: SiteFiles, asks: Asks): Promise<{ results: AskResult[]; quality: QualityFacts }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.setContent(renderSiteDocument(site), { waitUntil: "load" });
    // tsx (esbuild) wraps named functions in __name(); the functions we send to the page need it defined.
    await page.evaluate("window.__name = function (f) { return f; }");
    const facts = await collectPageFacts(page);
    const quality = await collectQualityFacts(page);
    return { results: checkAsks(asks, facts), quality };
  } finally {
    await page.close();
  }
}

function tally(outcomes: StepOutcome[], filter: (o: StepOutcome) => boolean = () => true): Tally {
  const results = outcomes.filter(filter).flatMap((o) => o.results);
  return { met: results.filter((r) => r.met).length, total: results.length };
}

export async function runSuite(file: string, browser: Browser): Promise<SuiteReport> {
  const data = caseFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const outcomes: StepOutcome[] = [];
  for (const testCase of data.cases) {
    let { site, understood } = await generate(testCase.prompt);
    outcomes.push({ caseId: testCase.id, domain: testCase.domain, step: "prompt", understood, ...(await inspect(browser, site, testCase.asks)) });
    for (const [i, followUp] of (testCase.followUps ?? []).entries()) {
      ({ site, understood } = await generate(followUp.prompt, site));
      outcomes.push({ caseId: testCase.id, domain: testCase.domain, step: `follow-up ${i + 1}`, understood, ...(await inspect(browser, site, followUp.asks)) });
    }
  }
  const byCategory: Partial<Record<AskCategory, Tally>> = {};
  for (const result of outcomes.flatMap((o) => o.results)) {
    const entry = (byCategory[result.category] ??= { met: 0, total: 0 });
    entry.total += 1;
    if (result.met) entry.met += 1;
  }
  return {
    file,
    outcomes,
    byCategory,
    overall: tally(outcomes),
    followUps: tally(outcomes, (o) => o.step !== "prompt"),
    domains: new Set(data.cases.map((c) => c.domain)).size,
  };
}

export function share({ met, total }: Tally): number {
  return total === 0 ? 1 : met / total;
}
