/**
 * `npm run faithfulness [--verbose] [file ...]`: prints, per data file, the share of asks met per
 * category and overall, the quality guards (375 px overflow, mobile menu, serious axe issues), and
 * with --verbose every missed ask. Defaults to the main set and both held-out sets.
 */

import path from "node:path";
import { launchSuiteBrowser, runSuite, share, type SuiteReport } from "./run-suite";

const DEFAULT_FILES = ["main-prompts.json", "held-out-prompts.json", "held-out-b-prompts.json", "content-fit-prompts.json", "content-fit-held-out.json"].map((f) =>
  path.join(__dirname, f),
);

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function printReport(report: SuiteReport, verbose: boolean): void {
  const cases = new Set(report.outcomes.map((o) => o.caseId)).size;
  console.log(`\n${path.basename(report.file)}: ${cases} prompts, ${report.domains} domains, ${report.outcomes.length - cases} follow-ups`);
  for (const [category, t] of Object.entries(report.byCategory)) {
    console.log(`  ${category.padEnd(9)} ${String(t.met).padStart(3)}/${String(t.total).padEnd(3)} ${percent(share(t))}`);
  }
  console.log(`  follow-up asks ${report.followUps.met}/${report.followUps.total} ${percent(share(report.followUps))}`);
  console.log(`  OVERALL   ${report.overall.met}/${report.overall.total} ${percent(share(report.overall))}`);
  const overflow = report.outcomes.filter((o) => o.quality.overflowAt375);
  const menu = report.outcomes.filter((o) => !o.quality.mobileMenuWorks);
  const axe = report.outcomes.filter((o) => o.quality.seriousAxe.length > 0);
  console.log(`  quality: ${overflow.length} pages scroll sideways at 375 px, ${menu.length} broken mobile menus, ${axe.length} pages with serious axe issues`);
  for (const o of axe) console.log(`    axe ${o.caseId} ${o.step}: ${o.quality.seriousAxe.join(", ")}`);
  if (!verbose) return;
  for (const o of report.outcomes) {
    const missed = o.results.filter((r) => !r.met);
    if (missed.length === 0) continue;
    console.log(`  ✗ ${o.caseId} (${o.step}) — ${o.understood}`);
    for (const r of missed) console.log(`      ${r.category}: ${r.ask} (${r.why ?? "not met"})`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const files = args.filter((a) => !a.startsWith("--"));
  const browser = await launchSuiteBrowser();
  try {
    for (const file of files.length ? files.map((f) => path.resolve(f)) : DEFAULT_FILES) {
      printReport(await runSuite(file, browser), verbose);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
