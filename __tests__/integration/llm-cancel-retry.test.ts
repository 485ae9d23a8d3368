import { generationSnapshotSchema, type SessionEvent } from "@/lib/protocol";
import { extractFinalCode } from "@/lib/server/engines/openai/extract-code";
import { connectRecorder, createGeneration, isTerminal, postJson, range, seqs } from "../helpers/clients";
import { llmServerEnv, startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai-server";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(90_000);

let fake: FakeOpenAI;
let server: RunningServer;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  server = await startServer({ env: llmServerEnv(fake) });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
  await fake?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const errorOf = (events: SessionEvent[]) => events.find((e) => e.type === "generation:error")?.data;

test("cancel aborts the upstream HTTP request at once and ends the run with CANCELLED", async () => {
  const created = await createGeneration(server.url, "A slow bakery [fake:slow]");
  const client = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  // Wait until the markup is streaming (the preview has started to grow).
  await client.waitFor((e) => e.some((x) => x.type === "preview:delta" || (x.type === "preview:updated" && x.data.step_id === "structure")));
  const html = fake.requests.find((r) => r.kind === "html" && r.messages.some((m) => m.content.includes("A slow bakery")))!;
  expect(html.aborted).toBe(false);

  const cancel = await postJson(`${server.url}/api/generations/${created.sessionId}/cancel`, {}, bearer(created.token));
  expect(cancel.status).toBe(202);
  await client.waitFor(isTerminal);
  expect(errorOf(client.events)).toMatchObject({ error_code: "CANCELLED", retry_available: true, step_id: "structure" });
  // The fake sees the client close the connection before its answer was complete.
  await fake.waitFor(() => html.aborted);
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
  const before = fake.requests.length;
  const created = await createGeneration(server.url, prompt);
  const client = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await client.waitFor(isTerminal);
  expect(errorOf(client.events)).toMatchObject({ error_code: "PROVIDER_ERROR", retry_available: true, step_id: "styling" });
  const firstRun = fake.requests.slice(before);
  expect(firstRun.map((r) => r.kind)).toEqual(["plan", "html", "css"]);
  const markup = extractFinalCode(firstRun[1]!.chunks.join(""), "html");
  const firstRunLength = client.events.length;

  const retried = await postJson(`${server.url}/api/generations/${created.sessionId}/retry`, {}, bearer(created.token));
  expect(retried.status).toBe(202);
  await client.waitFor((e) => e.filter((x) => x.type === "generation:completed").length === 2);
  const secondRun = fake.requests.slice(before + firstRun.length);
  // Only the failed pass and the ones after it went to the provider again.
  expect(secondRun.map((r) => r.kind)).toEqual(["css", "js"]);
  // The styling pass saw the markup the first run finished with.
  expect(secondRun[0]!.messages.at(-1)!.content).toContain(`<markup>\n${markup}\n</markup>`);

  const events = client.events;
  expect(seqs(events)).toEqual(range(1, events.length));
  const restarted = events[firstRunLength]!;
  if (restarted.type !== "generation:started") throw new Error(`run 2 began with ${restarted.type}`);
  expect(restarted.data.run).toBe(2);
  expect(restarted.data.steps.map((s) => [s.step_id, s.status])).toEqual([
    ["structure", "completed"],
    ["styling", "pending"],
    ["interactivity", "pending"],
  ]);
  const last = events.at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("completed");

  const snapshot = generationSnapshotSchema.parse(
    await (await fetch(`${server.url}/api/generations/${created.sessionId}`, { headers: bearer(created.token) })).json(),
  );
  expect(snapshot.preview?.html_content).toBe(markup);
  expect(snapshot.preview?.css_content).toBe(extractFinalCode(secondRun[0]!.chunks.join(""), "css"));
  client.socket.close();
});
