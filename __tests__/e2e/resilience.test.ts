import { saveScreenshot } from "../helpers/browser";
import {
  expectPageMatchesSnapshot,
  fetchSnapshot,
  generateFromHome,
  openPage,
  readStepList,
  readStoredToken,
  RUN_TIMEOUT_MS,
  setupE2eApp,
  waitForConnection,
  waitForStatus,
} from "../helpers/e2e-app";

const app = setupE2eApp();

test("reload mid-generation: it continues from where it was, no step repeated or lost", async () => {
  const { context, page } = await openPage(app.browser);
  const sessionId = await generateFromHome(page, app.server.url, "A landing page for a yoga studio in Lisbon");
  // Wait until at least one step is done, then reload while another is running.
  await page.locator('[data-testid="step-item"][data-status="completed"]').first().waitFor({ timeout: RUN_TIMEOUT_MS });
  const before = await readStepList(page);
  const seqBefore = Number(await page.getByTestId("workspace").getAttribute("data-last-seq"));
  await page.reload();

  // The server render already shows the progress so far (no flash back to 0).
  const afterReload = await readStepList(page);
  expect(afterReload.length).toBe(before.length);
  expect(Number(await page.getByTestId("workspace").getAttribute("data-last-seq"))).toBeGreaterThanOrEqual(seqBefore);
  expect(afterReload.filter((s) => s.status === "completed").length).toBeGreaterThanOrEqual(before.filter((s) => s.status === "completed").length);
  await waitForConnection(page, "live");
  // The server-rendered frame may boot before hydration; the hello handshake still connects it.
  await page.locator('[data-testid="live-preview"][data-frame-loads="1"]:not([data-rendered-version="0"])').waitFor({ timeout: RUN_TIMEOUT_MS });
  await saveScreenshot(page, "06-after-reload");

  await waitForStatus(page, "completed");
  const token = await readStoredToken(page, sessionId);
  const snapshot = await fetchSnapshot(app.server.url, sessionId, token);
  expect(snapshot.status).toBe("completed");
  await expectPageMatchesSnapshot(page, snapshot);
  expect(snapshot.steps.every((s) => s.status === "completed")).toBe(true);
  await context.close();
});

test("offline mid-generation: Reconnecting, then Live, and the final state equals the server's", async () => {
  const { context, page } = await openPage(app.browser);
  const sessionId = await generateFromHome(page, app.server.url, "A small SaaS called Ledgerly that does invoicing, in blue");
  await waitForConnection(page, "live");
  await page.locator('[data-testid="step-item"][data-status="in_progress"]').first().waitFor({ timeout: RUN_TIMEOUT_MS });

  await context.setOffline(true);
  // Either the transport fails or two heartbeats go missing; both end in Reconnecting.
  await waitForConnection(page, "reconnecting");
  const badge = await page.getByTestId("connection-status").textContent();
  expect(badge).toMatch(/Reconnecting · attempt \d+/);
  await saveScreenshot(page, "07-reconnecting");
  const seqWhileOffline = Number(await page.getByTestId("workspace").getAttribute("data-last-seq"));

  await context.setOffline(false);
  await waitForConnection(page, "live");
  await waitForStatus(page, "completed");
  const token = await readStoredToken(page, sessionId);
  const snapshot = await fetchSnapshot(app.server.url, sessionId, token);
  // Events published while offline were replayed after the reconnect, once each.
  expect(snapshot.last_seq).toBeGreaterThan(seqWhileOffline);
  await expectPageMatchesSnapshot(page, snapshot);
  await saveScreenshot(page, "08-back-live-completed");
  await context.close();
});

test("a second tab of the same browser works with the stored token", async () => {
  const { context, page } = await openPage(app.browser);
  const sessionId = await generateFromHome(page, app.server.url, "A café menu for Bean There");
  const second = await context.newPage();
  await second.goto(`${app.server.url}/g/${sessionId}`);
  await waitForConnection(second, "live");
  expect(await second.getByTestId("cancel-button").count()).toBe(1);
  await waitForStatus(second, "completed");
  await waitForStatus(page, "completed");
  const snapshot = await fetchSnapshot(app.server.url, sessionId, await readStoredToken(page, sessionId));
  await expectPageMatchesSnapshot(second, snapshot);
  await context.close();
});
