import { projectTurnsResponseSchema } from "@/lib/protocol";
import { saveScreenshot } from "../helpers/browser";
import {
  collectProblems,
  fetchSnapshot,
  frameHeading,
  generateFromHome,
  hasHorizontalScroll,
  openPage,
  readStoredToken,
  RUN_TIMEOUT_MS,
  setupE2eApp,
  showChat,
  showPreview,
  VIEWPORTS,
  waitForStatus,
} from "../helpers/e2e-app";

/* Issue 11: a read-only share of the whole conversation, and Home's rename/remove on the server. */
const app = setupE2eApp();

async function turnsOf(projectId: string, token: string) {
  const res = await fetch(`${app.server.url}/api/projects/${projectId}/turns`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: res.ok ? projectTurnsResponseSchema.parse(await res.json()) : null };
}

describe.each(VIEWPORTS)("%s", (name, device) => {
  test("a second browser opens the shared /p link: every turn, watched live, with no way to write", async () => {
    const { context: owner, page } = await openPage(app.browser, device);
    const sessionId = await generateFromHome(page, app.server.url, "A bakery called Crumb & Co with a menu");
    await waitForStatus(page, "completed");
    const first = await fetchSnapshot(app.server.url, sessionId, await readStoredToken(page, sessionId));
    const projectToken = await readStoredToken(page, sessionId, "projectToken");
    await page.goto(`${app.server.url}/p/${first.project_id}`);
    await page.locator('[data-testid="thread"][data-count="1"]').waitFor();
    await page.getByTestId("follow-up-input").fill("Rename to Golden Crust");
    await page.getByTestId("follow-up-submit").click();
    await page.locator('[data-testid="thread"][data-count="2"]').waitFor();
    await waitForStatus(page, "completed");

    await page.getByTestId("project-share-button").click();
    const link = await page.getByTestId("project-share-link").inputValue();
    expect(link).toMatch(new RegExp(`/p/${first.project_id}\\?view=[A-Za-z0-9_-]+$`));

    const { context: viewer, page: other } = await openPage(app.browser, device);
    const problems = collectProblems(other);
    await other.goto(link);
    await other.locator('[data-testid="thread"][data-count="2"]').waitFor();
    await other.getByTestId("viewer-badge").waitFor();
    await showPreview(other);
    await frameHeading(other).getByText("Golden Crust").waitFor({ timeout: RUN_TIMEOUT_MS });
    // The earlier turn opens too, with its own site (on a phone: back to Chat, tap the turn, then Preview).
    await showChat(other);
    await other.getByTestId("turn").first().click();
    await showPreview(other);
    await frameHeading(other).getByText("Crumb & Co").waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(new URL(other.url()).searchParams.get("view")).not.toBeNull();

    // A turn started by the owner now appears in the viewer's thread without a reload. The viewer
    // is looking at an older turn, so it stays there (only a page on the newest turn follows).
    const started = await fetch(`${app.server.url}/api/generations`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${projectToken}` },
      body: JSON.stringify({ prompt: "add a pricing section", projectId: first.project_id }),
    });
    expect(started.status).toBe(202);
    await showChat(other);
    await other.locator('[data-testid="thread"][data-count="3"]').waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await other.getByTestId("turn").first().getAttribute("aria-current")).toBe("true");
    await other.getByTestId("turn").nth(2).click();
    await waitForStatus(other, "completed");
    await other.locator('[data-testid="turn"][data-status="completed"]').nth(2).waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await hasHorizontalScroll(other)).toBe(false);
    await saveScreenshot(other, `30-shared-thread-viewer-${name}`);

    // Nothing that writes is offered, and no write token reached the viewer's browser.
    for (const id of ["follow-up-input", "follow-up-submit", "version-restore", "cancel-button", "retry-button", "project-share-button"]) {
      expect(await other.getByTestId(id).count()).toBe(0);
    }
    const stored = await other.evaluate(() => Object.keys(window.localStorage).map((k) => window.localStorage.getItem(k) ?? "").join("\n"));
    expect(stored).not.toContain(projectToken);
    expect(problems).toEqual([]);
    await viewer.close();
    await owner.close();
  });

  test("Home groups turns by project, newest first; rename and remove act on the server when this browser holds the project token", async () => {
    const { context, page } = await openPage(app.browser, device);
    const sessionId = await generateFromHome(page, app.server.url, "A tea room called Steep");
    await waitForStatus(page, "completed");
    const projectToken = await readStoredToken(page, sessionId, "projectToken");
    const { project_id: projectId } = await fetchSnapshot(app.server.url, sessionId, await readStoredToken(page, sessionId));
    // A second turn of the same project, then another project: Home groups turns by project.
    await page.getByTestId("follow-up-input").fill("Rename the site to Steep House");
    await page.getByTestId("follow-up-submit").click();
    await page.locator('[data-testid="thread"][data-count="2"]').waitFor({ timeout: RUN_TIMEOUT_MS });
    await waitForStatus(page, "completed");
    await generateFromHome(page, app.server.url, "A bakery called Crumb & Co");
    await page.goto(app.server.url);
    const rows = page.getByTestId("recent-project");
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    // Newest activity first: the bakery, then the tea room with both of its prompts in one row.
    expect(await rows.first().getAttribute("data-project-id")).not.toBe(projectId);
    expect(await rows.nth(1).getAttribute("data-project-id")).toBe(projectId);
    const row = page.locator(`[data-testid="recent-project"][data-project-id="${projectId}"]`);
    await row.getByText("2 prompts").waitFor();
    await row.getByTestId("recent-project-status").getByText("Ready").waitFor();
    await row.getByTestId("rename-project").click();
    await row.getByTestId("rename-input").fill("Steep & Co");
    await row.getByTestId("rename-save").click();
    await row.getByTestId("recent-project-name").getByText("Steep & Co").waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await saveScreenshot(page, `24-home-projects-${name}`);
    expect((await turnsOf(projectId, projectToken)).body?.name).toBe("Steep & Co");

    await row.getByTestId("remove-project").click();
    await row.getByTestId("remove-confirm").click();
    await row.waitFor({ state: "detached" });
    expect((await turnsOf(projectId, projectToken)).status).toBe(404);
    await context.close();
  });
});
