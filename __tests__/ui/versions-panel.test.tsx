import { act, fireEvent, screen, within } from "@testing-library/react";
import { truncatePrompt, VersionsPanel } from "@/components/workspace/versions-panel";
import { foldState, PROJECT, SESSION, successfulRun } from "./fixtures";
import { renderWithStore } from "./render-helpers";

const run = successfulRun();
const version = (n: number, prompt: string, restoredFrom: number | null = null) => ({
  version: n,
  sessionId: n === 2 ? SESSION : "sess_first",
  prompt,
  createdAt: new Date(Date.UTC(2026, 0, 1, 12, n)).toISOString(),
  restoredFrom,
  previewUrl: `/api/projects/${PROJECT}/versions/${n}/preview`,
});
const v1 = version(1, "A bakery called Crumb & Co with a menu");
const v2 = version(2, "add a pricing section");

type Init = RequestInit & { headers: Record<string, string> };
let fetchMock: jest.Mock;
let versions: ReturnType<typeof version>[];

/** A fake server: GET lists `versions`; restore appends a copy of the version, as the real route does. */
function serve() {
  fetchMock = jest.fn(async (url: string, init: Init = { headers: {} }) => {
    if (init.headers.authorization !== "Bearer tok_project") {
      return { ok: false, status: 401, json: async () => ({ error: { code: "UNAUTHORIZED", message: "bad token" } }) };
    }
    const restore = /\/versions\/(\d+)\/restore$/.exec(url);
    if (restore && init.method === "POST") {
      const copy = { ...version(versions.length + 1, versions[Number(restore[1]) - 1]!.prompt, Number(restore[1])) };
      versions = [...versions, copy];
      return { ok: true, status: 201, json: async () => ({ projectId: PROJECT, ...copy }) };
    }
    return { ok: true, status: 200, json: async () => ({ projectId: PROJECT, versions, total: versions.length, nextBefore: null }) };
  });
  global.fetch = fetchMock as unknown as typeof fetch;
}

beforeEach(() => {
  versions = [v1, v2];
  serve();
});

async function renderPanel(options: Parameters<typeof renderWithStore>[1] = { generation: foldState(run) }, token: string | null = "tok_project") {
  let result!: ReturnType<typeof renderWithStore>;
  await act(async () => {
    result = renderWithStore(<VersionsPanel projectToken={token} />, options);
  });
  return result;
}

const rows = () => screen.getAllByTestId("version-item");

test("lists the versions newest first with prompt, date and Open buttons", async () => {
  await renderPanel();
  const [url, init] = fetchMock.mock.calls[0] as [string, Init];
  expect(url).toBe(`/api/projects/${PROJECT}`);
  expect(init.headers.authorization).toBe("Bearer tok_project");
  expect(screen.getByTestId("versions-panel")).toHaveAttribute("data-count", "2");
  expect(rows().map((r) => r.getAttribute("data-version"))).toEqual(["2", "1"]);
  const newest = rows()[0]!;
  expect(newest).toHaveTextContent("v2");
  expect(newest).toHaveTextContent("add a pricing section");
  expect(newest).toHaveTextContent("latest");
  expect(within(newest).getByRole("time")).toHaveAttribute("dateTime", v2.createdAt);
  // No link carries the project token: Open asks for a short-lived ticket (see the next test).
  expect(within(newest).getByTestId("version-open")).not.toHaveAttribute("href");
  // The newest version cannot be restored (it would only duplicate itself); older ones can.
  expect(within(newest).queryByTestId("version-restore")).toBeNull();
  expect(within(rows()[1]!).getByTestId("version-restore")).toBeEnabled();
  expect(screen.queryByTestId("version-restored-from")).toBeNull();
});

test("Open asks for a ticket with the Bearer token and opens the ticket URL in a tab cut from the app", async () => {
  await renderPanel();
  const ticketUrl = `${v2.previewUrl}?ticket=123.abc`;
  fetchMock.mockImplementationOnce(async (url: string, init: Init) => {
    expect(url).toBe(`/api/projects/${PROJECT}/versions/2/ticket`);
    expect(init.method).toBe("POST");
    expect(init.headers.authorization).toBe("Bearer tok_project");
    return { ok: true, status: 200, json: async () => ({ url: ticketUrl, expiresAt: new Date().toISOString() }) };
  });
  const tab = { opener: {} as unknown, location: { href: "about:blank" }, close: jest.fn() };
  const open = jest.spyOn(window, "open").mockImplementation(() => tab as unknown as Window);
  await act(async () => {
    fireEvent.click(within(rows()[0]!).getByTestId("version-open"));
  });
  expect(open).toHaveBeenCalledWith("about:blank", "_blank");
  expect(tab.opener).toBeNull();
  expect(tab.location.href).toBe(ticketUrl);
  expect(ticketUrl).not.toContain("tok_project");
  open.mockRestore();
});

test("Restore posts with the Bearer token, then the list is reloaded with the copy on top", async () => {
  await renderPanel();
  await act(async () => {
    fireEvent.click(within(rows()[1]!).getByTestId("version-restore"));
  });
  const restoreCall = fetchMock.mock.calls.find(([, init]) => (init as Init | undefined)?.method === "POST") as [string, Init];
  expect(restoreCall[0]).toBe(`/api/projects/${PROJECT}/versions/1/restore`);
  expect(restoreCall[1].headers.authorization).toBe("Bearer tok_project");
  expect(fetchMock).toHaveBeenCalledTimes(3); // list, restore, list again
  expect(rows().map((r) => r.getAttribute("data-version"))).toEqual(["3", "2", "1"]);
  expect(within(rows()[0]!).getByTestId("version-restored-from")).toHaveTextContent("restored from v1");
  expect(screen.getByTestId("versions-notice")).toHaveTextContent("Restored v1 as v3");
});

test("the list reloads when the current generation completes", async () => {
  versions = [v1];
  const { store } = await renderPanel({ generation: foldState(run.slice(0, -1)) });
  expect(rows()).toHaveLength(1);
  versions = [v1, v2];
  await act(async () => {
    store.getState().receiveEvent(run.at(-1)!);
  });
  expect(fetchMock).toHaveBeenCalledTimes(2);
  expect(rows()).toHaveLength(2);
});

test("errors are shown: a refused list and a failed restore", async () => {
  await renderPanel(undefined, "tok_wrong");
  expect(screen.getByTestId("versions-error")).toHaveTextContent("bad token");
  expect(screen.getByTestId("versions-error")).toHaveTextContent("UNAUTHORIZED");
});

test("a failed restore keeps the list and says why", async () => {
  await renderPanel();
  fetchMock.mockResolvedValueOnce({ ok: false, status: 404, json: async () => ({ error: { code: "NOT_FOUND", message: "No such version" } }) });
  await act(async () => {
    fireEvent.click(within(rows()[1]!).getByTestId("version-restore"));
  });
  expect(screen.getByTestId("versions-action-error")).toHaveTextContent("No such version (NOT_FOUND)");
  expect(rows()).toHaveLength(2);
});

test("answers that do not match the protocol are rejected, not drawn", async () => {
  fetchMock.mockResolvedValueOnce({ ok: true, status: 200, json: async () => ({ projectId: PROJECT, versions: [{ ...v1, version: "one" }] }) });
  await renderPanel();
  expect(screen.getByTestId("versions-error")).toHaveTextContent("BAD_RESPONSE");
  expect(screen.queryByTestId("version-item")).toBeNull();
});

test("nothing for viewers or without a project token, and no request is made", async () => {
  const viewer = await renderPanel({ generation: foldState(run), role: "viewer" });
  expect(screen.queryByTestId("versions-panel")).toBeNull();
  viewer.unmount();
  await renderPanel(undefined, null);
  expect(screen.queryByTestId("versions-panel")).toBeNull();
  expect(fetchMock).not.toHaveBeenCalled();
});

test("long prompts are cut to one short line", () => {
  expect(truncatePrompt("short")).toBe("short");
  const cut = truncatePrompt(`${"word ".repeat(40)}\nend`, 20);
  expect(cut.length).toBeLessThanOrEqual(20);
  expect(cut.endsWith("…")).toBe(true);
});

describe("diffFile (version compare)", () => {
  const { diffFile } = jest.requireActual<typeof import("@/components/workspace/version-compare")>("@/components/workspace/version-compare");
  test("counts added and removed lines, with context around the change", () => {
    const diff = diffFile("<h1>Crumb</h1>\n<p>a</p>\n<p>b</p>\n", "<h1>Golden Crust</h1>\n<p>a</p>\n<p>b</p>\n");
    expect(diff).toMatchObject({ added: 1, removed: 1 });
    expect(diff.hunks[0]!.lines).toEqual(["-<h1>Crumb</h1>", "+<h1>Golden Crust</h1>", " <p>a</p>", " <p>b</p>"]);
    expect(diffFile("same\n", "same\n").hunks).toHaveLength(0);
  });
});
