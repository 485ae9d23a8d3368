import { act, renderHook, waitFor } from "@testing-library/react";
import { CODE_MAX_CHARS } from "@/lib/protocol";
import { readCodeDraft, writeCodeDraft } from "@/lib/client/code-draft";
import { useCodeDraft } from "@/lib/client/use-code-draft";

/*
 * The code editor's draft (issue 18 item 4): it follows the typing into the frame (debounced,
 * each rendering newer than the last) and into localStorage per project and version, warns
 * before unload while unsaved, comes back after a reload, and Save sends the latest text.
 */
const BASE = { html: "<h1>Hi</h1>", css: "h1{color:red}", js: "" };

function renderDraft(onSave = jest.fn(async () => null as string | null), versionKey = "s1") {
  return renderHook((props: { versionKey: string }) => useCodeDraft({ projectId: "p1", versionKey: props.versionKey, base: BASE, onSave }), { initialProps: { versionKey } });
}

beforeEach(() => localStorage.clear());

test("typing reaches the frame and storage debounced; discard puts the version back as a newer rendering", async () => {
  const { result } = renderDraft();
  expect(result.current.draft).toBeNull();
  act(() => result.current.open());
  expect(result.current.dirty).toBe(false);
  act(() => result.current.change("css", "h1{color:blue}"));
  act(() => result.current.change("css", "h1{color:green}"));
  await waitFor(() => expect(result.current.frame?.files.css).toBe("h1{color:green}"));
  // Two keystrokes inside one pause: one rendering.
  expect(result.current.frame?.seq).toBe(1);
  expect(result.current.dirty).toBe(true);
  expect(readCodeDraft("p1", "s1")).toEqual({ ...BASE, css: "h1{color:green}" });

  act(() => result.current.discard());
  expect(result.current.draft).toBeNull();
  expect(result.current.frame).toEqual({ seq: 2, files: BASE });
  expect(readCodeDraft("p1", "s1")).toBeNull();
});

test("a dirty draft warns before unload; none does not", async () => {
  const { result } = renderDraft();
  act(() => result.current.open());
  const unload = () => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  expect(unload()).toBe(false);
  act(() => result.current.change("html", "<h1>Changed</h1>"));
  await waitFor(() => expect(result.current.dirty).toBe(true));
  expect(unload()).toBe(true);
});

test("a stored draft of this version comes back (restored, shown in the frame); another version's does not", () => {
  writeCodeDraft("p1", "s1", { ...BASE, css: "h1{color:purple}" });
  const { result, rerender } = renderDraft();
  expect(result.current.restored).toBe(true);
  expect(result.current.draft?.css).toBe("h1{color:purple}");
  expect(result.current.frame?.files.css).toBe("h1{color:purple}");
  rerender({ versionKey: "s2" });
  expect(result.current.draft).toBeNull();
  expect(result.current.frame).toBeNull();
});

test("junk in storage is dropped, not restored", () => {
  localStorage.setItem("openv0:code-draft:p1:s1", JSON.stringify({ html: 1, css: "", js: "", savedAt: Date.now() }));
  expect(readCodeDraft("p1", "s1")).toBeNull();
  expect(localStorage.getItem("openv0:code-draft:p1:s1")).toBeNull();
  localStorage.setItem("openv0:code-draft:p1:s1", "{not json");
  expect(readCodeDraft("p1", "s1")).toBeNull();
});

test("Save sends the latest text (even inside the pause), clears the draft; a refused save keeps it with the reason", async () => {
  const onSave = jest.fn(async () => "The project has no version to edit yet" as string | null);
  const { result } = renderDraft(onSave);
  act(() => result.current.open());
  act(() => result.current.change("css", "h1{color:teal}"));
  await act(() => result.current.save());
  expect(onSave).toHaveBeenLastCalledWith({ ...BASE, css: "h1{color:teal}" });
  expect(result.current.error).toBe("The project has no version to edit yet");
  expect(result.current.draft?.css).toBe("h1{color:teal}");

  onSave.mockImplementation(async () => null);
  await act(() => result.current.save());
  expect(result.current.draft).toBeNull();
  expect(readCodeDraft("p1", "s1")).toBeNull();
  // The frame keeps the saved code until the new version lands.
  expect(result.current.frame?.files.css).toBe("h1{color:teal}");
});

test("a file too long for one save is refused in the browser with the figures", async () => {
  const onSave = jest.fn(async () => null as string | null);
  const { result } = renderDraft(onSave);
  act(() => result.current.open());
  act(() => result.current.change("css", "x".repeat(CODE_MAX_CHARS + 1)));
  await act(() => result.current.save());
  expect(onSave).not.toHaveBeenCalled();
  expect(result.current.error).toMatch(/styles\.css is 200,001 characters; one save takes at most 200,000/);
});
