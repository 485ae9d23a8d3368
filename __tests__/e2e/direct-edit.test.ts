import type { Page } from "playwright-core";
import { saveScreenshot } from "../helpers/browser";
import {
  collectProblems, generateFromHome, isPhoneLayout, openPage, press, RUN_TIMEOUT_MS, setupE2eApp, showChat, showPreview, site, VIEWPORTS, waitForSelectMode, waitForStatus, waitForTurnCount,
} from "../helpers/e2e-app";

/*
 * Issue 18: work on the page directly, with the built-in engine (no model). Select mode selects
 * by a click (a tap on a phone); the headline's text is changed in place; a colour is applied;
 * a section is removed; a prompt aimed at a section changes only that section. Each change is
 * the next turn and a version. Issue 19 item 3: a form in the preview shows its confirmation.
 */
// Every direct edit is a start (it writes a version): two viewports make a dozen in a minute.
const app = setupE2eApp({ TEMPLATE_STEP_MS: "100", RATE_LIMIT_GENERATIONS_PER_MINUTE: "100" });

const PROMPT = "A dental practice called Bright Smile in Leeds with opening hours and a contact form";
const turns = waitForTurnCount;
const selectedLabel = (page: Page, text: string) =>
  page.getByTestId("selected-label").filter({ hasText: text }).waitFor({ timeout: RUN_TIMEOUT_MS });

/** Presses "Select parent" until the selection is a section (a heading sits in a container in it). */
async function widenToSection(page: Page): Promise<void> {
  for (let i = 0; i < 5; i++) {
    if (((await page.getByTestId("selected-label").textContent()) ?? "").startsWith("Section ·")) return;
    const before = await page.getByTestId("selected-label").getAttribute("data-element-id");
    await press(page, "select-parent");
    await page.waitForFunction((id) => document.querySelector('[data-testid="selected-label"]')?.getAttribute("data-element-id") !== id, before);
  }
  await selectedLabel(page, "Section ·");
}

async function selectInFrame(page: Page, selector: string): Promise<void> {
  await waitForSelectMode(page);
  const el = site(page).locator(selector).first();
  if (isPhoneLayout(page)) await el.tap();
  else await el.click();
}

describe.each(VIEWPORTS)("%s", (name, device) => {
  test("select, edit the headline in place, recolour it, remove a section, aim a prompt at a section", async () => {
    const { context, page } = await openPage(app.browser, device);
    const problems = collectProblems(page);
    await generateFromHome(page, app.server.url, PROMPT);
    await waitForStatus(page, "completed");
    await showPreview(page);
    await site(page).locator("h1").first().waitFor({ timeout: RUN_TIMEOUT_MS });

    // A form in the preview runs the page's own handler and shows its confirmation.
    const form = site(page).locator("form.contact-form");
    await form.locator("#contact-name").fill("Ada");
    await form.locator('input[type="email"]').first().fill("ada@example.com");
    await form.locator("textarea").first().fill("Hello");
    await form.locator('button[type="submit"]').click();
    await site(page).getByText("Thank you, Ada! Your message is on its way", { exact: false }).first().waitFor({ timeout: RUN_TIMEOUT_MS });

    // Select mode: the toggle has an accessible name and a shortcut; a click/tap selects.
    const toggle = page.getByRole("button", { name: /Select/ });
    expect(await toggle.getAttribute("aria-keyshortcuts")).toBe("S");
    await press(page, "select-toggle");
    await waitForSelectMode(page);
    await selectInFrame(page, "h1");
    await selectedLabel(page, "Heading · Bright Smile");
    await saveScreenshot(page, `e18-select-mode-${name}`);

    // Text in place: editable inside the frame, Enter commits; the change is the next turn.
    if (isPhoneLayout(page)) await press(page, "edit-text");
    else await site(page).locator("h1").first().dblclick();
    await site(page).locator('h1[contenteditable]').waitFor();
    await site(page).locator("h1").first().focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Our dentists");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/p\/[A-Za-z0-9_-]+\?turn=/, { timeout: RUN_TIMEOUT_MS });
    await turns(page, 2);
    await waitForStatus(page, "completed");
    await site(page).locator("h1", { hasText: "Our dentists" }).first().waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
    await showChat(page);
    // The thread lists the server's words for the turn once its reload after the run lands.
    await page.getByTestId("turn").nth(1).getByTestId("turn-prompt").filter({ hasText: "Edited the hero headline" }).waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });

    // The selection outlives the turn; a colour from the panel is the next turn.
    await showPreview(page);
    await selectedLabel(page, "Heading · Our dentists");
    await page.getByTestId("edit-color").fill("#ff0000");
    await saveScreenshot(page, `e18-edit-panel-${name}`);
    await press(page, "apply-color");
    await turns(page, 3);
    await waitForStatus(page, "completed");
    await showPreview(page);
    await site(page).locator('h1[style*="#ff0000"]').waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
    expect(await site(page).locator("h1").first().evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 0, 0)");

    // Remove a section: select inside it, widen to the section, remove.
    expect(await site(page).locator("section#faq").count()).toBe(1);
    await selectInFrame(page, "section#faq h2");
    await selectedLabel(page, "Heading ·");
    await widenToSection(page);
    await press(page, "remove-element");
    await turns(page, 4);
    await waitForStatus(page, "completed");
    await showPreview(page);
    // One state of one document: the frame reloads for each turn, and "no FAQ" also holds of the
    // blank page in between.
    await site(page).locator("body:has(section#about):not(:has(section#faq))").waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });

    // A prompt aimed at the hero: the prompt box says what it edits; only that section changes.
    const brand = await site(page).locator(".brand-name").first().textContent();
    await waitForSelectMode(page);
    await selectInFrame(page, "section.hero h1");
    await widenToSection(page);
    await showChat(page);
    await page.getByTestId("editing-target").filter({ hasText: "Editing: Section ·" }).waitFor();
    await page.getByTestId("follow-up-input").fill("Rename to Golden Crust");
    await saveScreenshot(page, `e18-aimed-prompt-${name}`);
    await page.getByTestId("follow-up-submit").click();
    await turns(page, 5);
    await waitForStatus(page, "completed");
    await showPreview(page);
    await site(page).locator("section.hero", { hasText: "Golden Crust" }).first().waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
    // Outside the hero nothing was rewritten: the header still has the old name.
    expect(await site(page).locator(".brand-name").first().textContent()).toBe(brand);

    // Esc leaves select mode.
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="preview-frame"][data-select-mode="off"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
