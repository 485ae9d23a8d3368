import { saveScreenshot } from "../helpers/browser";
import {
  fetchSnapshot,
  generateFromHome,
  hasHorizontalScroll,
  newContext,
  openPage,
  readStoredToken,
  RUN_TIMEOUT_MS,
  setupE2eApp,
  waitForConnection,
  waitForStatus,
} from "../helpers/e2e-app";

const app = setupE2eApp();

test("Cancel, then Retry: the run resumes and completes", async () => {
  const { context, page } = await openPage(app.browser);
  const sessionId = await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu");
  await page.locator('[data-testid="step-item"][data-status="in_progress"]').first().waitFor({ timeout: RUN_TIMEOUT_MS });
  await page.getByTestId("cancel-button").click();
  await waitForStatus(page, "cancelled");
  expect(await page.getByTestId("generation-error").textContent()).toContain("cancelled");
  expect(await page.getByTestId("cancel-button").count()).toBe(0);
  await saveScreenshot(page, "09-cancelled");

  await page.getByTestId("retry-button").click();
  await waitForStatus(page, "completed");
  expect(await page.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
  const steps = await page.getByTestId("step-item").evaluateAll((els) => els.map((el) => el.getAttribute("data-status")));
  expect(steps.every((s) => s === "completed")).toBe(true);
  const snapshot = await fetchSnapshot(app.server.url, sessionId, await readStoredToken(page, sessionId));
  expect(snapshot.run).toBe(2);
  expect(Number(await page.getByTestId("workspace").getAttribute("data-last-seq"))).toBe(snapshot.last_seq);
  await context.close();
});

test("Share copies a watch link; a viewer watches live but cannot cancel", async () => {
  const owner = await newContext(app.browser);
  await owner.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.url });
  const page = await owner.newPage();
  const sessionId = await generateFromHome(page, app.server.url, "A portfolio for a freelance photographer, dark and minimal");
  await page.getByTestId("share-button").click();
  await page.getByText("Link copied").waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const viewerToken = await readStoredToken(page, sessionId, "viewerToken");
  expect(link).toBe(`${app.server.url}/g/${sessionId}?view=${viewerToken}`);

  const { context: viewerContext, page: viewer } = await openPage(app.browser);
  await viewer.goto(link);
  await waitForConnection(viewer, "live");
  await viewer.getByTestId("viewer-badge").waitFor();
  expect(await viewer.getByTestId("cancel-button").count()).toBe(0);
  await saveScreenshot(viewer, "10-viewer");
  // The owner's page has the button, the viewer's never shows one, even when it fails later.
  expect(await page.getByTestId("cancel-button").count()).toBe(1);
  await waitForStatus(viewer, "completed");
  expect(await viewer.getByTestId("retry-button").count()).toBe(0);
  const frame = viewer.frameLocator('[data-testid="preview-frame"]');
  await frame.locator("h1").first().waitFor({ timeout: RUN_TIMEOUT_MS });
  await viewerContext.close();
  await owner.close();
});

test("without a token, or with a bad one, the page says so instead of spinning", async () => {
  const { context: owner, page } = await openPage(app.browser);
  const sessionId = await generateFromHome(page, app.server.url, "A yoga studio with class times");
  // The zip needs a token and a preview: the first step writes no site yet.
  const download = (token: string) => fetch(`${app.server.url}/api/generations/${sessionId}/download`, { headers: { authorization: `Bearer ${token}` } });
  expect((await download("wrong_token")).status).toBe(401);
  const early = await download(await readStoredToken(page, sessionId));
  expect(early.status).toBe(404);
  expect(((await early.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");

  const { context: stranger, page: other } = await openPage(app.browser);
  await other.goto(`${app.server.url}/g/${sessionId}`);
  await other.getByTestId("no-token").waitFor();
  expect(await other.getByTestId("connection-status").getAttribute("data-status")).toBe("idle");

  await other.goto(`${app.server.url}/g/${sessionId}?view=not_a_real_token`);
  await other.getByTestId("access-refused").waitFor({ timeout: RUN_TIMEOUT_MS });
  expect(await other.getByTestId("connection-status").getAttribute("data-status")).toBe("refused");
  expect(await other.getByTestId("access-refused").textContent()).toContain("UNAUTHORIZED");
  await saveScreenshot(other, "11-refused");

  const missing = await other.goto(`${app.server.url}/g/no_such_session`);
  expect(missing?.status()).toBe(404);
  await waitForStatus(page, "completed");
  expect((await download(await readStoredToken(page, sessionId, "viewerToken"))).status).toBe(200);
  await stranger.close();
  await owner.close();
});

test("a phone-sized viewport (375×740) renders without horizontal scroll", async () => {
  const { context, page } = await openPage(app.browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(app.server.url);
  expect(await hasHorizontalScroll(page)).toBe(false);
  await saveScreenshot(page, "12-phone-home");
  await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu and a contact form, in green");
  await waitForConnection(page, "live");
  expect(await hasHorizontalScroll(page)).toBe(false);
  await waitForStatus(page, "completed");
  await page.frameLocator('[data-testid="preview-frame"]').locator("h1").first().waitFor({ timeout: RUN_TIMEOUT_MS });
  expect(await hasHorizontalScroll(page)).toBe(false);
  await saveScreenshot(page, "13-phone-workspace");
  await context.close();

  const { context: dark, page: darkPage } = await openPage(app.browser, { colorScheme: "dark" });
  await darkPage.goto(app.server.url);
  await saveScreenshot(darkPage, "14-dark-home");
  await dark.close();
});
