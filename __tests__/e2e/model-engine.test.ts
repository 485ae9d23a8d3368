import type { Page } from "playwright-core";
import { saveScreenshot } from "../helpers/browser";
import {
  generateFromHome,
  openPage,
  readStepList,
  RUN_TIMEOUT_MS,
  setupE2eLlmApp,
  showChat,
  showPreview,
  VIEWPORTS,
  waitForStatus,
} from "../helpers/e2e-app";
import type { FakeRequest } from "../helpers/fake-openai-server";

/*
 * Issue 11 with a model engine (the fake OpenAI server on loopback): the planning request is a
 * visible first step, not "queued"; the markup streams into the Code tab while the model is still
 * writing it; a run that writes nothing says why there is no preview (`preview:error`). The fake
 * holds its answers (`hold`, `holdAfter`), so every "still running" below is a state the test
 * controls, not a race against the run's end.
 */
const app = setupE2eLlmApp();

/** A complete `<section …>` opening tag: counted in the fake's text and in the code view alike. */
const countSections = (text: string) => (text.match(/<section\b[^>]*>/g) ?? []).length;
const codeText = (page: Page) => page.getByTestId("code-content").textContent().then((t) => t ?? "");

/** Waits until the fake's markup answer is paused at (at least) `chars` characters; returns what it has sent. */
async function markupPausedAt(chars: number): Promise<string> {
  const paused = (r: FakeRequest) => r.kind === "html" && !r.completed && (r.pausedAt ?? -1) >= chars;
  await app.fake.waitFor((requests) => requests.some(paused), RUN_TIMEOUT_MS);
  return app.fake.requests.filter(paused).at(-1)!.chunks.join("");
}

/** Waits until the Code tab shows as many sections as the model has sent so far. */
async function waitForCodeSections(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => ((document.querySelector('[data-testid="code-content"]')?.textContent ?? "").match(/<section\b[^>]*>/g) ?? []).length === n,
    count,
    { timeout: RUN_TIMEOUT_MS },
  );
}

const step = (page: Page, id: string, status: string) =>
  page.locator(`[data-testid="step-item"][data-step-id="${id}"][data-status="${status}"]`);

describe.each(VIEWPORTS)("%s", (name, device) => {
  test("planning is a visible first step; the markup streams into the Code tab while the model writes it", async () => {
    const releasePlan = app.fake.hold();
    // Two pauses in the markup answer: the code must be seen growing, not only at its end.
    const releaseEarly = app.fake.holdAfter("html", 700);
    const releaseLater = app.fake.holdAfter("html", 1800);
    const { context, page } = await openPage(app.browser, device);
    await generateFromHome(page, app.server.url, `A bakery called Crumb & Co with a menu (${name})`);

    // The model is planning (held): the session says so as its first step, not "queued".
    await step(page, "planning", "in_progress").waitFor({ timeout: RUN_TIMEOUT_MS });
    await waitForStatus(page, "running");
    expect(await page.getByTestId("generation-status").textContent()).not.toMatch(/queued/i);
    expect((await readStepList(page))[0]!.text).toMatch(/plan/i);
    await saveScreenshot(page, `31-planning-${name}`);
    releasePlan();

    // The markup pass is paused mid-answer: the run is running, "structure" in progress.
    const early = await markupPausedAt(700);
    await step(page, "structure", "in_progress").waitFor({ timeout: RUN_TIMEOUT_MS });
    await showPreview(page);
    await page.getByTestId("tab-code").click();
    await waitForCodeSections(page, countSections(early));
    expect(countSections(early)).toBeGreaterThan(0);
    await page.getByTestId("code-streaming").waitFor();
    const firstSeen = await codeText(page);
    expect(firstSeen).toContain('id="feature-1"');
    expect(firstSeen).not.toContain("site-footer");
    await waitForStatus(page, "running");
    await saveScreenshot(page, `32-code-streaming-${name}`);

    // More of the answer arrives: the same Code tab grows, the run still going.
    releaseEarly();
    const later = await markupPausedAt(1800);
    expect(countSections(later)).toBeGreaterThan(countSections(early));
    await waitForCodeSections(page, countSections(later));
    const secondSeen = await codeText(page);
    expect(secondSeen.length).toBeGreaterThan(firstSeen.length);
    expect(secondSeen).not.toContain("site-footer");
    expect(await step(page, "structure", "in_progress").count()).toBe(1);

    // Released: the final markup, every section and the footer, and no more "Writing…".
    releaseLater();
    await waitForStatus(page, "completed");
    await page.getByTestId("code-streaming").waitFor({ state: "detached" });
    await page.getByTestId("code-content").getByText("site-footer", { exact: false }).first().waitFor();
    const finalHtml = app.fake.requests.filter((r) => r.kind === "html" && r.completed).at(-1)!.chunks.join("");
    expect(countSections(await codeText(page))).toBe(countSections(finalHtml));
    await page.getByTestId("tab-preview").click();
    // The fake's page has section headings (h2), no h1.
    await page.frameLocator('[data-testid="preview-frame"]').locator("h2").first().waitFor({ timeout: RUN_TIMEOUT_MS });
    await context.close();
  });

  test("a run that writes nothing says why there is no preview (preview:error)", async () => {
    const { context, page } = await openPage(app.browser, device);
    // The plan succeeds, the markup request fails: no part of the site is ever written.
    await generateFromHome(page, app.server.url, `A tea room called Steep [fake:500@html] (${name})`);
    await waitForStatus(page, "failed");
    await showChat(page);
    await step(page, "planning", "completed").waitFor();
    await step(page, "structure", "failed").waitFor();
    await showPreview(page);
    const reason = page.getByTestId("preview-error");
    await reason.waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await reason.textContent()).toContain("No preview");
    await saveScreenshot(page, `33-preview-error-${name}`);
    await context.close();
  });
});
