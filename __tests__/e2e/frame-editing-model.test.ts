import type { Page } from "playwright-core";
import { saveScreenshot } from "../helpers/browser";
import {
  generateFromHome, isPhoneLayout, openPage, press, RUN_TIMEOUT_MS, setupE2eLlmApp, showChat, showPreview, site, VIEWPORTS, waitForSelectMode, waitForStatus,
} from "../helpers/e2e-app";

/*
 * Issue 18 item 3 with the model engine (the fake provider): a prompt aimed at a section sends
 * that section's markup and place, and only that section changes.
 */
const app = setupE2eLlmApp({ RATE_LIMIT_GENERATIONS_PER_MINUTE: "100" });

/**
 * The page's <main> without one section, as the frame shows it, attributes in name order (the
 * frame's patching may have added an attribute after the others: same element, other order).
 */
const mainWithout = (page: Page, sectionId: string) =>
  site(page).locator("main").first().evaluate((main, id) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelector(`#${id}`)?.remove();
    for (const el of [copy, ...copy.querySelectorAll("*")]) {
      const attributes = [...el.attributes].map((a) => [a.name, a.value] as const).sort(([a], [b]) => a.localeCompare(b));
      for (const [attr] of attributes) el.removeAttribute(attr);
      for (const [attr, value] of attributes) el.setAttribute(attr, value);
    }
    return copy.innerHTML;
  }, sectionId);

describe.each(VIEWPORTS)("%s", (name, device) => {
  test("a prompt aimed at a section sends only that section to the model and changes only it", async () => {
    const { context, page } = await openPage(app.browser, device);
    await generateFromHome(page, app.server.url, "A bakery called Crumb & Co");
    await waitForStatus(page, "completed");
    await showPreview(page);
    await site(page).locator("section#feature-2 h2").waitFor({ timeout: RUN_TIMEOUT_MS });
    const before = await mainWithout(page, "feature-2");

    await press(page, "select-toggle");
    await waitForSelectMode(page);
    const heading = site(page).locator("section#feature-2 h2");
    if (isPhoneLayout(page)) await heading.tap();
    else await heading.click();
    await page.getByTestId("selected-label").filter({ hasText: "Heading · Feature 2" }).waitFor();
    // The heading's parent is its section (the fake's markup has no wrapper in between).
    await press(page, "select-parent");
    await page.getByTestId("selected-label").filter({ hasText: "Section ·" }).waitFor();
    await showChat(page);
    await page.getByTestId("editing-target").filter({ hasText: "Editing: Section · Feature 2" }).waitFor();
    const seen = app.fake.requests.length;
    await page.getByTestId("follow-up-input").fill("Call it Sourdough");
    await page.getByTestId("follow-up-submit").click();

    // The request carried the section's markup and its place, and nothing of the other sections.
    const aimed = () => app.fake.requests.slice(seen).find((r) => r.kind === "html");
    await app.fake.waitFor(() => aimed() !== undefined, RUN_TIMEOUT_MS);
    const user = aimed()!.messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
    expect(user).toContain("<element>");
    expect(user).toMatch(/<section data-ov-id="[^"]+" id="feature-2"/);
    expect(user).toContain("body > main > section#feature-2");
    expect(user).not.toContain("feature-3");
    // No plan request: an aimed prompt has nothing to plan.
    expect(app.fake.requests.slice(seen).some((r) => r.kind === "edit-plan")).toBe(false);

    await page.waitForURL(/\/p\/[A-Za-z0-9_-]+\?turn=/, { timeout: RUN_TIMEOUT_MS });
    await page.locator('[data-testid="thread"][data-count="2"]').waitFor({ timeout: RUN_TIMEOUT_MS });
    await waitForStatus(page, "completed");
    await showPreview(page);
    await site(page).locator("section#feature-2 h2", { hasText: "Call it Sourdough" }).waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await mainWithout(page, "feature-2")).toBe(before);
    await saveScreenshot(page, `e18-aimed-model-${name}`);
    await context.close();
  });
});
