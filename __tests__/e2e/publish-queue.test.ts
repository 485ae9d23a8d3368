import type { Page } from "playwright-core";
import { projectTurnsResponseSchema } from "@/lib/protocol";
import { saveScreenshot } from "../helpers/browser";
import {
  blankPreviewSeen,
  collectProblems,
  frameHeading,
  generateFromHome,
  hasHorizontalScroll,
  openPage,
  readStoredToken,
  RUN_TIMEOUT_MS,
  setupE2eLlmApp,
  showChat,
  showPreview,
  VIEWPORTS,
  waitForNewTurn,
  waitForStatus,
  watchForBlankPreview,
} from "../helpers/e2e-app";

/*
 * Issue 19 in a real browser, at 1440 and 375 px: publish to one stable address, one current
 * version after a restore and a reload, prompts that queue during a run (held by the fake model,
 * so "running" is a fact) and survive a reload, and a frame that never blanks at a follow-up.
 */
const app = setupE2eLlmApp();

const turnsOf = async (projectId: string, token: string) =>
  projectTurnsResponseSchema.parse(await (await fetch(`${app.server.url}/api/projects/${projectId}/turns`, { headers: { authorization: `Bearer ${token}` } })).json()).turns;
const projectIdOf = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;

/**
 * Samples the frame's own document every 15 ms from the test (the frame is cross-origin to the
 * page): a sample whose body has no text, or whose frame cannot be read, is an empty one.
 */
function sampleFrame(page: Page) {
  let stop = false;
  const counts = { samples: 0, empty: 0 };
  const done = (async () => {
    while (!stop) {
      const length = await page
        .frameLocator('[data-testid="preview-frame"]')
        .locator("body")
        // textContent, not innerText: on a phone the frame sits in the hidden Preview pane.
        .evaluate((body) => (body.textContent ?? "").trim().length, undefined, { timeout: 5_000 })
        .catch(() => 0);
      counts.samples += 1;
      if (length === 0) counts.empty += 1;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  })();
  return { counts, stop: async () => ((stop = true), await done, counts) };
}

describe.each(VIEWPORTS)("%s", (name, device) => {
  test("publish: a logged-out browser opens the address; an edit waits for Update; Unpublish and delete give 404", async () => {
    const { context, page } = await openPage(app.browser, device);
    const problems = collectProblems(page);
    await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu, in green");
    await waitForStatus(page, "completed");
    const projectId = projectIdOf(page);
    await showPreview(page);
    await page.getByTestId("publish-open").click();
    const slug = `crumb-${name}`;
    await page.getByTestId("publish-slug").fill(slug);
    await saveScreenshot(page, `e19-publish-form-${name}`);
    await page.getByTestId("publish-confirm").click();
    await page.getByTestId("published-link").waitFor();
    expect(await page.getByTestId("published-link").textContent()).toBe(`/s/${slug}`);
    await saveScreenshot(page, `e19-published-${name}`);

    // Another browser, no tokens at all, opens the address.
    const { context: visitorContext, page: visitor } = await openPage(app.browser, device);
    const first = await visitor.goto(`${app.server.url}/s/${slug}`);
    expect(first?.status()).toBe(200);
    await visitor.locator("h1").first().getByText("Crumb & Co").waitFor();
    expect(await visitor.title()).toContain("Crumb & Co");
    expect(await visitor.locator('meta[property="og:title"]').getAttribute("content")).toContain("Crumb & Co");
    const publishedHtml = await visitor.content();
    await saveScreenshot(visitor, `e19-published-site-${name}`);

    // An edit makes v2; the address keeps v1 until Update.
    await showChat(page);
    const firstTurn = new URL(page.url()).searchParams.get("turn")!;
    await page.getByTestId("follow-up-input").fill("add a pricing section");
    await page.getByTestId("follow-up-submit").click();
    await waitForNewTurn(page, firstTurn);
    await waitForStatus(page, "completed");
    await visitor.reload();
    expect(await visitor.content()).toBe(publishedHtml);
    expect(await visitor.locator("section.edited").count()).toBe(0);
    await showPreview(page);
    await page.getByTestId("publish-update").click();
    await page.locator('[data-testid="published-version"]').getByText("v2 live").waitFor();
    await visitor.reload();
    await visitor.locator("section.edited").first().waitFor();

    await page.getByTestId("publish-unpublish").click();
    await page.getByTestId("publish-open").waitFor();
    expect((await visitor.reload())?.status()).toBe(404);

    // Published again, then the project is deleted from Home: the address is gone.
    await page.getByTestId("publish-open").click();
    await page.getByTestId("publish-confirm").click();
    await page.getByTestId("published-link").waitFor();
    expect((await visitor.reload())?.status()).toBe(200);
    await page.goto(app.server.url);
    const card = page.locator(`[data-testid="recent-project"][data-project-id="${projectId}"]`);
    await card.getByTestId("remove-project").click();
    await card.getByTestId("remove-confirm").click();
    await card.waitFor({ state: "detached" });
    expect((await visitor.reload())?.status()).toBe(404);
    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    await visitorContext.close();
    await context.close();
  });

  test("a prompt queued during a run is shown, survives a reload and runs; the first follow-up never blanks the frame", async () => {
    const { context, page } = await openPage(app.browser, device);
    await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu, in green");
    await waitForStatus(page, "completed");
    const projectId = projectIdOf(page);
    const firstTurn = new URL(page.url()).searchParams.get("turn")!;
    const projectToken = await readStoredToken(page, firstTurn, "projectToken");
    await showPreview(page);
    await frameHeading(page).waitFor({ timeout: RUN_TIMEOUT_MS });
    await watchForBlankPreview(page);
    const sampler = sampleFrame(page);

    // The first follow-up, held by the model: it runs while the next prompt is typed.
    const release = app.fake.hold();
    let secondTurn = "";
    try {
      await showChat(page);
      await page.getByTestId("follow-up-input").fill("add a pricing section");
      await page.getByTestId("follow-up-submit").click();
      secondTurn = await waitForNewTurn(page, firstTurn);
      await waitForStatus(page, "running");
      // The box stays, now queueing.
      await page.locator('[data-testid="follow-up"][data-queues="true"]').waitFor();
      await page.getByTestId("follow-up-input").fill("make the header dark");
      await page.getByTestId("follow-up-submit").click();
      await page.locator('[data-testid="prompt-queue"][data-count="1"]').waitFor();
      expect(await page.getByTestId("queued-prompt-text").textContent()).toBe("make the header dark");
      await saveScreenshot(page, `e19-queue-${name}`);
      const counts = await sampler.stop();
      expect(counts.samples).toBeGreaterThan(5);
      expect(counts.empty).toBe(0);
      expect(await blankPreviewSeen(page)).toBe(false);

      // A reload keeps the queue (it is on the server).
      await page.reload();
      await page.locator('[data-testid="prompt-queue"][data-count="1"]').waitFor({ timeout: RUN_TIMEOUT_MS });
    } finally {
      // Whatever failed, the model answers again: the next tests must not inherit a held run.
      release();
    }
    // The held turn ends, the server starts the queued prompt, and the page follows it.
    const thirdTurn = await waitForNewTurn(page, secondTurn);
    await waitForStatus(page, "completed");
    await page.getByTestId("prompt-queue").waitFor({ state: "detached" });
    const turns = await turnsOf(projectId, projectToken);
    expect(turns.map((t) => [t.prompt, t.status])).toEqual([
      ["A bakery called Crumb & Co with a menu, in green", "completed"],
      ["add a pricing section", "completed"],
      ["make the header dark", "completed"],
    ]);
    expect(turns[2]!.sessionId).toBe(thirdTurn);
    await context.close();
  });

  test("restore, reload: the preview, a new tab, a share viewer and the next prompt agree", async () => {
    const { context, page } = await openPage(app.browser, device);
    await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu, in green");
    await waitForStatus(page, "completed");
    const projectId = projectIdOf(page);
    const firstTurn = new URL(page.url()).searchParams.get("turn")!;
    const projectToken = await readStoredToken(page, firstTurn, "projectToken");
    await page.getByTestId("follow-up-input").fill("Rename to Golden Crust");
    await page.getByTestId("follow-up-submit").click();
    const secondTurn = await waitForNewTurn(page, firstTurn);
    await waitForStatus(page, "completed");
    await page.locator('[data-testid="versions-panel"][data-count="2"]').waitFor({ timeout: RUN_TIMEOUT_MS });
    const v1Heading = (await turnsOf(projectId, projectToken))[0]!.siteName!;

    await page.locator('[data-testid="version-item"][data-version="1"]').getByTestId("version-restore").click();
    const restoreTurn = await waitForNewTurn(page, secondTurn);
    await waitForStatus(page, "completed");
    await page.reload();
    await waitForStatus(page, "completed");
    expect(new URL(page.url()).searchParams.get("turn")).toBe(restoreTurn);
    await showPreview(page);
    await frameHeading(page).getByText(v1Heading).waitFor({ timeout: RUN_TIMEOUT_MS });
    // v2's edit (the fake model adds a section per edit) is not in the restored v1.
    expect(await page.frameLocator('[data-testid="preview-frame"]').locator("section.edited").count()).toBe(0);
    await page.getByTestId("current-version-note").getByText("v3").waitFor();
    await saveScreenshot(page, `e19-restored-${name}`);

    const [tab] = await Promise.all([context.waitForEvent("page"), page.getByTestId("open-preview").click()]);
    await tab.waitForLoadState();
    expect(await tab.locator("h1").first().textContent()).toContain(v1Heading);
    expect(await tab.locator("section.edited").count()).toBe(0);
    await tab.close();

    const viewerToken = await readStoredToken(page, firstTurn, "projectViewerToken" as "token");
    const { context: viewerContext, page: viewer } = await openPage(app.browser, device);
    await viewer.goto(`${app.server.url}/p/${projectId}?view=${viewerToken}`);
    await waitForStatus(viewer, "completed");
    expect(await viewer.getByTestId("workspace").getAttribute("data-session-id")).toBe(restoreTurn);
    await showPreview(viewer);
    await frameHeading(viewer).getByText(v1Heading).waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await viewer.frameLocator('[data-testid="preview-frame"]').locator("section.edited").count()).toBe(0);
    await viewerContext.close();

    await showChat(page);
    await page.getByTestId("follow-up-input").fill("add a pricing section");
    await page.getByTestId("follow-up-submit").click();
    await waitForNewTurn(page, restoreTurn);
    await waitForStatus(page, "completed");
    expect((await turnsOf(projectId, projectToken)).at(-1)).toMatchObject({ baseVersion: 3, version: 4 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await context.close();
  });

  test("after 12 turns the prompt box is on screen without scrolling; Home lists 12 projects by name", async () => {
    const { context, page } = await openPage(app.browser, device);
    await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu, in green");
    await waitForStatus(page, "completed");
    let turn = new URL(page.url()).searchParams.get("turn")!;
    for (let i = 1; i < 12; i++) {
      await page.getByTestId("follow-up-input").fill(i % 2 ? "Make the header dark" : "Add a pricing section");
      await page.getByTestId("follow-up-submit").click();
      turn = await waitForNewTurn(page, turn);
      await waitForStatus(page, "completed");
    }
    await page.reload();
    await page.locator('[data-testid="thread"][data-count="12"]').waitFor({ timeout: RUN_TIMEOUT_MS });
    await page.getByTestId("follow-up").waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = (await page.getByTestId("follow-up").boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await saveScreenshot(page, `e19-twelve-turns-${name}`);

    // Eleven more projects in this browser: Home lists all twelve by name.
    // Each one finished before Home is read: a project still being written is listed by its prompt.
    for (let i = 2; i <= 12; i++) {
      await generateFromHome(page, app.server.url, `A portfolio for a photographer named Ana ${i}`);
      await waitForStatus(page, "completed");
    }
    await page.goto(app.server.url);
    await page.locator('[data-testid="recent-project"]').nth(11).waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await page.getByTestId("recent-project").count()).toBe(12);
    await page.locator('[data-testid="recent-project-status"]').nth(11).waitFor({ timeout: RUN_TIMEOUT_MS });
    const names = await page.getByTestId("recent-project-name").allTextContents();
    expect(names.every((n) => n.trim().length > 0)).toBe(true);
    expect(names).toContain("Crumb & Co");
    // Named by the server (the site's name), not by the raw prompt.
    expect(names.some((n) => n.startsWith("A portfolio"))).toBe(false);
    await saveScreenshot(page, `e19-home-${name}`);
    await context.close();
  });
});
