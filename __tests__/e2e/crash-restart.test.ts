import type { Browser } from "playwright-core";
import { formatSeconds } from "@/lib/client/time";
import { launchBrowser, saveScreenshot } from "../helpers/browser";
import {
  E2E_ENV,
  fetchSnapshot,
  generateFromHome,
  openPage,
  readStepList,
  readStoredToken,
  RUN_TIMEOUT_MS,
  showPreview,
  VIEWPORTS,
  waitForConnection,
  waitForStatus,
} from "../helpers/e2e-app";
import { llmServerEnv, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai-server";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

/*
 * Issue 11, honest states: the server is killed (-9) while a step runs, then started again on the
 * same port and data. The page must say what happened: the running step interrupted (not "in
 * progress" forever), the measured time, and it must reconnect on its own.
 */
jest.setTimeout(120_000);
let fake: FakeOpenAI;
let server: RunningServer;
let browser: Browser;
const env = () => ({ ...E2E_ENV, ...llmServerEnv(fake, { LLM_STALL_TIMEOUT_MS: "600000" }) });

beforeAll(async () => {
  fake = await startFakeOpenAI();
  server = await startServer({ env: env() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  removeDataDir(server.dataDir);
  await fake?.close();
});

// Both viewports: on a phone, the progress and its steps are in the Chat pane, which shows by default.
describe.each(VIEWPORTS)("%s", (name, device) => {
  test("kill -9 mid-step, restart: the running step shows Interrupted, elapsed is measured, the page reconnects, Retry completes", async () => {
    const releasePlan = fake.hold();
    // One server for both viewports: only this test's requests count.
    const seen = fake.requests.length;
    const { context, page } = await openPage(browser, device);
    const sessionId = await generateFromHome(page, server.url, `A bakery called Crumb & Co with a menu (${name})`);
    await fake.waitFor((r) => r.slice(seen).some((x) => x.kind === "plan"));
    // Let the plan through but hold the markup pass: the run is then inside its "structure" step.
    const releaseMarkup = fake.hold();
    releasePlan();
    await page.locator('[data-testid="step-item"][data-step-id="structure"][data-status="in_progress"]').waitFor({ timeout: RUN_TIMEOUT_MS, state: "attached" });
    await fake.waitFor((r) => r.slice(seen).some((x) => x.kind === "html"));

    const { port, dataDir } = server;
    await server.stop("SIGKILL");
    server = await startServer({ dataDir, env: { ...env(), PORT: String(port) } });
    releaseMarkup();

    await waitForStatus(page, "interrupted");
    await waitForConnection(page, "live");
    const steps = await readStepList(page);
    expect(steps.map((s) => [s.id, s.status])).toEqual([
      ["planning", "completed"],
      ["structure", "interrupted"],
      ["styling", "pending"],
      ["interactivity", "pending"],
    ]);
    expect(steps[1]!.text).toContain("Interrupted");
    expect(await page.locator('[data-testid="step-list"] .animate-pulse').count()).toBe(0);
    const snapshot = await fetchSnapshot(server.url, sessionId, await readStoredToken(page, sessionId));
    expect(snapshot.total_time).toBeGreaterThan(0);
    expect(await page.getByTestId("elapsed").textContent()).toBe(`Elapsed ${formatSeconds(snapshot.total_time!)}`);
    // The measured total covers the planning step the page shows as done (a model engine plans
    // before the run announces itself; the run starts with that step). Timestamps are whole ms.
    const planning = snapshot.steps.find((s) => s.step_id === "planning")!;
    expect(planning.duration).not.toBeNull();
    expect(snapshot.total_time!).toBeGreaterThanOrEqual(planning.duration! - 0.002);
    const notice = await page.getByTestId("generation-error").textContent();
    expect(notice).toContain("Interrupted");
    expect(notice).not.toContain("restarting");
    // A load that failed while the server was down is not left on screen once it is back.
    await page.locator('[data-testid="versions-panel"][data-state="ready"]').waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await page.getByTestId("versions-error").count()).toBe(0);
    await saveScreenshot(page, `26-interrupted-after-kill-${name}`);

    await page.getByTestId("retry-button").click();
    await waitForStatus(page, "completed");
    await showPreview(page);
    await page.frameLocator('[data-testid="preview-frame"]').locator("h2").first().waitFor({ timeout: RUN_TIMEOUT_MS });
    await context.close();
  });
});
