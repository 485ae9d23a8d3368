import { createInitialState, reduceSessionEvent, type GenerationErrorCode, type GenerationState, type SessionEvent } from "@/lib/protocol";

export const SESSION = "sess_ui_test";
export const PROJECT = "proj_ui_test";

const at = (seq: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString();
const base = (seq: number) => ({ seq, session_id: SESSION, timestamp: at(seq) });

export const steps = [
  { step_id: "plan", title: "Planning the page" },
  { step_id: "layout", title: "Laying out sections" },
  { step_id: "style", title: "Styling" },
];

/** A whole successful run: started, 3 × (pending, in_progress, preview, completed), completed. */
export function successfulRun(): SessionEvent[] {
  const events: SessionEvent[] = [];
  let seq = 1;
  events.push({
    type: "generation:started",
    data: { ...base(seq++), project_id: PROJECT, total_steps: 3, estimated_time: 9, run: 1, engine: "template", steps: steps.map((s) => ({ ...s, status: "pending" as const })) },
  });
  steps.forEach((s, i) => {
    const common = { step_id: s.step_id, step_number: i + 1, total_steps: 3, title: s.title };
    const before = Math.round((i / 3) * 1000) / 10;
    const after = Math.round(((i + 1) / 3) * 1000) / 10;
    events.push({ type: "generation:step", data: { ...base(seq++), ...common, status: "pending", progress: before, message: `Up next: ${s.title}`, estimated_remaining: (3 - i) * 3 } });
    events.push({ type: "generation:step", data: { ...base(seq++), ...common, status: "in_progress", progress: before, message: `${s.title}…`, estimated_remaining: (3 - i) * 3 } });
    events.push({
      type: "preview:updated",
      data: { ...base(seq++), step_id: s.step_id, preview_url: `/preview/${SESSION}`, html_content: `<h1>Crumb &amp; Co v${i + 1}</h1>`, css_content: `h1{color:green}`, js_content: "console.log('hi')", version: i + 1, metadata: {} },
    });
    events.push({ type: "generation:step", data: { ...base(seq++), ...common, status: "completed", progress: after, message: `Finished: ${s.title}`, estimated_remaining: (2 - i) * 3, duration: 1.5 } });
  });
  events.push({ type: "generation:completed", data: { ...base(seq++), status: "completed", total_time: 4.6, files_generated: 3, final_url: `/preview/${SESSION}` } });
  return events;
}

/** The first `n` events of a run that fails (retryable) in its second step. */
export function failedRun(code: GenerationErrorCode = "PROVIDER_ERROR", retry = true): SessionEvent[] {
  const events = successfulRun().slice(0, 7); // started, step 1 done + preview, step 2 pending + in_progress
  let seq = events.length + 1;
  const common = { step_id: "layout", step_number: 2, total_steps: 3, title: "Laying out sections" };
  events.push({ type: "generation:step", data: { ...base(seq++), ...common, status: "failed", progress: 33.3, message: "The model timed out", estimated_remaining: 0 } });
  events.push({ type: "generation:error", data: { ...base(seq++), step_id: "layout", error_code: code, error_message: code === "CANCELLED" ? "Generation cancelled" : "The model timed out", retry_available: retry } });
  events.push({ type: "generation:completed", data: { ...base(seq++), status: "failed", total_time: 2.1, files_generated: 3, final_url: `/preview/${SESSION}` } });
  return events;
}

export const initialState = (): GenerationState => createInitialState(SESSION, PROJECT);

/** The state after folding `events` with the protocol's own reducer. */
export const foldState = (events: SessionEvent[]): GenerationState => events.reduce(reduceSessionEvent, initialState());

/** What GET /api/generations/:id answers: the state folded from `events`, plus the snapshot-only fields. */
export const snapshotBody = (events: SessionEvent[], createdAt = "2026-01-01T12:00:00.000Z") => ({
  ...foldState(events), prompt: "a bakery", created_at: createdAt, role: "owner", engine: "template",
});
