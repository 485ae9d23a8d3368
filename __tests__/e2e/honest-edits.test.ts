import type { Page } from "playwright-core";
import { saveScreenshot } from "../helpers/browser";
import { collectProblems, generateFromHome, openPage, RUN_TIMEOUT_MS, setupE2eApp, showChat, showPreview, VIEWPORTS, waitForStatus } from "../helpers/e2e-app";

/*
 * The built-in engine in a real browser, at both viewports: a Spanish prompt gets a Spanish page,
 * an edit it cannot make ends "Not applied" (in plain words, no new version), and "undo" brings the
 * previous version back as a new one.
 */

const app = setupE2eApp({ TEMPLATE_STEP_MS: "100" });

const frame = (page: Page) => page.frameLocator('[data-testid="preview-frame"]');
const versionCount = (page: Page, count: number) =>
  page.locator(`[data-testid="versions-panel"][data-state="ready"][data-count="${count}"]`).waitFor({ timeout: RUN_TIMEOUT_MS, state: "attached" });

async function followUp(page: Page, prompt: string): Promise<void> {
  await showChat(page);
  await page.getByTestId("follow-up-input").fill(prompt);
  await page.getByTestId("follow-up-submit").click();
  await page.locator(`[data-testid="workspace-prompt"]`, { hasText: prompt }).waitFor({ timeout: RUN_TIMEOUT_MS, state: "attached" });
}

describe.each(VIEWPORTS)("%s", (name, device) => {
  test("a Spanish prompt gets a page in Spanish, with euros", async () => {
    const { context, page } = await openPage(app.browser, device);
    const problems = collectProblems(page);
    await generateFromHome(page, app.server.url, "Una web para mi panadería en Sevilla, La Miga, con carta, pedidos y horario");
    await waitForStatus(page, "completed");
    await showPreview(page);
    const site = frame(page);
    await site.locator("h1").first().waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await site.locator("html").getAttribute("lang")).toBe("es");
    expect(await site.locator("h1").first().textContent()).toBe("La Miga");
    const text = (await site.locator("body").innerText()).replace(/\s+/g, " ");
    expect(text).toMatch(/Carta[\s\S]*Pedidos[\s\S]*Horario/);
    expect(text).toMatch(/\d,\d\d €/);
    expect(text).toContain("Hacer pedido");
    for (const english of ["Your name", "Get in touch", "All rights reserved"]) expect(text).not.toContain(english);
    await saveScreenshot(page, `e17-spanish-bakery-${name}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("an edit it cannot make ends “Not applied” with no new version; undo brings v1 back as v3", async () => {
    const { context, page } = await openPage(app.browser, device);
    const problems = collectProblems(page);
    await generateFromHome(page, app.server.url, "A website for a dental clinic in Leeds with treatments, our dentists and appointments");
    await waitForStatus(page, "completed");
    await showPreview(page);
    const firstTagline = await frame(page).locator(".hero-tagline").textContent();

    await followUp(page, "Make the hero say 'Gentle care for nervous patients'");
    await waitForStatus(page, "completed");
    await showPreview(page);
    await frame(page).locator(".hero-tagline", { hasText: "Gentle care for nervous patients" }).waitFor({ timeout: RUN_TIMEOUT_MS });
    // A headline edit does not rename the site (the project is named after its h1).
    expect(await frame(page).locator("h1").first().textContent()).toBe("Leeds Dental Clinic");
    await versionCount(page, 2);

    await followUp(page, "add payments through Stripe");
    await waitForStatus(page, "failed");
    await showChat(page);
    const turn = page.locator('[data-testid="turn"][aria-current="true"]');
    const status = turn.getByTestId("turn-status");
    await status.filter({ hasText: "Not applied" }).waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await status.getAttribute("data-outcome")).toBe("not-applied");
    expect(await status.getAttribute("class")).not.toMatch(/red/);
    await turn.getByTestId("turn-summary").filter({ hasText: /could not match “add payments through Stripe”[\s\S]*This site can take edits like/ }).waitFor({ timeout: RUN_TIMEOUT_MS });
    await saveScreenshot(page, `e17-not-applied-${name}`);
    await versionCount(page, 2);

    await followUp(page, "undo");
    await waitForStatus(page, "completed");
    await versionCount(page, 3);
    await showPreview(page);
    await frame(page).locator(".hero-tagline", { hasText: firstTagline ?? "" }).waitFor({ timeout: RUN_TIMEOUT_MS });
    await saveScreenshot(page, `e17-undo-${name}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
