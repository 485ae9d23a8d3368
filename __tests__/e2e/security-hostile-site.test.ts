import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { launchBrowser } from "../helpers/browser";
import { openPage, RUN_TIMEOUT_MS, readStoredToken, generateFromHome, waitForStatus } from "../helpers/e2e-app";
import { llmServerEnv, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai-server";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";
import type { Browser, Page } from "playwright-core";

jest.setTimeout(180_000);

/*
 * A generated site is hostile input. The fake model writes a site that tries every way out of
 * the page to a listener on loopback (images, styles, fonts, frames, forms, fetch, XHR, WebSocket,
 * EventSource, sendBeacon, workers) carrying its own URL. It runs in the workspace's preview frame,
 * in a version opened from the versions panel and in `/preview/:id`; the listener must count no
 * hit from any of them, and no URL the site can read may hold a token.
 */

let fake: FakeOpenAI;
let server: RunningServer;
let browser: Browser;
let listener: Server;
let beacon: string;
const hits: string[] = [];

beforeAll(async () => {
  listener = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "image/gif", "access-control-allow-origin": "*" }).end();
  });
  listener.on("upgrade", (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  beacon = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  fake = await startFakeOpenAI();
  server = await startServer({ env: llmServerEnv(fake) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
  await fake?.close();
  await new Promise((resolve) => listener?.close(resolve));
});

/** Waits until the hostile script has tried everything, and returns the URL it could read. */
async function hostileReport(target: Page | ReturnType<Page["frameLocator"]>): Promise<string> {
  const report = target.locator("body[data-hostile='done'] #hostile-report");
  await report.waitFor({ timeout: RUN_TIMEOUT_MS });
  return (await report.textContent()) ?? "";
}

test("a hostile generated site reaches no outside listener and reads no token, wherever it runs", async () => {
  const { context, page } = await openPage(browser);
  const sessionId = await generateFromHome(page, server.url, `A harmless page [fake:hostile] beacon=${beacon}`);
  await waitForStatus(page, "completed");
  const secrets = await Promise.all((["token", "viewerToken", "projectToken"] as const).map((key) => readStoredToken(page, sessionId, key)));

  // 1. The workspace's live preview frame (the script runs once the generation completed).
  const inFrame = await hostileReport(page.frameLocator('[data-testid="preview-frame"]'));
  // 2. A version opened from the versions panel, in its own tab, through a ticket.
  await page.locator('[data-testid="versions-panel"][data-state="ready"][data-count="1"]').waitFor({ timeout: RUN_TIMEOUT_MS });
  const [versionTab] = await Promise.all([context.waitForEvent("page"), page.getByTestId("version-open").click()]);
  const refusals: string[] = [];
  versionTab.on("console", (message) => refusals.push(message.text()));
  await versionTab.waitForURL(/\/versions\/1\/preview\?ticket=/);
  const inVersion = await hostileReport(versionTab);
  // The attempts were made, and the browser refused them by policy (this is not a quiet page).
  expect(refusals.filter((text) => /Content Security Policy/.test(text)).length).toBeGreaterThanOrEqual(5);
  // 3. The session's preview link.
  const [previewTab] = await Promise.all([context.waitForEvent("page"), page.getByTestId("open-preview").click()]);
  const inPreview = await hostileReport(previewTab);

  expect(inVersion).toMatch(/\/versions\/1\/preview\?ticket=/);
  for (const seen of [inFrame, inVersion, inPreview]) {
    for (const secret of secrets) expect(seen).not.toContain(secret);
  }

  // Control: the same listener is reachable from an ordinary page, so silence above means blocked.
  const control = await context.newPage();
  await control.goto(`${beacon}/control`); // resolves once the listener has answered
  expect(hits).toContain("GET /control");
  expect(hits.filter((h) => !h.endsWith("/control") && !h.includes("favicon"))).toEqual([]);
  await context.close();
});
