import { act, fireEvent, screen } from "@testing-library/react";
import { compactPreviewDelta, sessionEventTypes, type PreviewDelta } from "@/lib/protocol";
import { LivePreview } from "@/components/workspace/live-preview";
import { FRAME_MESSAGE_SOURCE, PREVIEW_PROTOCOL_VERSION } from "@/lib/protocol/preview-frame";
import { useWebSocket } from "@/lib/client/use-web-socket";
import { foldState, SESSION, snapshotBody, successfulRun } from "./fixtures";
import { FakeSocket, mockFetchJson, renderWithStore } from "./render-helpers";

/*
 * `preview:delta` end to end in the browser code: socket listener → validated event → store
 * (the protocol's reducer applies the ops) → LivePreview posts the new text to its frame.
 */

let fake: FakeSocket;
jest.mock("socket.io-client", () => ({ io: () => fake }));
/** Delivers a server event to the page's socket, inside act (it re-renders). */
const fire = (event: string, data: unknown) => act(() => fake.fire(event, data));

const run = successfulRun();
const snapshot = run[3]!; // preview:updated, version 1: "<h1>Crumb &amp; Co v1</h1>"
const at = (seq: number) => new Date(Date.UTC(2026, 0, 1, 12, 1, seq)).toISOString();
const delta = (seq: number, fields: Pick<PreviewDelta, "base_version" | "version" | "ops">): PreviewDelta => ({
  seq, session_id: SESSION, timestamp: at(seq), step_id: "layout", progress: 40, ...fields,
});

function Harness() {
  useWebSocket({ sessionId: SESSION, token: "tok_owner" });
  return <LivePreview sessionId={SESSION} token="tok_owner" />;
}

const frame = () => screen.getByTestId("preview-frame") as HTMLIFrameElement;
const posted = (post: jest.SpyInstance) => post.mock.calls.map(([m]) => m as { version: number; html: string; css: string });

/** Renders the workspace before any preview, then has its frame say "ready" (what it posts is recorded). */
async function mountReadyFrame() {
  let store!: ReturnType<typeof renderWithStore>["store"];
  await act(async () => {
    store = renderWithStore(<Harness />, { generation: foldState(run.slice(0, 3)) }).store;
  });
  const post = jest.spyOn(frame().contentWindow!, "postMessage").mockImplementation(() => undefined);
  act(() => {
    window.dispatchEvent(new MessageEvent("message", {
      data: { source: FRAME_MESSAGE_SOURCE, v: PREVIEW_PROTOCOL_VERSION, type: "ready", instance: "boot-1" },
      source: frame().contentWindow,
    }));
  });
  return { store, post };
}

beforeEach(() => {
  fake = new FakeSocket();
  const body = snapshotBody(run.slice(0, 3), at(0));
  mockFetchJson(() => body);
});

test("the socket hook listens to every session event type, preview:delta included", async () => {
  await act(async () => {
    renderWithStore(<Harness />, { generation: foldState(run.slice(0, 3)) });
  });
  expect(sessionEventTypes).toContain("preview:delta");
  for (const type of sessionEventTypes) expect(fake.handlers.get(type)?.size).toBe(1);
  expect(fake.handlers.get("preview:patch")?.size).toBe(1);
});

test("a snapshot then deltas: the frame receives the grown page, the code view shows it", async () => {
  const { store, post } = await mountReadyFrame();

  fire(snapshot.type, snapshot.data);
  fire("preview:delta", delta(5, { base_version: 1, version: 2, ops: [{ file: "html", op: "append", text: "<p>Fresh bread daily</p>" }] }));
  // The streamed page's tail is replaced in place, and the stylesheet grows in the same delta.
  fire("preview:delta", delta(6, {
    base_version: 2, version: 3,
    ops: [
      { file: "html", op: "splice", start: "<h1>Crumb &amp; Co v1</h1><p>Fresh bread ".length, delete_count: "daily</p>".length, text: "every morning</p>" },
      { file: "css", op: "append", text: "p{margin:0}" },
    ],
  }));

  expect(posted(post).map((m) => m.version)).toEqual([1, 2, 3]);
  expect(posted(post).every((m) => (m as unknown as { epoch: string }).epoch === SESSION)).toBe(true);
  expect(posted(post)[1]!.html).toBe("<h1>Crumb &amp; Co v1</h1><p>Fresh bread daily</p>");
  expect(posted(post)[2]).toMatchObject({ html: "<h1>Crumb &amp; Co v1</h1><p>Fresh bread every morning</p>", css: "h1{color:green}p{margin:0}" });
  expect(store.getState().generation).toMatchObject({ last_seq: 6, progress: 40, preview: { version: 3, step_id: "layout" } });

  // A delta for a version this client does not hold is skipped; the next full snapshot corrects it.
  fire("preview:delta", delta(7, { base_version: 9, version: 10, ops: [{ file: "html", op: "append", text: "<p>lost</p>" }] }));
  expect(store.getState().generation.preview?.version).toBe(3);
  expect(posted(post)).toHaveLength(3);

  await act(async () => {
    fireEvent.click(screen.getByTestId("tab-code"));
  });
  expect(await screen.findByTestId("code-content")).toHaveTextContent("Fresh bread every morning");
});

test("compact live deltas (preview:patch) reach the frame like full ones; a malformed one is refused", async () => {
  const { store, post } = await mountReadyFrame();
  const emit = jest.spyOn(fake, "emit");

  fire(snapshot.type, snapshot.data);
  const full = delta(5, { base_version: 1, version: 2, ops: [{ file: "html", op: "append", text: "<p>Fresh bread daily</p>" }] });
  fire("preview:patch", JSON.parse(JSON.stringify(compactPreviewDelta(full))));
  expect(posted(post).map((m) => m.version)).toEqual([1, 2]);
  expect(posted(post)[1]!.html).toBe("<h1>Crumb &amp; Co v1</h1><p>Fresh bread daily</p>");
  expect(store.getState().generation).toMatchObject({ last_seq: 5, progress: 40, preview: { version: 2, updated_at: full.timestamp } });

  fire("preview:patch", [6, 3, 0, "layout", null, ["x", "<script>"]]);
  expect(store.getState().generation.last_seq).toBe(5);
  expect(emit).toHaveBeenCalledWith("log_event", { event_type: "client:invalid_event", data: { type: "preview:patch" } });
});
