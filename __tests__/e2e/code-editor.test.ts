import type { Page } from "playwright-core";
import { saveScreenshot } from "../helpers/browser";
import {
  collectProblems, DESKTOP, generateFromHome, isPhoneLayout, openPage, press, RUN_TIMEOUT_MS, setupE2eApp, setupE2eLlmApp, showChat, showPreview, site, VIEWPORTS, waitForNewTurn, waitForStatus, waitForTurnCount,
} from "../helpers/e2e-app";

/*
 * Issue 18 item 4: the Code view is an editor. The CSS is hand-edited in CodeMirror; the frame
 * follows the typing before anything is saved (patched in place: the frame never reloads); a
 * reload asks first and brings the unsaved draft back; Save is the next turn and a version; the
 * next prompt keeps the hand edit, with the built-in engine and with a model (the fake provider,
 * whose request must carry the edited code).
 */
const HAND_COLOUR = "rgb(192, 38, 211)"; // #c026d3

const turns = waitForTurnCount;
const frameLoads = (page: Page) => page.getByTestId("live-preview").getAttribute("data-frame-loads");
const headingColour = (page: Page) => site(page).locator("h1").first().evaluate((el) => getComputedStyle(el).color);
/**
 * Waits until the frame's h1 has `colour`. Asked afresh each time: the frame reloads when a saved
 * version (a new turn) replaces the draft, and an element of the old document never changes again.
 */
async function waitForHeadingColour(page: Page, colour: string): Promise<void> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const now = await site(page).locator("h1").first().evaluate((el) => getComputedStyle(el).color, undefined, { timeout: 1000 }).catch(() => null);
    if (now === colour) return;
    if (Date.now() > deadline) throw new Error(`the frame's h1 is ${now}, not ${colour}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the Code tab's editor on styles.css and types `rule` at its end (one line: no completion is accepted). */
async function typeCssRule(page: Page, rule: string): Promise<void> {
  await showPreview(page);
  await press(page, "tab-code");
  await press(page, "code-edit");
  await page.getByTestId("code-editor-panel").waitFor();
  await press(page, "code-file-css");
  const input = page.locator('[data-testid="code-editor-input"][data-file="css"]');
  await input.waitFor();
  expect(await input.getAttribute("aria-label")).toBe("styles.css — code editor");
  if (isPhoneLayout(page)) await input.tap();
  else await input.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(rule, { delay: 5 });
  await page.locator('[data-testid="code-editor-panel"][data-dirty="true"]').waitFor();
}

/** Saves the draft and waits for the turn it starts to finish: `count` turns in the thread. */
async function saveDraft(page: Page, count: number): Promise<void> {
  await showPreview(page);
  if ((await page.getByTestId("tab-code").getAttribute("aria-selected")) !== "true") await press(page, "tab-code");
  const previous = new URL(page.url()).searchParams.get("turn")!;
  await press(page, "code-save");
  await waitForNewTurn(page, previous);
  await turns(page, count);
  await waitForStatus(page, "completed");
}

describe("template engine", () => {
  const app = setupE2eApp({ TEMPLATE_STEP_MS: "100", RATE_LIMIT_GENERATIONS_PER_MINUTE: "100" });

  describe.each(VIEWPORTS)("%s", (name, device) => {
    test("hand-edit the CSS, see it live, reload keeps the draft, save, and a follow-up keeps the edit", async () => {
      const { context, page } = await openPage(app.browser, device);
      const problems = collectProblems(page);
      await generateFromHome(page, app.server.url, "A bakery called Crumb and Co in Leeds with a menu and opening hours");
      await waitForStatus(page, "completed");
      await showPreview(page);
      await site(page).locator("h1").first().waitFor({ timeout: RUN_TIMEOUT_MS });
      const before = await headingColour(page);
      expect(before).not.toBe(HAND_COLOUR);
      const loads = await frameLoads(page);

      await typeCssRule(page, ".hero h1 { color: #c026d3; }");
      // Live in the frame before saving: beside the editor on a wide screen, in the Preview tab on a phone.
      if (isPhoneLayout(page)) {
        await saveScreenshot(page, `e18-code-editor-${name}`);
        await press(page, "tab-preview");
        await page.getByTestId("code-draft-notice").waitFor();
      } else {
        expect(await page.getByTestId("code-split").getAttribute("data-split")).toBe("true");
        expect(await page.getByTestId("preview-frame").isVisible()).toBe(true);
      }
      await waitForHeadingColour(page, HAND_COLOUR);
      if (!isPhoneLayout(page)) await saveScreenshot(page, `e18-code-editor-${name}`);
      else await saveScreenshot(page, `e18-code-draft-live-${name}`);
      // Patched into the same frame: it never reloaded.
      expect(await frameLoads(page)).toBe(loads);

      // A reload while dirty asks first; accepted, the draft comes back (notice, frame, editor).
      const asked = new Promise<string>((resolve) => page.once("dialog", (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      }));
      await page.reload();
      expect(await asked).toBe("beforeunload");
      await showPreview(page);
      await page.getByTestId("code-draft-notice").filter({ hasText: "restored" }).waitFor({ timeout: RUN_TIMEOUT_MS });
      await waitForHeadingColour(page, HAND_COLOUR);
      await saveScreenshot(page, `e18-code-draft-restored-${name}`);
      await press(page, "code-draft-open");
      await page.getByTestId("code-draft-restored").waitFor();

      // Save: the next turn ("Edited the code by hand") and a version.
      await saveDraft(page, 2);
      await showChat(page);
      await page.getByTestId("turn").nth(1).getByTestId("turn-prompt").filter({ hasText: "Edited the code by hand" }).waitFor();
      await page.locator('[data-testid="version-item"][data-version="2"]').waitFor({ timeout: RUN_TIMEOUT_MS });
      await showPreview(page);
      await press(page, "tab-preview");
      await waitForHeadingColour(page, HAND_COLOUR);
      // Saved: nothing unsaved is left to restore.
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("openv0:code-draft:")))).toEqual([]);

      // The next prompt (the built-in engine) starts from the edited code and keeps the hand rule.
      await showChat(page);
      await page.getByTestId("follow-up-input").fill("Add a FAQ section");
      await page.getByTestId("follow-up-submit").click();
      await turns(page, 3);
      await waitForStatus(page, "completed");
      await showPreview(page);
      await site(page).locator("section#faq").waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
      expect(await headingColour(page)).toBe(HAND_COLOUR);
      await press(page, "tab-code");
      await press(page, "code-file-css");
      await page.getByTestId("code-content").filter({ hasText: ".hero h1 { color: #c026d3; }" }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});

describe("model engine (fake provider)", () => {
  const app = setupE2eLlmApp({ RATE_LIMIT_GENERATIONS_PER_MINUTE: "100" });

  test("the follow-up request carries the hand-edited code, and the answer keeps it", async () => {
    const { context, page } = await openPage(app.browser, DESKTOP);
    await generateFromHome(page, app.server.url, "A bakery called Crumb & Co");
    await waitForStatus(page, "completed");
    await site(page).locator("h1.brand").waitFor({ timeout: RUN_TIMEOUT_MS });
    const rule = "h1.brand { color: #c026d3; }";
    await typeCssRule(page, rule);
    await waitForHeadingColour(page, HAND_COLOUR);
    await saveDraft(page, 2);

    const seen = app.fake.requests.length;
    await page.getByTestId("follow-up-input").fill("Add a gallery");
    await page.getByTestId("follow-up-submit").click();
    await turns(page, 3);
    await waitForStatus(page, "completed");
    const css = app.fake.requests.slice(seen).find((r) => r.kind === "css");
    const html = app.fake.requests.slice(seen).find((r) => r.kind === "html");
    expect(css?.messages.map((m) => m.content).join("\n")).toContain(rule);
    expect(html?.messages.map((m) => m.content).join("\n")).toContain("Crumb &amp; Co");
    await site(page).locator("section.edited").waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
    expect(await headingColour(page)).toBe(HAND_COLOUR);
    await context.close();
  });
});
