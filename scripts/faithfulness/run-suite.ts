/**
 * Runs a faithfulness data file: every prompt (and its follow-ups) is generated with the real
 * template engine, rendered as the standalone document users download, opened in headless
 * Chromium, and each ask is checked on the rendered page.
 */

import { readFileSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { EngineError, emptySite, type SiteFiles, type SiteHistory } from "../../lib/server/engines/engine";
import { createTemplateEngine } from "../../lib/server/engines/template/template-engine";
import { renderSiteDocument } from "../../lib/server/site/render-document";
import { caseFileSchema, type Asks } from "./case-schema";
import { checkAsks, type AskCategory, type AskResult } from "./check-asks";
import { checkContentFit, checkFormFields, type FitContext } from "./check-content-fit";
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

interface Generated {
  site: SiteFiles;
  understood: string;
  /** The follow-up ended NOT_APPLIED: the site is the one it started from. */
  notApplied: boolean;
}

/** The versions so far, as the server's history gives them to the engine (for undo and redo). */
function historyOf(versions: Array<{ prompt: string; site: SiteFiles }>): SiteHistory {
  return {
    listVersions: async () => versions.map((v, i) => ({ version: i + 1, prompt: v.prompt })),
    loadVersion: async (version) => versions[version - 1]?.site ?? null,
  };
}

async function generate(prompt: string, baseSite?: SiteFiles, versions: Array<{ prompt: string; site: SiteFiles }> = []): Promise<Generated> {
  const engine = createTemplateEngine({ stepMs: 0 });
  const signal = new AbortController().signal;
  const plan = await engine.plan({ prompt, baseSite, signal });
  let site = baseSite ?? emptySite();
  let understood = "";
  const history = baseSite ? historyOf(versions) : undefined;
  try {
    for (const [index, step] of plan.entries()) {
      const result = await engine.runStep({ prompt, step, index, plan, site, baseSite, history, signal });
      if (index === 0) understood = result.message ?? "";
      if (result.site) site = result.site;
    }
  } catch (error) {
    if (!(error instanceof EngineError && error.code === "NOT_APPLIED" && baseSite)) throw error;
    return { site: baseSite, understood: error.message, notApplied: true };
  }
  return { site, understood, notApplied: false };
}

async function inspect(browser: Browser, site: SiteFiles, asks: Asks, fit: FitContext): Promise<{ results: AskResult[]; quality: QualityFacts }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.setContent(renderSiteDocument(site), { waitUntil: "load" });
    // tsx (esbuild) wraps named functions in __name(); the functions we send to the page need it defined.
    await page.evaluate("window.__name = function (f) { return f; }");
    const facts = await collectPageFacts(page);
    const quality = await collectQualityFacts(page);
    return { results: [...checkAsks(asks, facts), ...checkFormFields(asks, facts), ...checkContentFit(asks, facts, fit)], quality };
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
    const first = await generate(testCase.prompt);
    const pages = [first.site.html];
    const versions = [{ prompt: testCase.prompt, site: first.site }];
    const fit = (g: Generated, prompt: string): FitContext => ({ prompt, understood: g.understood, notApplied: g.notApplied, html: g.site.html, earlier: [...pages] });
    outcomes.push({ caseId: testCase.id, domain: testCase.domain, step: "prompt", understood: first.understood, ...(await inspect(browser, first.site, testCase.asks, fit(first, testCase.prompt))) });
    let site = first.site;
    for (const [i, followUp] of (testCase.followUps ?? []).entries()) {
      const next = await generate(followUp.prompt, site, versions);
      outcomes.push({ caseId: testCase.id, domain: testCase.domain, step: `follow-up ${i + 1}`, understood: next.understood, ...(await inspect(browser, next.site, followUp.asks, fit(next, followUp.prompt))) });
      pages.push(next.site.html);
      // Like the server: only an applied follow-up makes a version.
      if (!next.notApplied) versions.push({ prompt: followUp.prompt, site: next.site });
      site = next.site;
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
