import {
  connectedSchema,
  createGenerationBodySchema,
  createInitialState,
  heartbeatSchema,
  parseHandshake,
  parseSessionEvent,
  reduceSessionEvent,
  sessionEventSchemas,
  statsSchema,
  type SessionEvent,
} from "@/lib/protocol";

const ts = "2026-11-26T10:00:00.000Z";
const sid = "sess_abc123";

/** The seed's example payloads (plus `seq`, which every logged event now carries). */
const seedExamples = {
  "generation:started": { seq: 1, session_id: sid, project_id: "proj_1", total_steps: 5, estimated_time: 300, timestamp: ts, run: 1, engine: "template", steps: [{ step_id: "s1", title: "Plan", status: "pending" }] },
  "generation:step": { seq: 2, session_id: sid, step_id: "s1", step_number: 1, total_steps: 5, status: "in_progress", progress: 20, message: "Executing Plan...", estimated_remaining: 240, timestamp: ts, title: "Plan" },
  "generation:completed": { seq: 3, session_id: sid, status: "completed", total_time: 300, files_generated: 3, final_url: `/preview/${sid}`, timestamp: ts },
  "generation:error": { seq: 4, session_id: sid, error_code: "GENERATION_FAILED", error_message: "boom", retry_available: true, timestamp: ts },
  "preview:updated": { seq: 5, session_id: sid, step_id: "s1", preview_url: `/preview/${sid}`, html_content: "<h1>Hi</h1>", css_content: "h1{}", js_content: "", metadata: { step: "s1" }, timestamp: ts, version: 1 },
  "preview:error": { seq: 6, session_id: sid, error_code: "RENDER", error_message: "bad", timestamp: ts },
} as const;

describe("session event schemas", () => {
  test.each(Object.entries(seedExamples))("%s accepts the seed's example payload", (type, payload) => {
    const schema = sessionEventSchemas[type as keyof typeof sessionEventSchemas];
    expect(schema.safeParse(payload).success).toBe(true);
    expect(parseSessionEvent(type, payload)?.type).toBe(type);
  });

  test.each([
    ["generation:step", { ...seedExamples["generation:step"], progress: 101 }],
    ["generation:step", { ...seedExamples["generation:step"], status: "done" }],
    ["generation:step", { ...seedExamples["generation:step"], seq: 0 }],
    ["generation:step", { ...seedExamples["generation:step"], seq: 1.5 }],
    ["generation:started", { ...seedExamples["generation:started"], total_steps: "5" }],
    ["generation:completed", { ...seedExamples["generation:completed"], status: "done" }],
    ["generation:error", { ...seedExamples["generation:error"], retry_available: "yes" }],
    ["preview:updated", { ...seedExamples["preview:updated"], html_content: undefined }],
    ["preview:updated", { ...seedExamples["preview:updated"], timestamp: "yesterday" }],
    ["preview:error", { ...seedExamples["preview:error"], session_id: "../etc" }],
  ])("%s rejects a wrong payload (%#)", (type, payload) => {
    const schema = sessionEventSchemas[type as keyof typeof sessionEventSchemas];
    expect(schema.safeParse(payload).success).toBe(false);
    expect(parseSessionEvent(type, payload)).toBeNull();
  });

  test("unknown event names are rejected", () => {
    expect(parseSessionEvent("generation:exploded", seedExamples["generation:step"])).toBeNull();
  });

  test("system events", () => {
    expect(connectedSchema.safeParse({ session_id: sid, timestamp: ts, last_seq: 0, role: "owner" }).success).toBe(true);
    expect(connectedSchema.safeParse({ session_id: sid, timestamp: ts }).success).toBe(false);
    expect(heartbeatSchema.safeParse({ timestamp: ts }).success).toBe(true);
    expect(heartbeatSchema.safeParse({}).success).toBe(false);
    const stats = { total_connections: 1, active_sessions: 1, running_generations: 0, queued_generations: 0, memory_usage: { rss: 1, heap_used: 1 }, uptime: 3, timestamp: ts };
    expect(statsSchema.safeParse(stats).success).toBe(true);
    expect(statsSchema.safeParse({ ...stats, total_connections: -1 }).success).toBe(false);
  });
});

describe("HTTP bodies and handshake", () => {
  test("create body trims and bounds the prompt, refuses unknown fields", () => {
    expect(createGenerationBodySchema.parse({ prompt: "  hi  " })).toEqual({ prompt: "hi" });
    expect(createGenerationBodySchema.safeParse({ prompt: "   " }).success).toBe(false);
    expect(createGenerationBodySchema.safeParse({ prompt: "a".repeat(4001) }).success).toBe(false);
    expect(createGenerationBodySchema.safeParse({ prompt: "a".repeat(4000) }).success).toBe(true);
    expect(createGenerationBodySchema.safeParse({ prompt: "hi", __proto__: { admin: true }, x: 1 }).success).toBe(false);
  });

  test("handshake accepts the auth form and the seed's query form", () => {
    expect(parseHandshake({ sessionId: "a", token: "b", lastEventId: 3 }, {}).data).toEqual({ sessionId: "a", token: "b", lastEventId: 3 });
    expect(parseHandshake({}, { session_id: "a", token: "b", last_event_id: "7" }).data).toEqual({ sessionId: "a", token: "b", lastEventId: 7 });
    expect(parseHandshake({ sessionId: "a", token: "b" }, {}).data).toEqual({ sessionId: "a", token: "b" });
    expect(parseHandshake({ sessionId: "a" }, {}).success).toBe(false);
    expect(parseHandshake({ sessionId: "a", token: "b", lastEventId: -2 }, {}).success).toBe(false);
    expect(parseHandshake({ sessionId: ["a"], token: "b" }, {}).success).toBe(false);
    expect(parseHandshake(null, null).success).toBe(false);
  });
});

describe("the shared fold", () => {
  test("folds a run into a completed state with monotone progress", () => {
    const events = Object.entries(seedExamples)
      .filter(([t]) => t !== "generation:error" && t !== "preview:error")
      .map(([type, data]) => parseSessionEvent(type, data)!) as SessionEvent[];
    const state = events.reduce(reduceSessionEvent, createInitialState(sid, "proj_1"));
    expect(state.status).toBe("completed");
    expect(state.progress).toBe(100);
    expect(state.preview?.html_content).toBe("<h1>Hi</h1>");
    expect(state.last_seq).toBe(5);
  });

  test("a cancel after a step marks it cancelled and the session retryable", () => {
    const events = ["generation:started", "generation:step", "generation:error"].map((t) => parseSessionEvent(t, seedExamples[t as keyof typeof seedExamples])!);
    const state = [
      events[0]!,
      events[1]!,
      parseSessionEvent("generation:error", { ...seedExamples["generation:error"], step_id: "s1", error_code: "CANCELLED" })!,
    ].reduce(reduceSessionEvent, createInitialState(sid, "p"));
    expect(state.status).toBe("cancelled");
    // Said in plain words: the step was cancelled, it did not fail.
    expect(state.steps[0]?.status).toBe("cancelled");
    expect(state.error).toMatchObject({ code: "CANCELLED", retry_available: true });
  });
});
