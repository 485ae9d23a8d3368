import type { BrowserContext, Page } from "playwright-core";
import { saveScreenshot } from "../helpers/browser";
import {
  generateFromHome, isPhoneLayout, openPage, press, RUN_TIMEOUT_MS, setupE2eLlmApp, showChat, showPreview, site, VIEWPORTS, waitForNewTurn, waitForStatus, waitForTurnCount,
} from "../helpers/e2e-app";
import { FLOOD_BURST } from "../helpers/flood-site";

/*
 * Issue 21 finding 6: a generated site that floods `window.parent` with junk must not freeze the
 * owner's tab. The fake model writes a site whose script posts FLOOD_BURST junk messages in a loop,
 * then more every few milliseconds for as long as it runs (helpers/flood-site.ts). Counted in
 * work, never in time: while the app refuses tens of thousands of them, the live preview neither
 * renders nor changes, React commits keep to the app's own clock, and a follow-up typed and sent in the
 * middle of the flood is delivered, runs and shows, and so does a restore (the frame reloads for
 * it: the flood had spent the budget its new runtime's "ready" needed).
 */
const app = setupE2eLlmApp();

/** Junk refused within one measured window: two thirds of the first loop's size. */
const WINDOW = 20_000;

/**
 * Installs work counters in the app's page (never in the frame). React commits: the production
 * build reports each one to a DevTools hook present before it loads. Renders of the live preview
 * (the component that hears the frame): each render hands its <section> a new props object, which
 * React stores on the element at commit. DOM mutations inside the live preview, leaving out
 * `data-refused`: the frame element's refusal figure, written outside React once per burst, is
 * how a test sees the flood at all. Ticks of a half-second timer: the app's own clock re-renders
 * its elapsed times twice a second whatever the frame does, so commits are compared with ticks.
 */
async function installWorkCounters(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if (window.top !== window) return;
    const work = { commits: 0, previewRenders: 0, previewMutations: 0, ticks: 0 };
    let lastProps: unknown = null;
    const countPreviewRender = () => {
      const section = document.querySelector('[data-testid="live-preview"]');
      const key = section && Object.keys(section).find((k) => k.startsWith("__reactProps$"));
      const props: unknown = key ? (section as unknown as Record<string, unknown>)[key] : null;
      if (props !== lastProps && lastProps !== null) work.previewRenders += 1;
      lastProps = props;
    };
    Object.assign(window, {
      __work: work,
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        supportsFiber: true,
        isDisabled: false,
        renderers: new Map(),
        inject: () => 1,
        onCommitFiberRoot: () => {
          work.commits += 1;
          countPreviewRender();
        },
        onCommitFiberUnmount: () => undefined,
        onPostCommitFiberRoot: () => undefined,
        setStrictMode: () => undefined,
        checkDCE: () => undefined,
      },
    });
    setInterval(() => void (work.ticks += 1), 500);
    const inPreview = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('[data-testid="live-preview"]');
    const observe = () =>
      new MutationObserver((records) => {
        for (const r of records) if (!(r.type === "attributes" && r.attributeName === "data-refused") && inPreview(r.target)) work.previewMutations += 1;
      }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    if (document.documentElement) observe();
    else document.addEventListener("DOMContentLoaded", observe);
  });
}

interface Work { commits: number; previewRenders: number; previewMutations: number; ticks: number; refused: number }

const readWork = (page: Page): Promise<Work> =>
  page.evaluate(() => {
    const work = (window as unknown as { __work: Omit<Work, "refused"> }).__work;
    const refused = Number(document.querySelector<HTMLElement>('[data-testid="preview-frame"]')?.dataset.refused ?? 0);
    return { ...work, refused };
  });

/** Waits until the app has refused at least `count` frame messages in all. */
const waitForRefused = (page: Page, count: number) =>
  page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>('[data-testid="preview-frame"]')?.dataset.refused ?? 0) >= n,
    count,
    { timeout: RUN_TIMEOUT_MS, polling: 100 },
  );

/** The work the app did while it refused the next WINDOW messages of the flood. */
async function measureWindow(page: Page): Promise<Work> {
  const before = await readWork(page);
  await waitForRefused(page, before.refused + WINDOW);
  const after = await readWork(page);
  const keys = Object.keys(after) as (keyof Work)[];
  return Object.fromEntries(keys.map((k) => [k, after[k] - before[k]])) as unknown as Work;
}

/** Waits until the page has reloaded what a finished turn changes: the thread's and the versions panel's lists. */
async function waitForSettled(page: Page, versions: number): Promise<void> {
  await page.locator(`[data-testid="versions-panel"][data-state="ready"][data-count="${versions}"]`).waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
  await page.getByTestId("turn-version").filter({ hasText: `v${versions}` }).waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
}

/** Refusing costs nothing: the live preview neither renders nor changes, and commits keep to the clock's. */
function expectNoWork(work: Work): void {
  expect(work.refused).toBeGreaterThanOrEqual(WINDOW);
  expect(work.previewRenders).toBe(0);
  expect(work.previewMutations).toBe(0);
  expect(work.commits).toBeLessThanOrEqual(2 * work.ticks + 4);
}

describe.each(VIEWPORTS)("%s", (name, device) => {
  test("a site flooding the app with junk costs it no render; a follow-up and a restore sent in the flood run and show", async () => {
    const { context, page } = await openPage(app.browser, device);
    await installWorkCounters(context);
    const firstId = await generateFromHome(page, app.server.url, "A bakery called Crumb & Co [fake:flood]");
    await waitForStatus(page, "completed");
    await waitForSettled(page, 1);
    await showPreview(page);
    // The site's script runs once the run completed: its first loop went out and was refused.
    await waitForRefused(page, FLOOD_BURST);
    const quiet = await measureWindow(page);
    expectNoWork(quiet);
    // The flood goes on: the site keeps sending (counted in its own page).
    const flooded = Number(await site(page).locator("body").getAttribute("data-flooded"));
    expect(flooded).toBeGreaterThan(FLOOD_BURST);

    // A control responds in the flood: the Code tab opens and closes again.
    await press(page, "tab-code");
    await page.locator('[data-testid="tab-code"][aria-selected="true"]').waitFor({ timeout: RUN_TIMEOUT_MS });
    await press(page, "tab-preview");
    await page.locator('[data-testid="tab-preview"][aria-selected="true"]').waitFor({ timeout: RUN_TIMEOUT_MS });

    // A follow-up typed and sent in the flood is delivered, runs, and its version shows.
    await showChat(page);
    await page.getByTestId("follow-up-input").fill("Add opening hours");
    await press(page, "follow-up-submit");
    await waitForNewTurn(page, firstId);
    await waitForTurnCount(page, 2);
    await waitForStatus(page, "completed");
    await showPreview(page);
    await site(page).locator("section.edited h2", { hasText: "Add opening hours" }).waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
    await waitForSettled(page, 2);
    // The new version keeps the site's script, so the flood starts again on it: still no render.
    const again = await readWork(page);
    await waitForRefused(page, again.refused + FLOOD_BURST);
    const second = await measureWindow(page);
    expectNoWork(second);
    await saveScreenshot(page, `21-frame-flood-${name}`);

    // A restore in the flood: one version of another turn, posted once; the frame reloads for it
    // and the site is sent again only once its new runtime's "ready" is heard.
    await showChat(page);
    const restore = page.locator('[data-testid="version-item"][data-version="1"]').getByTestId("version-restore");
    if (isPhoneLayout(page)) await restore.tap();
    else await restore.click();
    await waitForTurnCount(page, 3);
    await waitForStatus(page, "completed");
    await showPreview(page);
    await site(page).locator("h1").first().waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
    expect(await site(page).locator("section.edited").count()).toBe(0);
    await context.close();
  });
});
