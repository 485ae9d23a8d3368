import { stripElementIds } from "@/lib/server/site/element-ids";
import type { SessionEvent } from "@/lib/protocol";
import { extractFinalCode } from "@/lib/server/engines/openai/extract-code";
import { isTerminal, range, seqs } from "../helpers/clients";
import { setupLlmApp } from "../helpers/llm-harness";

jest.setTimeout(90_000);

const llm = setupLlmApp();

const errorOf = (events: SessionEvent[]) => events.find((e) => e.type === "generation:error")?.data;

test("cancel aborts the upstream HTTP request at once and ends the run with CANCELLED", async () => {
  const created = await llm.create("A slow bakery [fake:slow]");
  const client = llm.watch(created);
  // Wait until the markup is streaming (the preview has started to grow).
  await client.waitFor((e) => e.some((x) => x.type === "preview:delta" || (x.type === "preview:updated" && x.data.step_id === "structure")));
  const html = llm.fake.requests.find((r) => r.kind === "html" && r.messages.some((m) => m.content.includes("A slow bakery")))!;
  expect(html.aborted).toBe(false);

  const cancel = await llm.post(created, "cancel");
  expect(cancel.status).toBe(202);
  await client.waitFor(isTerminal);
  expect(errorOf(client.events)).toMatchObject({ error_code: "CANCELLED", retry_available: true, step_id: "structure" });
  // The fake sees the client close the connection before its answer was complete.
  await llm.fake.waitFor(() => html.aborted);
  expect(html.completed).toBe(false);
  const total = html.chunks.length;
  await new Promise((r) => setTimeout(r, 300));
  expect(html.chunks.length).toBe(total);
  // Nothing is published after the terminal event (no late throttled preview).
  const count = client.events.length;
  await new Promise((r) => setTimeout(r, 300));
  expect(client.events.length).toBe(count);
  client.socket.close();
});

test("a retry continues from the failed step: completed steps are neither re-planned nor re-generated", async () => {
  const prompt = "A ramen bar called Slurp [fake:drop-once@css]";
  const before = llm.fake.requests.length;
  const created = await llm.create(prompt);
  const client = llm.watch(created);
  await client.waitFor(isTerminal);
  expect(errorOf(client.events)).toMatchObject({ error_code: "PROVIDER_ERROR", retry_available: true, step_id: "styling" });
  const firstRun = llm.fake.requests.slice(before);
  expect(firstRun.map((r) => r.kind)).toEqual(["plan", "html", "css"]);
  const markup = extractFinalCode(firstRun[1]!.chunks.join(""), "html");
  const firstRunLength = client.events.length;

  const retried = await llm.post(created, "retry");
  expect(retried.status).toBe(202);
  await client.waitFor((e) => e.filter((x) => x.type === "generation:completed").length === 2);
  const secondRun = llm.fake.requests.slice(before + firstRun.length);
  // Only the failed pass and the ones after it went to the provider again.
  expect(secondRun.map((r) => r.kind)).toEqual(["css", "js"]);
  // The styling pass saw the markup the first run finished with.
  // (as stamped with the runner's stable element ids, which change no other byte)
  expect(stripElementIds(secondRun[0]!.messages.at(-1)!.content)).toContain(`<markup>\n${markup}\n</markup>`);

  const events = client.events;
  expect(seqs(events)).toEqual(range(1, events.length));
  const restarted = events[firstRunLength]!;
  if (restarted.type !== "generation:started") throw new Error(`run 2 began with ${restarted.type}`);
  expect(restarted.data.run).toBe(2);
  expect(restarted.data.steps.map((s) => [s.step_id, s.status])).toEqual([
    ["planning", "completed"],
    ["structure", "completed"],
    ["styling", "pending"],
    ["interactivity", "pending"],
  ]);
  const last = events.at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("completed");

  const snapshot = await llm.snapshot(created);
  expect(stripElementIds(snapshot.preview!.html_content)).toBe(markup);
  expect(snapshot.preview?.css_content).toBe(extractFinalCode(secondRun[0]!.chunks.join(""), "css"));
  client.socket.close();
});
