import { createInitialState, reduceSessionEvent, sessionEventSchema, type GenerationState, type SessionEvent } from "@/lib/protocol";
import { liveFormOf } from "@/lib/server/realtime/live-form";

/*
 * A full preview snapshot sent to an in-sync watcher as a delta must fold to exactly the same
 * state as the snapshot itself, and be smaller; anything else goes out whole.
 */

const SESSION = "sess_live_form_0000000001";
const page = (n: number) =>
  `<header><h1>Crumb &amp; Co</h1></header><main>${Array.from({ length: n }, (_, i) => `<section><h2>Part ${i}</h2><p>${"bread ".repeat(40)}</p></section>`).join("")}</main>`;

const preview = (seq: number, version: number, html: string, css = "h1{color:green}"): SessionEvent =>
  sessionEventSchema.parse({
    type: "preview:updated",
    data: {
      seq, session_id: SESSION, timestamp: `2026-11-28T10:00:0${seq}.000Z`, step_id: `step${version}`, preview_url: `/preview/${SESSION}`,
      html_content: html, css_content: css, js_content: "", version, metadata: { v: version },
    },
  });

const foldThrough = (events: SessionEvent[]): GenerationState => events.reduce(reduceSessionEvent, createInitialState(SESSION, "proj_live_form_000000001"));

test("a snapshot after a preview the watcher holds becomes a valid, smaller delta with the same fold", () => {
  const before = foldThrough([preview(1, 1, page(3))]);
  const next = preview(2, 2, page(5), "h1{color:darkgreen}");
  const live = liveFormOf(before, next);
  expect(live.type).toBe("preview:delta");
  expect(sessionEventSchema.safeParse(live).success).toBe(true);
  expect(live.data.seq).toBe(2);
  expect(reduceSessionEvent(before, live)).toEqual(reduceSessionEvent(before, next));
  expect(JSON.stringify(live.data).length).toBeLessThan(JSON.stringify(next.data).length / 2);
});

test("an unchanged snapshot is an empty append that still moves the version", () => {
  const before = foldThrough([preview(1, 1, page(2))]);
  const next = preview(2, 2, page(2));
  const live = liveFormOf(before, next);
  expect(live.type).toBe("preview:delta");
  expect(reduceSessionEvent(before, live)).toEqual(reduceSessionEvent(before, next));
});

test("goes out whole: the first preview, a fold not right before the event, a rewrite, other events", () => {
  const first = preview(1, 1, page(2));
  expect(liveFormOf(foldThrough([]), first)).toBe(first);
  expect(liveFormOf(undefined, first)).toBe(first);
  const before = foldThrough([first]);
  const skipped = preview(3, 2, page(4));
  expect(liveFormOf(before, skipped)).toBe(skipped); // the fold is at seq 1, the event is seq 3
  const rewrite = preview(2, 2, "xyz", "p{x:y;"); // nothing in common with the files before
  expect(liveFormOf(before, rewrite)).toBe(rewrite); // a delta would not be smaller
  const step = sessionEventSchema.parse({
    type: "generation:step",
    data: { seq: 2, session_id: SESSION, timestamp: "2026-11-28T10:00:02.000Z", step_id: "s", step_number: 1, total_steps: 1, status: "in_progress", progress: 0, message: "m", estimated_remaining: 0, title: "S" },
  });
  expect(liveFormOf(before, step)).toBe(step);
});
