/**
 * The built-in engine builds what was asked: the faithfulness suite's main set (45 prompts over 34
 * domains, with follow-ups) is generated with the real engine, rendered in headless Chromium and
 * each ask checked on the page. Fails below 90% of asks met, or on any page that scrolls sideways
 * at 375 px, has a broken mobile menu, or a serious axe-core violation.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchSuiteBrowser, runSuite, share, type SuiteReport } from "../../scripts/faithfulness/run-suite";

jest.setTimeout(20 * 60_000);

let browser: Browser;
let report: SuiteReport;

beforeAll(async () => {
  browser = await launchSuiteBrowser();
  report = await runSuite(path.join(__dirname, "../../scripts/faithfulness/main-prompts.json"), browser);
});

afterAll(async () => {
  await browser?.close();
});

test("the main set covers at least 40 prompts over 15 domains, with follow-ups", () => {
  expect(new Set(report.outcomes.map((o) => o.caseId)).size).toBeGreaterThanOrEqual(40);
  expect(report.domains).toBeGreaterThanOrEqual(15);
  expect(report.followUps.total).toBeGreaterThan(0);
});

test("at least 90% of the explicit asks are met on the rendered pages", () => {
  const missed = report.outcomes.flatMap((o) => o.results.filter((r) => !r.met).map((r) => `${o.caseId} ${o.step}: ${r.category} ${r.ask} (${r.why ?? ""})`));
  // Printed so a regression shows which asks it lost.
  if (missed.length) console.log(`missed asks:\n${missed.join("\n")}`);
  expect(share(report.overall)).toBeGreaterThanOrEqual(0.9);
});

test("every page keeps the quality guards: no sideways scroll at 375 px, a working mobile menu, no serious axe issue", () => {
  const broken = report.outcomes.filter((o) => o.quality.overflowAt375 || !o.quality.mobileMenuWorks || o.quality.seriousAxe.length > 0);
  expect(broken.map((o) => `${o.caseId} ${o.step}: ${JSON.stringify(o.quality)}`)).toEqual([]);
});
