import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { LivePreview, PREVIEW_FRAME_SRC } from "@/components/workspace/live-preview";
import { FRAME_MESSAGE_SOURCE, PARENT_MESSAGE_SOURCE, PREVIEW_PROTOCOL_VERSION } from "@/lib/protocol/preview-frame";
import { failedRun, foldState, initialState, SESSION, successfulRun } from "./fixtures";
import { renderWithStore } from "./render-helpers";

const run = successfulRun();
const frame = () => screen.getByTestId("preview-frame") as HTMLIFrameElement;

/** Simulates a message arriving from `source` (the frame's window unless told otherwise). */
function receive(data: unknown, source: Window | null = frame().contentWindow) {
  act(() => {
    window.dispatchEvent(new MessageEvent("message", { data, source }));
  });
}
const ready = { source: FRAME_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "ready", instance: "boot-1" };

function spyOnFrame() {
  const win = frame().contentWindow!;
  return jest.spyOn(win, "postMessage").mockImplementation(() => undefined);
}

test("the frame is sandboxed with exactly allow-scripts and allow-forms (never allow-same-origin)", () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run.slice(0, 4)) });
  expect(frame().getAttribute("sandbox")).toBe("allow-scripts allow-forms");
  expect(frame().getAttribute("sandbox")).not.toMatch(/allow-same-origin/);
  expect(frame().getAttribute("src")).toBe(PREVIEW_FRAME_SRC);
});

test("queued: an empty state, no links, frame already mounted", () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: initialState() });
  expect(screen.getByTestId("preview-empty")).toBeInTheDocument();
  expect(screen.queryByTestId("open-preview")).toBeNull();
  expect(screen.queryByTestId("download-zip")).toBeNull();
  expect(frame()).toBeInTheDocument();
});

test("running: after the frame says ready it receives the latest version without running the script", () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run.slice(0, 8)) });
  const post = spyOnFrame();
  receive(ready);
  expect(post).toHaveBeenCalledTimes(1);
  expect(post.mock.calls[0]![0]).toMatchObject({
    source: PARENT_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "render", version: 2, html: "<h1>Crumb &amp; Co v2</h1>", runScript: false,
  });
  expect(screen.getByTestId("open-preview")).toHaveAttribute("href", `/preview/${SESSION}`);
  // The zip is fetched with the token in a header: no link carries it.
  expect(screen.getByTestId("download-zip")).not.toHaveAttribute("href");
});

test("Download zip fetches with the Bearer token and saves a blob (the token is in no URL)", async () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run) });
  const fetchMock = jest.fn(async () => ({ ok: true, status: 200, headers: { get: () => 'attachment; filename="site.zip"' }, blob: async () => new Blob(["zip"]) }));
  global.fetch = fetchMock as unknown as typeof fetch;
  const saved: string[] = [];
  URL.createObjectURL = jest.fn(() => "blob:zip");
  URL.revokeObjectURL = jest.fn();
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(`${this.href} ${this.download}`);
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId("download-zip"));
  });
  await waitFor(() => expect(saved).toEqual(["blob:zip site.zip"]));
  const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit & { headers: Record<string, string> }];
  expect(url).toBe(`/api/generations/${SESSION}/download`);
  expect(init.headers.authorization).toBe("Bearer tok");
  click.mockRestore();
});

test("new versions are posted to the same frame (no reload): the src never changes", () => {
  const { store } = renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run.slice(0, 4)) });
  const post = spyOnFrame();
  receive(ready);
  const before = frame();
  for (const event of run.slice(4)) {
    act(() => {
      store.getState().receiveEvent(event);
    });
  }
  expect(frame()).toBe(before);
  expect(frame().getAttribute("src")).toBe(PREVIEW_FRAME_SRC);
  const versions = post.mock.calls.map(([m]) => (m as { version: number }).version);
  expect(versions).toEqual([1, 2, 3, 3]);
  // The last one runs the script: the generation completed.
  expect(post.mock.calls.at(-1)![0]).toMatchObject({ version: 3, runScript: true });
});

test("completed: the script runs; failed: it never does", () => {
  const { unmount } = renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run) });
  let post = spyOnFrame();
  receive(ready);
  expect(post.mock.calls[0]![0]).toMatchObject({ runScript: true });
  unmount();
  renderWithStore(<LivePreview sessionId={SESSION} token={null} />, { generation: foldState(failedRun()) });
  post = spyOnFrame();
  receive(ready);
  expect(post.mock.calls[0]![0]).toMatchObject({ version: 1, runScript: false });
  expect(screen.queryByTestId("download-zip")).toBeNull();
});

test("a repeated ready from the same runtime is not a reload; a new runtime gets everything again", () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run.slice(0, 4)) });
  const post = spyOnFrame();
  receive(ready);
  receive(ready);
  expect(post).toHaveBeenCalledTimes(1);
  expect(screen.getByTestId("live-preview")).toHaveAttribute("data-frame-loads", "1");
  receive({ ...ready, instance: "boot-2" });
  expect(post).toHaveBeenCalledTimes(2);
  expect(screen.getByTestId("live-preview")).toHaveAttribute("data-frame-loads", "2");
});

test("messages from any other window, or malformed ones, are ignored", () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run.slice(0, 4)) });
  const post = spyOnFrame();
  receive(ready, window);
  receive(ready, null);
  receive({ ...ready, v: 2 });
  receive({ type: "ready" });
  expect(post).not.toHaveBeenCalled();
  expect(screen.getByTestId("live-preview")).toHaveAttribute("data-frame-loads", "0");
  receive({ source: FRAME_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "script-error", message: "x is not defined" });
  expect(screen.getByTestId("site-reports")).toHaveTextContent("x is not defined");
  expect(screen.getByTestId("site-reports")).toHaveTextContent("from the site's code, not from OpenV0");
});

test("fifty forged readies from new 'instances' re-send the site once, not fifty times", () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run.slice(0, 8)) });
  const post = spyOnFrame();
  for (let i = 0; i < 50; i++) receive({ ...ready, instance: `forged-${i}` });
  // The ready budget (3 at once, then 1 a second) lets 3 starts through; the first gets the site,
  // one restart gets it again, and nothing more goes out whatever the frame claims.
  expect(screen.getByTestId("live-preview")).toHaveAttribute("data-frame-loads", "3");
  expect(post).toHaveBeenCalledTimes(2);
});

test("a flood that spent the budgets before the frame reloaded does not keep its new runtime unheard (issue 21 finding 6)", () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run.slice(0, 8)) });
  const post = spyOnFrame();
  receive(ready);
  // Malformed "ready"s spend the ready budget (it is checked before parsing) and are refused.
  for (let i = 0; i < 50; i++) receive({ source: FRAME_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "ready" });
  // The reloaded document's runtime says "ready" before its load event: refused with the flood.
  const restarted = { ...ready, instance: "boot-2" };
  receive(restarted);
  const section = screen.getByTestId("live-preview");
  expect(section).toHaveAttribute("data-frame-loads", "1");
  // The new document's load gives it fresh budgets and asks its runtime again.
  fireEvent.load(frame());
  expect(post).toHaveBeenLastCalledWith(expect.objectContaining({ source: PARENT_MESSAGE_SOURCE, type: "hello" }), "*");
  receive(restarted);
  expect(section).toHaveAttribute("data-frame-loads", "2");
  expect(post).toHaveBeenLastCalledWith(expect.objectContaining({ type: "render", version: 2 }), "*");
});

test("a flood of frame messages is cut off and counted; a 'rendered' for a version never sent is refused", async () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run.slice(0, 8)) });
  spyOnFrame();
  receive(ready);
  receive({ source: FRAME_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "rendered", version: 99, scriptRan: true });
  const section = screen.getByTestId("live-preview");
  expect(section).toHaveAttribute("data-rendered-version", "0");
  // Counted on the frame element (once the messages' task is over), not in React state: a refusal costs no render.
  await waitFor(() => expect(frame()).toHaveAttribute("data-refused", "1"));
  for (let i = 0; i < 200; i++) {
    receive({ source: FRAME_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "script-error", message: `Session expired, log in at evil.example ${i}` });
  }
  // The budget let a burst through (then dropped the rest), and only the newest five distinct ones are kept.
  await waitFor(() => expect(Number(frame().getAttribute("data-refused"))).toBeGreaterThan(150));
  expect(screen.getAllByTestId("site-report")).toHaveLength(5);
  expect(screen.getByTestId("site-reports").querySelector("a")).toBeNull();
});

test("Fix it hands the newest site error to the follow-up callback", () => {
  const onFix = jest.fn();
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" onFixSiteError={onFix} />, { generation: foldState(run) });
  receive({ source: FRAME_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "script-error", message: "menu is null" });
  fireEvent.click(screen.getByTestId("fix-site-error"));
  expect(onFix).toHaveBeenCalledWith("menu is null");
});

test("Preview/Code tabs follow the arrow keys with one tab stop", async () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run) });
  const previewTab = screen.getByTestId("tab-preview");
  expect(previewTab).toHaveAttribute("tabindex", "0");
  expect(screen.getByTestId("tab-code")).toHaveAttribute("tabindex", "-1");
  await act(async () => {
    fireEvent.keyDown(previewTab, { key: "ArrowRight" });
  });
  expect(screen.getByTestId("tab-code")).toHaveAttribute("aria-selected", "true");
  expect(screen.getByTestId("tab-code")).toHaveFocus();
  await screen.findByTestId("code-content");
  expect(screen.getByTestId("code-line-numbers").textContent).toMatch(/^1/);
  fireEvent.click(screen.getByTestId("code-wrap"));
  expect(screen.getByTestId("code-content")).toHaveAttribute("data-wrap", "true");
});

test("during a follow-up the base version is shown until the edit writes its own", () => {
  const base = foldState(run).preview!;
  const { store } = renderWithStore(<LivePreview sessionId={SESSION} token="tok" basePreview={{ sessionId: "base_session", preview: base }} />, {
    generation: initialState(),
  });
  const post = spyOnFrame();
  receive(ready);
  expect(screen.queryByTestId("preview-empty")).toBeNull();
  expect(screen.getByTestId("live-preview")).toHaveAttribute("data-showing", "base");
  expect(post.mock.calls[0]![0]).toMatchObject({ epoch: "base_session", version: base.version, runScript: false });
  for (const event of run.slice(0, 4)) {
    act(() => {
      store.getState().receiveEvent(event);
    });
  }
  expect(screen.getByTestId("live-preview")).toHaveAttribute("data-showing", "own");
  expect(post.mock.calls.at(-1)![0]).toMatchObject({ epoch: SESSION, version: 1 });
});

test("viewport toggle and code tab keep the frame mounted", async () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run) });
  const original = frame();
  fireEvent.click(screen.getByTestId("viewport-mobile"));
  expect(original.parentElement).toHaveStyle({ width: "375px" });
  fireEvent.click(screen.getByTestId("viewport-tablet"));
  expect(original.parentElement).toHaveStyle({ width: "768px" });
  await act(async () => {
    fireEvent.click(screen.getByTestId("tab-code"));
  });
  expect(frame()).toBe(original);
});

test("the code tab shows highlighted html, css and js", async () => {
  renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: foldState(run) });
  // The code view is lazy-loaded: let its import settle inside act.
  await act(async () => {
    fireEvent.click(screen.getByTestId("tab-code"));
  });
  const code = await screen.findByTestId("code-content");
  expect(code).toHaveTextContent("<h1>Crumb &amp; Co v3</h1>");
  expect(code.querySelector(".hljs-tag")).not.toBeNull();
  fireEvent.click(screen.getByRole("tab", { name: "styles.css" }));
  expect(screen.getByTestId("code-content")).toHaveTextContent("h1{color:green}");
  fireEvent.click(screen.getByRole("tab", { name: "script.js" }));
  expect(screen.getByTestId("code-content")).toHaveTextContent("console.log('hi')");
});

test("preview:error: the empty frame says why there is no preview, until one arrives", () => {
  const { store } = renderWithStore(<LivePreview sessionId={SESSION} token="tok" />, { generation: initialState() });
  act(() => {
    store.getState().receiveEvent({
      type: "preview:error",
      data: { seq: 1, session_id: SESSION, timestamp: "2026-01-01T12:00:01.000Z", error_code: "INVALID_OUTPUT", error_message: "No preview: the generation stopped before any part of the site was written." },
    });
  });
  expect(screen.getByTestId("preview-error")).toHaveTextContent("No preview");
  act(() => {
    for (const event of run.slice(0, 4)) store.getState().receiveEvent({ ...event, data: { ...event.data, seq: event.data.seq + 1 } } as typeof event);
  });
  expect(screen.queryByTestId("preview-error")).toBeNull();
});
