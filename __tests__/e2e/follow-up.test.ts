import type { Page } from "playwright-core";
import { saveScreenshot, SCREENSHOT_DIR } from "../helpers/browser";
import {
  collectProblems,
  generateFromHome,
  hasHorizontalScroll,
  openPage,
  readStoredToken,
  RUN_TIMEOUT_MS,
  setupE2eApp,
  waitForNewTurn,
  waitForStatus,
} from "../helpers/e2e-app";

/*
 * Follow-up edits and versions in a real browser: a finished site is edited from the workspace,
 * the edit opens as the next turn on the project page (a new session of the same project), and the
 * versions panel lists, opens and restores the project's versions.
 */

// Short steps: this file is about what happens after a run, not during it.
const app = setupE2eApp({ TEMPLATE_STEP_MS: "100" });

const versionCount = (page: Page, count: number) =>
  page.locator(`[data-testid="versions-panel"][data-state="ready"][data-count="${count}"]`).waitFor({ timeout: RUN_TIMEOUT_MS });
const versionRow = (page: Page, version: number) => page.locator(`[data-testid="version-item"][data-version="${version}"]`);

test("edit a finished site with a follow-up, land on its project page, then restore v1 as v3", async () => {
  const { context, page } = await openPage(app.browser);
  // Fails the test on anything the page reports: uncaught errors, console errors, failed requests.
  const problems = collectProblems(page);
  const firstId = await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu and a contact form, in green");
  await waitForStatus(page, "completed");
  await versionCount(page, 1);
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await frame.locator("h1").first().waitFor({ timeout: RUN_TIMEOUT_MS });
  expect(await frame.locator("section#pricing").count()).toBe(0);

  await page.getByTestId("follow-up-input").fill("add a pricing section");
  await saveScreenshot(page, "20-follow-up-box");
  await page.getByTestId("follow-up-submit").click();
  // The first prompt opened the project page: the edit is its next turn there, without navigating.
  const secondId = await waitForNewTurn(page, firstId);
  expect(secondId).not.toBe(firstId);

  // The new workspace is the new session's (not the old one's state carried over), owned by us.
  await waitForStatus(page, "completed");
  expect(await page.getByTestId("workspace-prompt").textContent()).toBe("add a pricing section");
  expect(await readStoredToken(page, secondId)).toBeTruthy();
  const pricing = frame.locator("section#pricing h2");
  await pricing.waitFor({ timeout: RUN_TIMEOUT_MS });
  expect((await pricing.textContent())?.trim()).toBeTruthy();
  // An edit, not a new site: the name from the first prompt is still there.
  expect(await frame.locator("h1").first().textContent()).toContain("Crumb & Co");

  await versionCount(page, 2);
  expect(await versionRow(page, 2).getByTestId("version-prompt").textContent()).toBe("add a pricing section");
  expect(await versionRow(page, 1).getByTestId("version-prompt").textContent()).toContain("Crumb & Co");
  await page.getByTestId("follow-up").waitFor();
  await saveScreenshot(page, "21-follow-up-done-desktop");

  // "Open" shows exactly that version in a new tab: v1 has no pricing section.
  const [opened] = await Promise.all([context.waitForEvent("page"), versionRow(page, 1).getByTestId("version-open").click()]);
  // It opens through a short-lived ticket: the project token is in no URL the page can read.
  await opened.waitForURL(/\/versions\/1\/preview\?ticket=/);
  await opened.waitForLoadState();
  expect(opened.url()).not.toContain(await readStoredToken(page, secondId, "projectToken"));
  expect(await opened.locator("h1").first().textContent()).toContain("Crumb & Co");
  expect(await opened.locator("section#pricing").count()).toBe(0);
  await opened.close();

  await versionRow(page, 1).getByTestId("version-restore").click();
  await versionCount(page, 3);
  expect(await versionRow(page, 3).getByTestId("version-restored-from").textContent()).toBe("restored from v1");
  expect(await page.getByTestId("versions-notice").textContent()).toContain("Restored v1 as v3");
  // The newest version has nothing to restore; the two older ones do.
  expect(await versionRow(page, 3).getByTestId("version-restore").count()).toBe(0);
  expect(await page.getByTestId("version-restore").count()).toBe(2);
  await saveScreenshot(page, "22-versions-restored-desktop");

  // A fresh load at phone width (resizing a live page leaves the sandboxed frame unpainted in screenshots).
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await page.locator('[data-testid="live-preview"][data-script-ran="true"]').waitFor({ timeout: RUN_TIMEOUT_MS, state: "attached" });
  await versionCount(page, 3);
  expect(await hasHorizontalScroll(page)).toBe(false);
  await saveScreenshot(page, "23-follow-up-versions-mobile");
  await page.emulateMedia({ colorScheme: "dark" });
  await saveScreenshot(page, "23b-follow-up-versions-mobile-dark");
  await page.getByTestId("versions-panel").screenshot({ path: `${SCREENSHOT_DIR}/23c-versions-panel-mobile-dark.png` });
  expect(problems).toEqual([]);
  await context.close();
});

test("a watch link shows neither the follow-up box nor the versions", async () => {
  const { context: owner, page } = await openPage(app.browser);
  const sessionId = await generateFromHome(page, app.server.url, "A landing page for a yoga studio in Lisbon");
  await waitForStatus(page, "completed");
  await page.getByTestId("follow-up").waitFor();
  await versionCount(page, 1);
  const viewerToken = await readStoredToken(page, sessionId, "viewerToken");

  const { context: viewerContext, page: viewer } = await openPage(app.browser);
  await viewer.goto(`${app.server.url}/g/${sessionId}?view=${viewerToken}`);
  await waitForStatus(viewer, "completed");
  await viewer.getByTestId("viewer-badge").waitFor();
  expect(await viewer.getByTestId("follow-up").count()).toBe(0);
  expect(await viewer.getByTestId("versions-panel").count()).toBe(0);
  await viewerContext.close();
  await owner.close();
});
