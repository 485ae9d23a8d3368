import {
  compactPreviewDelta,
  createInitialState,
  expandPreviewPatch,
  reduceSessionEvent,
  sessionEventSchema,
  type PreviewDelta,
  type SessionEvent,
} from "@/lib/protocol";

/*
 * `preview:patch` is the compact live form of a `preview:delta`: it must expand back to exactly
 * the same event (so the fold is identical), be much smaller, and anything it cannot carry
 * exactly stays a full delta. The client validates what it expands; garbage is refused.
 */

const SESSION = "sess_preview_patch_000001";

const delta = (overrides: Partial<PreviewDelta> = {}): PreviewDelta =>
  sessionEventSchema.parse({
    type: "preview:delta",
    data: {
      seq: 42, session_id: SESSION, timestamp: "2026-11-28T10:00:01.234Z", step_id: "content",
      base_version: 6, version: 7, progress: 48.5,
      ops: [
        { file: "html", op: "splice", start: 120, delete_count: 12, text: '<p class="lead">Fresh "bread" 🍞</p></main>' },
        { file: "css", op: "append", text: "p{margin:0}" },
        { file: "js", op: "append", text: "" },
      ],
      ...overrides,
    },
  }).data as PreviewDelta;

test("a delta round-trips through its compact form to the identical event", () => {
  const full = delta();
  const patch = compactPreviewDelta(full);
  expect(patch).not.toBeNull();
  const expanded = expandPreviewPatch(SESSION, JSON.parse(JSON.stringify(patch)));
  expect(expanded).toEqual({ type: "preview:delta", data: full });
});

test("the compact form is far smaller than the full delta's envelope", () => {
  const full = delta({ ops: [{ file: "html", op: "append", text: "x" }] });
  const fullBytes = JSON.stringify(["preview:delta", full]).length;
  const patchBytes = JSON.stringify(["preview:patch", compactPreviewDelta(full)]).length;
  expect(patchBytes).toBeLessThan(fullBytes / 3);
});

test("a delta without progress round-trips without it", () => {
  const rest = delta();
  delete rest.progress;
  const expanded = expandPreviewPatch(SESSION, compactPreviewDelta(rest));
  expect(expanded?.type === "preview:delta" && "progress" in expanded.data).toBe(false);
  expect(expanded).toEqual({ type: "preview:delta", data: rest });
});

test("what the compact form cannot carry exactly stays a full delta", () => {
  expect(compactPreviewDelta(delta({ base_version: 3, version: 7 }))).toBeNull();
  expect(compactPreviewDelta(delta({ timestamp: "2026-11-28T10:00:01.234+02:00" }))).toBeNull();
  expect(compactPreviewDelta(delta({ timestamp: "2026-11-28T10:00:01Z" }))).toBeNull();
});

test("the fold of expanded patches equals the fold of the full deltas", () => {
  const start: SessionEvent = sessionEventSchema.parse({
    type: "preview:updated",
    data: {
      seq: 1, session_id: SESSION, timestamp: "2026-11-28T10:00:00.000Z", step_id: "content", preview_url: "/p",
      html_content: "<main></main>", css_content: "", js_content: "", version: 1, metadata: {},
    },
  });
  const deltas: PreviewDelta[] = [
    delta({ seq: 2, base_version: 1, version: 2, ops: [{ file: "html", op: "splice", start: 6, delete_count: 0, text: "<p>Hi" }] }),
    delta({ seq: 3, base_version: 2, version: 3, ops: [{ file: "html", op: "append", text: "</p>" }] }),
  ];
  const initial = reduceSessionEvent(createInitialState(SESSION, "proj_preview_patch_00001"), start);
  const viaFull = deltas.reduce((s, d) => reduceSessionEvent(s, { type: "preview:delta", data: d }), initial);
  const viaPatch = deltas.reduce((s, d) => reduceSessionEvent(s, expandPreviewPatch(SESSION, compactPreviewDelta(d))!), initial);
  expect(viaPatch).toEqual(viaFull);
  expect(viaPatch.preview?.html_content).toBe("<main><p>Hi</main></p>");
});

test.each([
  ["not an array", { seq: 1 }],
  ["too short", [1, 2]],
  ["no ops", [5, 2, 0, "s", null]],
  ["unknown file", [5, 2, 0, "s", null, ["x", "t"]]],
  ["negative offset", [5, 2, 0, "s", null, ["h", -1, 0, "t"]]],
  ["version 1 has no base", [5, 1, 0, "s", null, ["h", "t"]]],
  ["progress out of range", [5, 2, 0, "s", 101, ["h", "t"]]],
  ["too many ops", [5, 2, 0, "s", null, ...Array.from({ length: 17 }, () => ["h", "t"])]],
])("a malformed patch (%s) is refused", (_label, data) => {
  expect(expandPreviewPatch(SESSION, data)).toBeNull();
});
