import { unzipSync, strFromU8 } from "fflate";
import { readFileSync } from "node:fs";
import { saveScreenshot } from "../helpers/browser";
import {
  collectProblems,
  expectPageMatchesSnapshot,
  fetchSnapshot,
  generateFromHome,
  openPage,
  readStoredToken,
  RUN_TIMEOUT_MS,
  setupE2eApp,
  waitForConnection,
  waitForStatus,
} from "../helpers/e2e-app";

const app = setupE2eApp();

test("type a prompt, watch progress reach 100% and the site appear in the frame without a reload", async () => {
  const { context, page } = await openPage(app.browser);
  // Hydration mismatches, React errors and errors thrown in the frame all surface here.
  const problems = collectProblems(page, { warnings: true });
  await page.goto(app.server.url);
  await saveScreenshot(page, "01-home");
  // An example prompt fills the box; then we type our own.
  await page.getByTestId("example-prompt").first().click();
  expect(await page.getByTestId("prompt-input").inputValue()).toContain("Crumb & Co");

  const sessionId = await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu and a contact form, in green");
  await waitForConnection(page, "live");
  await page.locator('[data-testid="step-item"][data-status="in_progress"]').first().waitFor({ timeout: RUN_TIMEOUT_MS });
  await page.locator('[data-testid="live-preview"]:not([data-rendered-version="0"])').waitFor({ timeout: RUN_TIMEOUT_MS });
  await saveScreenshot(page, "02-running");

  await waitForStatus(page, "completed");
  expect(await page.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
  expect(await page.getByTestId("progress-percent").textContent()).toBe("100%");
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await frame.locator("h1").first().waitFor({ timeout: RUN_TIMEOUT_MS });
  expect(await frame.locator("h1").first().textContent()).toContain("Crumb & Co");

  // Every version was patched into the one frame: its runtime started exactly once.
  const preview = page.getByTestId("live-preview");
  await page.locator('[data-testid="live-preview"][data-script-ran="true"]').waitFor({ timeout: RUN_TIMEOUT_MS });
  expect(await preview.getAttribute("data-frame-loads")).toBe("1");
  const token = await readStoredToken(page, sessionId);
  const snapshot = await fetchSnapshot(app.server.url, sessionId, token);
  expect(await preview.getAttribute("data-rendered-version")).toBe(String(snapshot.preview!.version));
  expect(snapshot.preview!.version).toBeGreaterThan(1);
  await expectPageMatchesSnapshot(page, snapshot);
  await saveScreenshot(page, "03-completed");
  await page.emulateMedia({ colorScheme: "dark" });
  await saveScreenshot(page, "03b-completed-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // The site's script ran inside the frame once the generation completed.
  expect(await frame.locator("html.has-js").count()).toBe(1);

  // Code tab: highlighted source of the three files.
  await page.getByTestId("tab-code").click();
  await page.getByTestId("code-content").waitFor();
  expect(await page.getByTestId("code-content").textContent()).toContain("Crumb &amp; Co");
  await saveScreenshot(page, "04-code");
  await page.getByTestId("tab-preview").click();

  // Download zip with the page's button: fetched with the token in a header, saved as a blob.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-zip").click()]);
  expect(download.url()).toMatch(/^blob:/);
  expect(download.suggestedFilename()).toBe(`openv0-${sessionId}.zip`);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(files).sort()).toEqual(["index.html", "script.js", "styles.css"]);
  const index = strFromU8(files["index.html"]!);
  expect(index).toContain('<link rel="stylesheet" href="styles.css">');
  expect(index).toContain('<script src="script.js"></script>');
  expect(index).toContain(snapshot.preview!.html_content);
  expect(strFromU8(files["styles.css"]!)).toBe(snapshot.preview!.css_content);
  expect(strFromU8(files["script.js"]!)).toBe(snapshot.preview!.js_content);

  // Reloading the finished workspace (server render + hydration) is clean too.
  await page.reload();
  await page.locator('[data-testid="live-preview"][data-script-ran="true"]').waitFor({ timeout: RUN_TIMEOUT_MS });
  expect(problems).toEqual([]);

  // The home page now lists its project under recent work, with its status; rename, then remove it.
  const projectId = await page.evaluate((id) => JSON.parse(window.localStorage.getItem(`openv0:generation:${id}`)!).projectId as string, sessionId);
  await page.goto(app.server.url);
  const row = page.locator(`[data-testid="recent-project"][data-project-id="${projectId}"]`);
  await row.waitFor();
  expect(await row.getByTestId("recent-generation").getAttribute("href")).toBe(`/p/${projectId}`);
  await row.getByTestId("recent-project-status").getByText("Ready").waitFor();
  await row.getByTestId("rename-project").click();
  await row.getByTestId("rename-input").fill("My bakery site");
  await row.getByTestId("rename-save").click();
  await row.getByTestId("recent-project-name").getByText("My bakery site").waitFor();
  await page.reload();
  await row.getByTestId("recent-project-name").getByText("My bakery site").waitFor();
  await saveScreenshot(page, "24-home-recent-projects");
  await row.getByTestId("remove-project").click();
  await row.getByTestId("remove-confirm").click();
  await row.waitFor({ state: "detached" });
  await context.close();
});

test("the generated page runs in an opaque origin: it cannot read the app's localStorage", async () => {
  const { context, page } = await openPage(app.browser);
  const sessionId = await generateFromHome(page, app.server.url, "A portfolio for a photographer named Ana Ruiz");
  await page.evaluate(() => window.localStorage.setItem("secret", "app-only"));
  expect(await page.getByTestId("preview-frame").getAttribute("sandbox")).toBe("allow-scripts allow-forms");
  await page.locator('[data-testid="live-preview"][data-frame-loads="1"]').waitFor({ timeout: RUN_TIMEOUT_MS });
  const frame = page.frames().find((f) => f.url().endsWith("/preview-frame"));
  expect(frame).toBeDefined();
  const probe = await frame!.evaluate(() => {
    const attempt = (read: () => unknown) => {
      try {
        return { ok: true, value: String(read()) };
      } catch (error) {
        return { ok: false, value: (error as Error).name };
      }
    };
    return {
      origin: window.origin,
      own: attempt(() => window.localStorage.getItem("secret")),
      parent: attempt(() => window.parent.localStorage.getItem("secret")),
      cookie: attempt(() => document.cookie),
    };
  });
  expect(probe.origin).toBe("null");
  expect(probe.own.ok).toBe(false);
  expect(probe.parent.ok).toBe(false);
  expect(probe.own.value).toBe("SecurityError");
  // Opened directly, the runtime document is sandboxed by its own CSP header too.
  const direct = await fetch(`${app.server.url}/preview-frame`);
  expect(direct.headers.get("content-security-policy")).toMatch(/^sandbox allow-scripts allow-forms;/);
  await waitForStatus(page, "completed");
  expect(sessionId).toBeTruthy();
  await context.close();
});

test("API errors from the create call are shown clearly", async () => {
  const { context, page } = await openPage(app.browser);
  await page.goto(app.server.url);
  // Whitespace-only prompts are refused by the server's schema (the button guards the empty case).
  await page.route("**/api/generations", (route) =>
    route.fulfill({ status: 429, contentType: "application/json", body: JSON.stringify({ error: { code: "RATE_LIMITED", message: "Too many generations started from your address; try again shortly" } }) }),
  );
  await page.getByTestId("prompt-input").fill("A shop");
  await page.getByTestId("generate-button").click();
  await page.getByTestId("create-error").waitFor();
  const text = await page.getByTestId("create-error").textContent();
  expect(text).toContain("Too many generations");
  expect(text).toContain("RATE_LIMITED");
  await saveScreenshot(page, "05-create-error");
  await context.close();
});
