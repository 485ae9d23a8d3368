import {
  applyPreviewOps,
  createInitialState,
  diffPreviewFiles,
  parseSessionEvent,
  reduceSessionEvent,
  type GenerationState,
  type PreviewFiles,
  type SessionEvent,
} from "@/lib/protocol";
import { repairPartialHtml } from "@/lib/server/engines/openai/html-repair";

const ts = "2026-11-26T10:00:00.000Z";
const sid = "sess_delta";
const files = (html: string, css = "", js = ""): PreviewFiles => ({ html, css, js });

/** A deterministic pseudo-random generator, so failures reproduce. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe("diffPreviewFiles / applyPreviewOps", () => {
  test("growing text is a single append carrying only the new text", () => {
    expect(diffPreviewFiles(files("<p>Hel"), files("<p>Hello"))).toEqual([{ file: "html", op: "append", text: "lo" }]);
  });

  test("a changed closing suffix is a splice of the new text in front of the kept suffix", () => {
    const before = repairPartialHtml("<main><section><p>Hello wor");
    const after = repairPartialHtml("<main><section><p>Hello world</p><p>More");
    const ops = diffPreviewFiles(files(before), files(after));
    expect(ops).toHaveLength(1);
    const op = ops[0]!;
    expect(op.op).toBe("splice");
    // Only the new words and a few bytes of tags travel, not the page.
    expect(op.text.length).toBeLessThan("ld</p><p>More</p>".length + 4);
    expect(applyPreviewOps(files(before), ops)).toEqual(files(after));
  });

  test("identical files give no ops; each changed file gets its own op", () => {
    expect(diffPreviewFiles(files("a", "b", "c"), files("a", "b", "c"))).toEqual([]);
    const ops = diffPreviewFiles(files("a", "b", ""), files("a!", "b", "x"));
    expect(ops.map((o) => o.file)).toEqual(["html", "js"]);
  });

  test("never splits a surrogate pair (an emoji changed into another with the same high half)", () => {
    const a = files("cake 🍰 ok");
    const b = files("cake 🍩 ok");
    const ops = diffPreviewFiles(a, b);
    // A lone surrogate would be a high (D800–DBFF) or low (DC00–DFFF) half without its partner.
    for (const op of ops) expect(op.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(applyPreviewOps(a, ops)).toEqual(b);
  });

  test("random edits round-trip exactly", () => {
    const next = random(42);
    const alphabet = ["<p>", "</p>", "a", "b", "🍰", " ", "&amp;", "<div>"];
    let current = files("", "", "");
    for (let i = 0; i < 500; i++) {
      const target = { ...current };
      for (const file of ["html", "css", "js"] as const) {
        if (next() < 0.5) continue;
        const text = target[file];
        const at = Math.floor(next() * (text.length + 1));
        const cut = Math.floor(next() * 4);
        const insert = Array.from({ length: Math.floor(next() * 4) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
        target[file] = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
      }
      const ops = diffPreviewFiles(current, target);
      expect(applyPreviewOps(current, ops)).toEqual(target);
      current = target;
    }
  });

  test("an op that does not fit the files is refused, not applied", () => {
    expect(applyPreviewOps(files("abc"), [{ file: "html", op: "splice", start: 2, delete_count: 5, text: "x" }])).toBeNull();
  });
});

describe("preview:delta in the contract and the reducer", () => {
  const snapshot = (seq: number, version: number, html: string): SessionEvent => ({
    type: "preview:updated",
    data: { seq, session_id: sid, timestamp: ts, step_id: "structure", preview_url: `/preview/${sid}`, html_content: html, css_content: "", js_content: "", version, metadata: {} },
  });
  const delta = (seq: number, base: number, text: string, progress?: number): SessionEvent => ({
    type: "preview:delta",
    data: { seq, session_id: sid, timestamp: ts, step_id: "structure", base_version: base, version: base + 1, ops: [{ file: "html", op: "append", text }], progress },
  });
  const fold = (events: SessionEvent[]) => events.reduce(reduceSessionEvent, createInitialState(sid, "proj"));

  test("the schema accepts a delta and rejects malformed ones", () => {
    const good = delta(2, 1, "x").data;
    expect(parseSessionEvent("preview:delta", good)?.type).toBe("preview:delta");
    expect(parseSessionEvent("preview:delta", { ...good, ops: [] })).toBeNull();
    expect(parseSessionEvent("preview:delta", { ...good, base_version: 0 })).toBeNull();
    expect(parseSessionEvent("preview:delta", { ...good, ops: [{ file: "php", op: "append", text: "x" }] })).toBeNull();
    expect(parseSessionEvent("preview:delta", { ...good, ops: [{ file: "html", op: "splice", start: -1, delete_count: 0, text: "" }] })).toBeNull();
  });

  test("applies a delta to the version it was built on", () => {
    const state = fold([snapshot(1, 1, "<p>a"), delta(2, 1, "b"), delta(3, 2, "c", 12.5)]);
    expect(state.preview).toMatchObject({ version: 3, html_content: "<p>abc" });
    expect(state.progress).toBe(12.5);
    expect(state.last_seq).toBe(3);
  });

  test("ignores a delta for another version until the next snapshot corrects it", () => {
    const missed: GenerationState = fold([snapshot(1, 1, "<p>a"), delta(3, 2, "c")]);
    expect(missed.preview).toMatchObject({ version: 1, html_content: "<p>a" });
    expect(missed.last_seq).toBe(3);
    expect(fold([snapshot(1, 1, "<p>a"), delta(2, 5, "x")]).preview?.html_content).toBe("<p>a");
    expect(fold([delta(1, 1, "x")]).preview).toBeNull();
    const corrected = reduceSessionEvent(missed, snapshot(4, 4, "<p>abcd"));
    expect(corrected.preview).toMatchObject({ version: 4, html_content: "<p>abcd" });
  });

  test("progress from a delta never lowers progress", () => {
    const state = fold([snapshot(1, 1, "a"), delta(2, 1, "b", 40), delta(3, 2, "c", 10)]);
    expect(state.progress).toBe(40);
  });
});
