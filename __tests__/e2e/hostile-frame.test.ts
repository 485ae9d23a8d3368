import { HOSTILE_ERROR, PHISHING_TEXT } from "../helpers/fake-openai-server";
import { saveScreenshot } from "../helpers/browser";
import { generateFromHome, openPage, RUN_TIMEOUT_MS, setupE2eLlmApp, showPreview, VIEWPORTS, waitForConnection, waitForStatus } from "../helpers/e2e-app";

/*
 * Issue 10 item 6: the preview frame runs generated code, so what it posts is hostile input. The
 * fake model writes a site whose script forges frame messages (50 "ready"s, a "rendered" for a
 * version that does not exist, an app-looking phishing line) and then throws a real error.
 */
const app = setupE2eLlmApp();

describe.each(VIEWPORTS)("%s", (name, device) => {
  test("a hostile site cannot make the app re-send it or speak as the app; its error is the site's, with Fix it", async () => {
    const { context, page } = await openPage(app.browser, device);
    const seen = app.fake.requests.length;
    await generateFromHome(page, app.server.url, "A bakery called Crumb & Co [fake:hostile]");
    await waitForStatus(page, "completed");
    // The site's reports are shown with its preview: on a phone, one tap away.
    await showPreview(page);

    // The genuine error comes last (after the forged messages), so once it shows, all were handled.
    const reports = page.getByTestId("site-reports");
    await reports.getByText(HOSTILE_ERROR, { exact: false }).waitFor({ timeout: RUN_TIMEOUT_MS });
    // Shown as the site's words, in the site's box, never as one of the app's alerts.
    expect(await reports.textContent()).toContain("not from OpenV0");
    expect(await reports.textContent()).toContain(PHISHING_TEXT);
    expect(await page.getByRole("alert").filter({ hasText: PHISHING_TEXT }).count()).toBe(0);
    expect(await reports.locator("a").count()).toBe(0);

    // The rule: each rendering (a version, and its switch to running the script) is re-sent at
    // most once, whatever the frame says. Fifty forged "ready"s got a re-send (what a real frame
    // restart needs), never more re-sends than renderings sent, however many versions reached the
    // frame while they came (a phone sees the final version arrive in the middle of them).
    const frame = page.getByTestId("preview-frame");
    const resends = Number(await frame.getAttribute("data-resends"));
    expect(resends).toBeGreaterThanOrEqual(1);
    expect(resends).toBeLessThanOrEqual(Number(await frame.getAttribute("data-renderings")));
    const preview = page.getByTestId("live-preview");
    expect(Number(await frame.getAttribute("data-refused"))).toBeGreaterThan(40);
    // The forged "rendered 999" was refused: the app still knows the version it really sent.
    expect(Number(await preview.getAttribute("data-rendered-version"))).toBeLessThan(999);
    // The site's noise never touches the app's own link to the server.
    await waitForConnection(page, "live");
    await saveScreenshot(page, `20-hostile-site-${name}`);

    // Fix it starts a follow-up that carries the site's error, as the next turn of the project.
    await page.getByTestId("fix-site-error").click();
    await page.waitForURL(/\/p\/[A-Za-z0-9_-]+\?turn=/);
    const turns = page.getByTestId("turn");
    await page.locator('[data-testid="thread"][data-count="2"]').waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
    await turns.nth(1).getByTestId("turn-prompt").filter({ hasText: HOSTILE_ERROR }).waitFor({ state: "attached", timeout: RUN_TIMEOUT_MS });
    const fixRequest = () => app.fake.requests.slice(seen).some((r) => r.kind === "edit-plan" && r.messages.some((m) => m.content.includes(HOSTILE_ERROR)));
    await app.fake.waitFor(fixRequest, RUN_TIMEOUT_MS);
    await context.close();
  });
});
