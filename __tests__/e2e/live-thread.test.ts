import type { Page } from "playwright-core";
import { shareProjectResponseSchema } from "@/lib/protocol";
import { saveScreenshot } from "../helpers/browser";
import {
  blankPreviewSeen,
  fetchSnapshot,
  frameHeading,
  generateFromHome,
  openPage,
  readStoredToken,
  RUN_TIMEOUT_MS,
  setupE2eApp,
  showChat,
  showPreview,
  VIEWPORTS,
  waitForStatus,
  watchForBlankPreview,
} from "../helpers/e2e-app";

/*
 * Issue 11: the thread is live wherever the project is open. The owner adds a turn in one tab;
 * a read-only share of the project (another browser) and the owner's second tab show the new turn
 * without a reload, open it, and watch it land on top of the previous site (never a blank frame).
 */
const app = setupE2eApp();

/** Marks the page: the mark is gone after any reload or navigation that loads a new document. */
const markPage = (page: Page) => page.evaluate(() => void ((window as unknown as { notReloaded: boolean }).notReloaded = true));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

describe.each(VIEWPORTS)("%s", (label, viewport) => {
  test("a turn added by the owner appears live in a project share and in the owner's second tab, on top of the previous site", async () => {
    const { context: owner, page } = await openPage(app.browser, viewport);
    const sessionId = await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu, in green");
    await waitForStatus(page, "completed");
    const first = await fetchSnapshot(app.server.url, sessionId, await readStoredToken(page, sessionId));
    const projectToken = await readStoredToken(page, sessionId, "projectToken");
    const shared = await fetch(`${app.server.url}/api/projects/${first.project_id}/share`, { method: "POST", headers: { authorization: `Bearer ${projectToken}` } });
    expect(shared.status).toBe(201);
    const { viewerToken } = shareProjectResponseSchema.parse(await shared.json());
    const projectUrl = `${app.server.url}/p/${first.project_id}`;

    await page.goto(projectUrl);
    await page.locator('[data-testid="thread"][data-count="1"]').waitFor();
    const second = await owner.newPage();
    await second.goto(projectUrl);
    await second.locator('[data-testid="thread"][data-count="1"]').waitFor();
    const { context: viewerContext, page: viewer } = await openPage(app.browser, viewport);
    await viewer.goto(`${projectUrl}?view=${viewerToken}`);
    await viewer.locator('[data-testid="thread"][data-count="1"]').waitFor();
    await viewer.getByTestId("viewer-badge").waitFor();
    // A project share offers no one-generation watch link (it would carry the project's token).
    expect(await viewer.getByTestId("share-button").count()).toBe(0);
    for (const watcher of [viewer, second]) {
      await watcher.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: RUN_TIMEOUT_MS });
      // The first turn's site is on screen (in the hidden pane on a phone) before watching for blanks.
      await watcher.locator('[data-testid="live-preview"][data-showing="own"]').waitFor({ timeout: RUN_TIMEOUT_MS, state: "attached" });
      await watchForBlankPreview(watcher);
      await markPage(watcher);
    }

    await showChat(page);
    await page.getByTestId("follow-up-input").fill("Rename to Golden Crust");
    await page.getByTestId("follow-up-submit").click();

    for (const watcher of [viewer, second]) {
      // The new turn is listed and opened without a reload, and is the current one.
      await watcher.locator('[data-testid="thread"][data-count="2"]').waitFor({ timeout: RUN_TIMEOUT_MS });
      expect(await watcher.getByTestId("turn").nth(1).getAttribute("aria-current")).toBe("true");
    }
    await saveScreenshot(viewer, `34-live-thread-viewer-${label}`);
    for (const watcher of [viewer, second]) {
      await waitForStatus(watcher, "completed");
      await showPreview(watcher);
      await frameHeading(watcher).getByText("Golden Crust").waitFor({ timeout: RUN_TIMEOUT_MS });
      const who = watcher === viewer ? "viewer" : "second tab";
      expect({ who, blankSeen: await blankPreviewSeen(watcher), reloaded: !(await stillMarked(watcher)) }).toEqual({ who, blankSeen: false, reloaded: false });
    }
    await showChat(viewer);
    await viewer.locator('[data-testid="turn"][data-status="completed"]').nth(1).waitFor({ timeout: RUN_TIMEOUT_MS });
    await saveScreenshot(viewer, `35-live-thread-viewer-done-${label}`);
    // Still read-only after following the new turn.
    expect(await viewer.getByTestId("follow-up-input").count()).toBe(0);
    await viewerContext.close();
    await owner.close();
  });
});
