import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { generationSnapshotSchema, type GenerationSnapshot } from "@/lib/protocol";
import { formatSeconds } from "@/lib/client/time";
import { launchBrowser } from "./browser";
import { llmServerEnv, startFakeOpenAI, type FakeOpenAI } from "./fake-openai-server";
import { removeDataDir, startServer, type RunningServer } from "./server-process";

/** Steps slow enough to interact mid-run; heartbeats fast enough to detect a dead link quickly. */
export const E2E_ENV = { TEMPLATE_STEP_MS: "1500", HEARTBEAT_INTERVAL_MS: "1000" };
/** Generous: a whole run is ~5 × 1.5 s; waits end as soon as the condition holds. */
export const RUN_TIMEOUT_MS = 45_000;

export interface E2eApp {
  server: RunningServer;
  browser: Browser;
  stop: () => Promise<void>;
}

/** Starts the production server and a headless Chromium for one test file. */
export async function startE2eApp(env: Record<string, string> = {}): Promise<E2eApp> {
  const server = await startServer({ env: { ...E2E_ENV, ...env } });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    stop: async () => {
      await browser.close();
      await server.stop();
      removeDataDir(server.dataDir);
    },
  };
}

/**
 * One app for the calling test file: sets the file's test timeout, starts the app before its
 * first test and stops it after its last. The handle's fields are there once the tests run.
 */
export function setupE2eApp(env: Record<string, string> = {}): E2eApp {
  jest.setTimeout(120_000);
  let app: E2eApp | undefined;
  beforeAll(async () => {
    app = await startE2eApp(env);
  });
  afterAll(async () => {
    await app?.stop();
  });
  const started = () => {
    if (!app) throw new Error("the e2e app is not running (use it inside a test)");
    return app;
  };
  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    stop: () => started().stop(),
  };
}

export interface E2eLlmApp extends E2eApp {
  fake: FakeOpenAI;
}

/**
 * One app generating with the fake model, for tests that must hold a run in a given state: the
 * fake's `hold()` keeps every answer waiting until released, so "still running" is a fact, not a
 * race against a timer. The stall watchdog is set far beyond any hold.
 */
export function setupE2eLlmApp(env: Record<string, string> = {}): E2eLlmApp {
  jest.setTimeout(120_000);
  let fake: FakeOpenAI | undefined;
  let app: E2eApp | undefined;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    app = await startE2eApp(llmServerEnv(fake, { LLM_STALL_TIMEOUT_MS: "600000", ...env }));
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });
  const started = () => {
    if (!app || !fake) throw new Error("the e2e app is not running (use it inside a test)");
    return { app, fake };
  };
  return {
    get server() {
      return started().app.server;
    },
    get browser() {
      return started().app.browser;
    },
    get fake() {
      return started().fake;
    },
    stop: () => started().app.stop(),
  };
}

/** A fresh browser context (desktop viewport unless `options` say otherwise) and a page in it. */
export async function openPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options);
  return { context, page: await context.newPage() };
}

/**
 * Collects everything the page reports as a problem: uncaught errors, failed requests (status
 * 400 or more), console errors and, with `warnings`, console warnings. Tests expect it empty.
 */
export function collectProblems(page: Page, { warnings = false }: { warnings?: boolean } = {}): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" || (warnings && message.type() === "warning")) problems.push(`${message.type()}: ${message.text()}`);
  });
  return problems;
}

/**
 * Types a prompt on the home page, submits it and resolves with the new session's id. The first
 * prompt opens the project page on its turn (`/p/<project>?turn=<session>`): the one page where a
 * site is built and refined.
 */
export async function generateFromHome(page: Page, baseUrl: string, prompt: string): Promise<string> {
  await page.goto(baseUrl);
  await page.getByTestId("prompt-input").fill(prompt);
  await page.getByTestId("generate-button").click();
  await page.waitForURL((url) => /^\/p\/[A-Za-z0-9_-]+$/.test(url.pathname) && url.searchParams.has("turn"));
  return new URL(page.url()).searchParams.get("turn")!;
}

/** Waits until the project page has opened a turn other than `previous`, and returns its id. */
export async function waitForNewTurn(page: Page, previous: string, timeout = RUN_TIMEOUT_MS): Promise<string> {
  await page.waitForURL((url) => { const turn = url.searchParams.get("turn"); return turn !== null && turn !== previous; }, { timeout });
  return new URL(page.url()).searchParams.get("turn")!;
}

/** The owner token the home page stored for a session (read from the app's own localStorage). */
export async function readStoredToken(page: Page, sessionId: string, key: "token" | "viewerToken" | "projectToken" = "token"): Promise<string> {
  const raw = await page.evaluate((id) => window.localStorage.getItem(`openv0:generation:${id}`), sessionId);
  const token = raw ? (JSON.parse(raw) as Record<string, unknown>)[key] : undefined;
  if (typeof token !== "string") throw new Error(`no ${key} stored for ${sessionId}`);
  return token;
}

export async function fetchSnapshot(baseUrl: string, sessionId: string, token: string): Promise<GenerationSnapshot> {
  const res = await fetch(`${baseUrl}/api/generations/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`snapshot failed: ${res.status}`);
  return generationSnapshotSchema.parse(await res.json());
}

/** Waits until the workspace has a given generation status (drawn, even in a pane hidden on a phone). */
export async function waitForStatus(page: Page, status: string, timeout = RUN_TIMEOUT_MS): Promise<void> {
  await page.locator(`[data-testid="generation-progress"][data-status="${status}"]`).waitFor({ timeout, state: "attached" });
}

/** Waits until the connection badge shows a given status. */
export async function waitForConnection(page: Page, status: string, timeout = RUN_TIMEOUT_MS): Promise<void> {
  await page.locator(`[data-testid="connection-status"][data-status="${status}"]`).waitFor({ timeout });
}

/** The step list as drawn: id, status and the duration text of each step. */
export async function readStepList(page: Page) {
  return page.getByTestId("step-item").evaluateAll((items) =>
    items.map((el) => ({ id: el.getAttribute("data-step-id"), status: el.getAttribute("data-status"), text: el.textContent ?? "" })),
  );
}

/**
 * Asserts the page shows exactly the server's fold: same last seq, same steps in the same order,
 * each with its status and measured duration (a repeated or lost event would change one of them).
 */
export async function expectPageMatchesSnapshot(page: Page, snapshot: GenerationSnapshot): Promise<void> {
  const lastSeq = await page.getByTestId("workspace").getAttribute("data-last-seq");
  expect(Number(lastSeq)).toBe(snapshot.last_seq);
  const drawn = await readStepList(page);
  expect(drawn.map(({ id, status }) => ({ id, status }))).toEqual(snapshot.steps.map((s) => ({ id: s.step_id, status: s.status })));
  snapshot.steps.forEach((s, i) => {
    if (s.duration !== null) expect(drawn[i]!.text).toContain(formatSeconds(s.duration));
  });
  const percent = await page.getByRole("progressbar").getAttribute("aria-valuenow");
  expect(Number(percent)).toBe(Math.round(snapshot.progress));
}

/** True when the page is wider than its viewport (a horizontal scrollbar). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

export async function newContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
}

/** The desktop viewport the e2e tests use for a wide layout. */
export const DESKTOP = { viewport: { width: 1440, height: 900 } };

/** The generated site's first heading inside the preview frame. */
/**
 * Waits until select mode is on in the frame itself, not only in the page: the page's attribute
 * flips on render, the frame hears of it a message later, and a new version reloads the frame.
 */
export async function waitForSelectMode(page: Page): Promise<void> {
  await page.locator('[data-testid="preview-frame"][data-select-mode="on"]').waitFor({ timeout: RUN_TIMEOUT_MS });
  await page.frameLocator('[data-testid="preview-frame"]').locator('html[style*="crosshair"]').waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
}

export const frameHeading = (page: Page) => page.frameLocator('[data-testid="preview-frame"]').locator("h1").first();

/** A phone: 375 px wide, touch, mobile layout (the workspace shows one pane at a time). */
export const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

/** The two viewports every issue-11 behaviour runs at: `describe.each(VIEWPORTS)("%s", (name, device) => …)`. */
export const VIEWPORTS = [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const;
export type ViewportName = (typeof VIEWPORTS)[number][0];

/** Below Tailwind's `lg` breakpoint the workspace has the Chat / Preview switch instead of two columns. */
const LG_BREAKPOINT = 1024;
export const isPhoneLayout = (page: Page) => (page.viewportSize()?.width ?? LG_BREAKPOINT) < LG_BREAKPOINT;

/**
 * What a phone user does to see a pane: tap its tab in the Chat / Preview switch, and wait until
 * it is the one showing. On a desktop both columns show, so it does nothing.
 */
async function showPane(page: Page, pane: "chat" | "preview"): Promise<void> {
  if (!isPhoneLayout(page)) return;
  const tab = page.getByTestId(`phone-tab-${pane}`);
  await tab.waitFor({ timeout: RUN_TIMEOUT_MS });
  if ((await tab.getAttribute("aria-selected")) !== "true") await tab.tap();
  await page.locator(`[data-testid="phone-tab-${pane}"][aria-selected="true"]`).waitFor();
  await page.getByTestId(`${pane}-pane`).waitFor({ state: "visible" });
}

/** Shows the preview (phone: taps "Preview"; desktop: nothing to do). */
export const showPreview = (page: Page) => showPane(page, "preview");
/** Shows the conversation, progress and edit box (phone: taps "Chat"; desktop: nothing to do). */
export const showChat = (page: Page) => showPane(page, "chat");

/** From here on, records whether the preview ever shows its empty state (even while its pane is hidden). */
export async function watchForBlankPreview(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { blankSeen: boolean };
    w.blankSeen = false;
    const check = () => {
      const preview = document.querySelector('[data-testid="live-preview"]');
      if (!preview || preview.getAttribute("data-showing") === "none" || document.querySelector('[data-testid="preview-empty"]')) w.blankSeen = true;
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-showing"] });
  });
}

/** Whether the preview showed its empty state since `watchForBlankPreview`. */
export const blankPreviewSeen = (page: Page) => page.evaluate(() => (window as unknown as { blankSeen: boolean }).blankSeen);

/** The preview frame's document. */
export const site = (page: Page): FrameLocator => page.frameLocator('[data-testid="preview-frame"]');

/** Presses a control the way the device does: a tap on a phone, a click on a desktop. */
export async function press(page: Page, testId: string): Promise<void> {
  const target = page.getByTestId(testId);
  if (isPhoneLayout(page)) await target.tap();
  else await target.click();
}

/** Waits for the project page's thread to list `count` turns (on a phone the Chat pane may be hidden behind Preview). */
export const waitForTurnCount = (page: Page, count: number) =>
  page.locator(`[data-testid="thread"][data-count="${count}"]`).waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
