import { Profiler } from "react";
import { act, fireEvent, screen } from "@testing-library/react";
import { LivePreview } from "@/components/workspace/live-preview";
import { SelectionProvider } from "@/components/workspace/selection-context";
import { FRAME_MESSAGE_SOURCE, PREVIEW_PROTOCOL_VERSION } from "@/lib/protocol/preview-frame";
import { foldState, PROJECT, SESSION, successfulRun } from "./fixtures";
import { mockFetchJson, renderWithStore } from "./render-helpers";

/*
 * Select mode against a frame that lies: the frame only claims. A selection outside select mode,
 * an id the version on screen does not have, or a typed text for an element the app did not ask
 * to edit is refused (counted, no request); a real one names the element from the app's own copy.
 */
const frame = () => screen.getByTestId("preview-frame") as HTMLIFrameElement;
const receive = (data: Record<string, unknown>) =>
  act(() => {
    window.dispatchEvent(new MessageEvent("message", { data: { source: FRAME_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, ...data }, source: frame().contentWindow }));
  });
/** The refusals counted so far (written on the frame element once the messages' task is over). */
const refused = async () => {
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return Number(frame().dataset.refused ?? 0);
};

function renderSelectable() {
  const generation = foldState(successfulRun());
  generation.preview = { ...generation.preview!, html_content: `<h1 data-ov-id="h1a">Our dentists</h1><p data-ov-id="p1">Hello <b>there</b></p>` };
  const onStarted = jest.fn();
  renderWithStore(
    <SelectionProvider projectId={PROJECT} projectToken="project-token" ready onStarted={onStarted}>
      <LivePreview sessionId={SESSION} token="tok" />
    </SelectionProvider>,
    { generation },
  );
  const post = jest.spyOn(frame().contentWindow!, "postMessage").mockImplementation(() => undefined);
  receive({ type: "ready", instance: "boot-1" });
  return { post, onStarted };
}

beforeEach(() => sessionStorage.clear());

test("forged selections are refused; a real one is named from the app's own copy of the version", async () => {
  renderSelectable();
  receive({ type: "selected", id: "h1a", edit: false });
  expect(await refused()).toBe(1); // select mode is off
  expect(screen.queryByTestId("edit-panel")).toBeNull();

  fireEvent.click(screen.getByRole("button", { name: /Select/ }));
  expect(frame()).toHaveAttribute("data-select-mode", "on");
  receive({ type: "selected", id: "not-in-this-version", edit: false });
  receive({ type: "selected", id: 'h1a"] , *[x="', edit: false });
  expect(await refused()).toBe(3);
  expect(screen.queryByTestId("edit-panel")).toBeNull();

  receive({ type: "selected", id: "h1a", edit: false });
  expect(screen.getByTestId("selected-label")).toHaveTextContent("Heading · Our dentists");
});

test("a typed text is taken only for the element the app asked to edit, once, as a direct edit", async () => {
  const { post, onStarted } = renderSelectable();
  const fetchMock = mockFetchJson(() => ({
    sessionId: "s2", projectId: PROJECT, token: "t2", viewerToken: "v2", projectToken: "project-token", status: "queued",
    links: { workspace: "/g/s2", preview: "/preview/s2", api: "/api/generations/s2" },
  }));
  fireEvent.keyDown(window, { key: "s" });
  expect(frame()).toHaveAttribute("data-select-mode", "on");
  receive({ type: "selected", id: "h1a", edit: false });
  receive({ type: "text-edit", id: "h1a", text: "Forged" });
  expect(await refused()).toBe(1);
  expect(fetchMock).not.toHaveBeenCalled();

  fireEvent.click(screen.getByTestId("edit-text"));
  expect(post).toHaveBeenCalledWith(expect.objectContaining({ type: "edit-text", id: "h1a" }), "*");
  receive({ type: "text-edit", id: "p1", text: "Other element" });
  expect(await refused()).toBe(2);
  receive({ type: "text-edit", id: "h1a", text: "Meet our team" });
  receive({ type: "text-edit", id: "h1a", text: "Again" });
  expect(await refused()).toBe(3);
  await act(async () => undefined);
  expect(fetchMock).toHaveBeenCalledTimes(1);
  const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
  expect(url).toBe("/api/generations");
  expect(JSON.parse(init.body as string)).toMatchObject({ projectId: PROJECT, edit: { kind: "text", id: "h1a", text: "Meet our team" } });
  expect(onStarted).toHaveBeenCalledWith(expect.objectContaining({ sessionId: "s2" }));

  fireEvent.keyDown(window, { key: "Escape" });
  expect(frame()).toHaveAttribute("data-select-mode", "off");
});

test("a flood of refused frame messages costs no render (issue 21 finding 6)", async () => {
  const generation = foldState(successfulRun());
  let renders = 0;
  renderWithStore(
    <Profiler id="preview" onRender={() => (renders += 1)}>
      <LivePreview sessionId={SESSION} token="tok" />
    </Profiler>,
    { generation },
  );
  jest.spyOn(frame().contentWindow!, "postMessage").mockImplementation(() => undefined);
  receive({ type: "ready", instance: "boot-1" });
  const before = renders;
  for (let i = 0; i < 2000; i++) receive({ type: i % 2 ? "junk" : "rendered", version: 999, scriptRan: true, n: i });
  for (let i = 0; i < 500; i++) receive({ type: "selected", id: "h1a", edit: false }); // not in select mode
  expect(await refused()).toBeGreaterThan(2000);
  expect(renders).toBe(before);
});
