import { stripElementIds } from "@/lib/server/site/element-ids";
import {
  createGenerationResponseSchema,
  createInitialState,
  projectResponseSchema,
  reduceSessionEvent,
  type SessionEvent,
} from "@/lib/protocol";
import { extractFinalCode, extractStreamingCode } from "@/lib/server/engines/openai/extract-code";
import { createHtmlRepairer } from "@/lib/server/engines/openai/html-repair";
import { bearer, postJson, range, seqs } from "../helpers/clients";
import type { FakeRequest } from "../helpers/fake-openai-server";
import { setupLlmApp } from "../helpers/llm-harness";

jest.setTimeout(90_000);

const llm = setupLlmApp();

async function generate(prompt: string, headers?: { projectId: string; projectToken: string }) {
  const res = headers
    ? await postJson(`${llm.server.url}/api/generations`, { prompt, projectId: headers.projectId }, bearer(headers.projectToken))
    : { status: 202, json: await llm.create(prompt) };
  expect(res.status).toBe(202);
  const created = createGenerationResponseSchema.parse(res.json);
  const client = await llm.recordToEnd(created, 60_000);
  expect(client.invalid).toEqual([]);
  return { created, events: client.events };
}

/** Every partial body markup the engine can derive from the fake's answer, chunk by chunk. */
function markupPartials(request: FakeRequest): Set<string> {
  const repairer = createHtmlRepairer();
  const partials = new Set<string>();
  let answer = "";
  for (const chunk of request.chunks) {
    answer += chunk;
    partials.add(repairer.update(extractStreamingCode(answer, "html")));
  }
  return partials;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

test("a whole generation streams plan → markup → styles → script, and deltas rebuild the live preview exactly", async () => {
  const before = llm.fake.requests.length;
  const { created, events } = await generate("A bakery called Crumb & Co with a menu [fake:big]");
  const requests = llm.fake.requests.slice(before);

  // The provider saw one streamed request per pass, authenticated, none abandoned.
  expect(requests.map((r) => r.kind)).toEqual(["plan", "html", "css", "js"]);
  for (const r of requests) expect(r).toMatchObject({ model: "fake-model", authorization: "Bearer test", aborted: false, completed: true });
  // Prompts are never written to the server log at info level.
  expect(llm.server.logs.join("\n")).not.toContain("Crumb & Co with a menu");

  // Event sequence: contiguous seq, the planning step (visible while the model plans), started → steps → completed.
  expect(seqs(events)).toEqual(range(1, events.length));
  expect(events.slice(0, 2).map((e) => e.type === "generation:step" && [e.data.step_id, e.data.status])).toEqual([
    ["planning", "in_progress"],
    ["planning", "completed"],
  ]);
  const started = events[2]!;
  if (started.type !== "generation:started") throw new Error(`third event is ${started.type}`);
  expect(started.data.engine).toBe("openai:fake-model");
  expect(started.data.steps).toEqual([
    { step_id: "planning", title: "Planning the site", status: "completed" },
    { step_id: "structure", title: "Structure: hero, features, pricing, contact", status: "pending" },
    { step_id: "styling", title: "Styling: Calm blue palette, generous whitespace, rounded cards", status: "pending" },
    { step_id: "interactivity", title: "Interactivity: Mobile menu toggle and smooth scrolling", status: "pending" },
  ]);
  for (const step of started.data.steps.slice(1)) {
    const statuses = events.flatMap((e) => (e.type === "generation:step" && e.data.step_id === step.step_id ? [e.data.status] : []));
    expect(statuses).toEqual(["pending", "in_progress", "completed"]);
  }
  const last = events.at(-1)!;
  expect(last.type === "generation:completed" && last.data).toMatchObject({ status: "completed", files_generated: 3 });
  expect(events.filter((e) => e.type === "generation:completed")).toHaveLength(1);

  // The final site is the three files the fake answered, unwrapped.
  const answerOf = (r: FakeRequest) => r.chunks.join("");
  const site = {
    html: extractFinalCode(answerOf(requests[1]!), "html"),
    css: extractFinalCode(answerOf(requests[2]!), "css"),
    js: extractFinalCode(answerOf(requests[3]!), "js"),
  };
  const snapshot = await llm.snapshot(created);
  // The runner stamps stable element ids (data-ov-id) into the markup and changes no other byte.
  expect(snapshot.preview!.html_content).toMatch(/data-ov-id="/);
  expect({ ...snapshot.preview, html_content: stripElementIds(snapshot.preview!.html_content) }).toMatchObject({ html_content: site.html, css_content: site.css, js_content: site.js });
  const documentHtml = await (await fetch(`${llm.server.url}/preview/${created.sessionId}`)).text();
  expect(documentHtml).toContain(snapshot.preview!.html_content);

  // A client applying every delta with the shared reducer holds exactly what the engine streamed.
  const partials = markupPartials(requests[1]!);
  let state = createInitialState(created.sessionId, created.projectId);
  let deltaBytes = 0;
  let deltaTextBytes = 0;
  let snapshotOnlyBytes = 0;
  let snapshotBytes = 0;
  for (const event of events) {
    if (event.type === "preview:delta") {
      expect(event.data.base_version).toBe(state.preview?.version);
      deltaBytes += jsonBytes(event.data);
      deltaTextBytes += event.data.ops.reduce((n, op) => n + Buffer.byteLength(op.text), 0);
    }
    if (event.type === "preview:updated") snapshotBytes += jsonBytes(event.data);
    state = reduceSessionEvent(state, event);
    if (event.type === "preview:delta" || event.type === "preview:updated") {
      // The same moment sent as a full snapshot, as a snapshots-only stream would.
      const p = state.preview!;
      snapshotOnlyBytes += jsonBytes({ ...event.data, ops: undefined, base_version: undefined, progress: undefined, html_content: p.html_content, css_content: p.css_content, js_content: p.js_content, preview_url: `/preview/${created.sessionId}`, metadata: { step: p.step_id, engine: "openai:fake-model" } });
    }
    if (event.type === "preview:delta" && event.data.step_id === "structure") {
      expect(partials.has(state.preview!.html_content)).toBe(true);
    }
  }
  expect(state.preview).toEqual(snapshot.preview);
  expect(state.progress).toBe(100);
  const deltas = events.filter((e) => e.type === "preview:delta");
  expect(deltas.length).toBeGreaterThan(0);
  // Linear: the text deltas carry is the page plus a few bytes of closing tags per delta.
  const pageBytes = Buffer.byteLength(site.html) + Buffer.byteLength(site.css);
  expect(deltaTextBytes).toBeLessThanOrEqual(pageBytes + deltas.length * 200);

  const previews = events.filter((e) => e.type === "preview:delta" || e.type === "preview:updated");
  console.log(
    [
      `preview bytes for one ${(pageBytes / 1024).toFixed(1)} KB page (html ${site.html.length} B + css ${site.css.length} B + js ${site.js.length} B):`,
      `  snapshots only (same ${previews.length} moments): ${snapshotOnlyBytes} B`,
      `  deltas + snapshots: ${deltaBytes + snapshotBytes} B (${deltas.length} deltas = ${deltaBytes} B, ${previews.length - deltas.length} snapshots = ${snapshotBytes} B)`,
    ].join("\n"),
  );
});

test("a follow-up edit sends the current site to the model and adds version 2", async () => {
  const first = await generate("A tea room called Leaf");
  const before = llm.fake.requests.length;
  const v1 = (await llm.snapshot(first.created)).preview!;

  const edit = await generate("add a pricing section", { projectId: first.created.projectId, projectToken: first.created.projectToken });
  const requests = llm.fake.requests.slice(before);
  // Only the files the edit plan changes are rewritten (this plan leaves the script alone).
  expect(requests.map((r) => r.kind)).toEqual(["edit-plan", "html", "css"]);
  expect(requests[0]!.messages.at(-1)!.content).toContain(v1.html_content);
  expect(requests[1]!.messages.at(-1)!.content).toContain(`<current>\n${v1.html_content}\n</current>`);
  expect(requests[2]!.messages.at(-1)!.content).toContain(`<current>\n${v1.css_content}\n</current>`);
  const started = edit.events.find((e) => e.type === "generation:started")!;
  expect(started.type === "generation:started" && started.data.steps.map((s) => s.step_id)).toEqual(["planning", "structure", "styling"]);

  const v2 = (await llm.snapshot(edit.created)).preview!;
  expect(v2.html_content).toContain('class="edited"');
  expect(v2.html_content).toContain("add a pricing section");
  expect(v2.html_content).toContain(v1.html_content.slice(0, 200));
  expect(v2.js_content).toBe(v1.js_content);
  const project = projectResponseSchema.parse(
    await (await fetch(`${llm.server.url}/api/projects/${first.created.projectId}`, { headers: bearer(first.created.projectToken) })).json(),
  );
  expect(project.versions.map((v) => v.version)).toEqual([1, 2]);
});

test("an unusable plan is asked for once more; twice unusable fails with INVALID_OUTPUT", async () => {
  let before = llm.fake.requests.length;
  const once = await generate("A florist [fake:bad-plan-once]");
  const planRequests = llm.fake.requests.slice(before).filter((r) => r.kind === "plan");
  expect(planRequests).toHaveLength(2);
  expect(planRequests[1]!.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
  expect(planRequests[1]!.messages.at(-1)!.content).toMatch(/not usable/);
  expect(once.events.at(-1)!.type === "generation:completed" && once.events.at(-1)!.data).toMatchObject({ status: "completed" });

  before = llm.fake.requests.length;
  const never = await generate("A florist [fake:bad-plan]");
  expect(llm.fake.requests.slice(before).map((r) => r.kind)).toEqual(["plan", "plan"]);
  const error = never.events.find((e): e is Extract<SessionEvent, { type: "generation:error" }> => e.type === "generation:error");
  expect(error?.data).toMatchObject({ error_code: "INVALID_OUTPUT", retry_available: true });
  // The planning step fails; nothing was written, so the preview says it cannot be shown, then the run's error.
  expect(never.events.map((e) => (e.type === "generation:step" ? `step:${e.data.step_id}:${e.data.status}` : e.type))).toEqual([
    "step:planning:in_progress", "step:planning:failed", "preview:error", "generation:error", "generation:completed",
  ]);
});

test("a model that answers the markup step in words fails it with INVALID_OUTPUT, and the preview says it cannot be shown", async () => {
  const refused = await generate("A florist [fake:prose]");
  const error = refused.events.find((e): e is Extract<SessionEvent, { type: "generation:error" }> => e.type === "generation:error");
  expect(error?.data).toMatchObject({ error_code: "INVALID_OUTPUT", retry_available: true, step_id: "structure" });
  // No sentence of prose ever reached the preview as if it were the site.
  expect(refused.events.some((e) => e.type === "preview:updated" || e.type === "preview:delta")).toBe(false);
  const previewError = refused.events.find((e) => e.type === "preview:error");
  expect(previewError?.type === "preview:error" && previewError.data.error_code).toBe("INVALID_OUTPUT");
  expect(refused.events.map((e) => e.type).slice(-3)).toEqual(["preview:error", "generation:error", "generation:completed"]);
});
