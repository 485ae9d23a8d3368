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

// "Offline mid-run" and "a second tab" moved to held-run.test.ts: they need the run to be still
// going when they act, which only a held model guarantees.
