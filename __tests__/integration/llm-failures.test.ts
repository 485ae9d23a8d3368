import type { SessionEvent } from "@/lib/protocol";
import { range, seqs } from "../helpers/clients";
import { setupLlmApp } from "../helpers/llm-harness";

jest.setTimeout(90_000);

/*
 * Every way a provider can fail, against a real HTTP peer: each ends the generation with one
 * clear, public error code (never the provider's own message), and the right retry_available.
 */

// LLM_MAX_RETRIES=2: a 429 is tried 3 times in all. Stall timeout 1.5 s.
const llm = setupLlmApp();

type ErrorEvent = Extract<SessionEvent, { type: "generation:error" }>;

async function runFailing(prompt: string) {
  const before = llm.fake.requests.length;
  const created = await llm.create(prompt);
  const { events } = await llm.recordToEnd(created, 30_000);
  expect(seqs(events)).toEqual(range(1, events.length));
  expect(events.filter((e) => e.type === "generation:completed")).toHaveLength(1);
  const last = events.at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("failed");
  const error = events.find((e): e is ErrorEvent => e.type === "generation:error");
  if (!error) throw new Error(`no generation:error in ${events.map((e) => e.type).join(", ")}`);
  // The fake's error bodies echo a key fragment; none of it may reach a client.
  expect(error.data.error_message).not.toMatch(/sk-|Incorrect API key|fake_error/);
  return { created, events, error: error.data, requests: llm.fake.requests.slice(before) };
}

test.each([["401"], ["403"]])("HTTP %s → AUTH_FAILED, not retryable, and not retried upstream", async (status) => {
  const { created, error, requests } = await runFailing(`A bakery [fake:${status}]`);
  expect(error).toMatchObject({ error_code: "AUTH_FAILED", retry_available: false });
  expect(requests).toHaveLength(1);
  // The retry route refuses a failure that is not retryable, and nothing goes upstream again.
  const before = llm.fake.requests.length;
  const res = await llm.post(created, "retry");
  expect(res.status).toBe(409);
  await new Promise((r) => setTimeout(r, 200));
  expect(llm.fake.requests.length).toBe(before);
});

test("429 on every try → RATE_LIMITED (retryable) after LLM_MAX_RETRIES retries", async () => {
  const { error, requests } = await runFailing("A bakery [fake:429]");
  expect(error).toMatchObject({ error_code: "RATE_LIMITED", retry_available: true });
  expect(requests.map((r) => [r.kind, r.status])).toEqual([
    ["plan", 429],
    ["plan", 429],
    ["plan", 429],
  ]);
});

test("one 429 with retry-after: 1 → waits, retries and completes", async () => {
  const before = llm.fake.requests.length;
  const client = await llm.recordToEnd(await llm.create("A bakery [fake:429-once]"), 30_000);
  const last = client.events.at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("completed");
  const requests = llm.fake.requests.slice(before);
  expect(requests.map((r) => [r.kind, r.status])).toEqual([
    ["plan", 429],
    ["plan", 200],
    ["html", 200],
    ["css", 200],
    ["js", 200],
  ]);
  // retry-after is honoured: the second try comes no sooner than the provider asked.
  expect(requests[1]!.receivedAt - requests[0]!.receivedAt).toBeGreaterThanOrEqual(990);
});

test.each([
  ["500 from the provider", "500", "plan"],
  ["connection dropped mid-stream", "drop@html", "html"],
  ["a malformed chunk in the stream", "garbage@html", "html"],
  ["a stream that ends before the answer is complete", "truncate@css", "css"],
])("%s → PROVIDER_ERROR (retryable)", async (_name, tag, kind) => {
  const { error, requests } = await runFailing(`A bakery [fake:${tag}]`);
  expect(error).toMatchObject({ error_code: "PROVIDER_ERROR", retry_available: true });
  expect(requests.at(-1)!.kind).toBe(kind);
  if (kind !== "plan") expect(error.step_id).toBe(kind === "html" ? "structure" : "styling");
});

test("no token for LLM_STALL_TIMEOUT_MS → STALLED (retryable), and the request is abandoned", async () => {
  const { error, events, requests } = await runFailing("A bakery [fake:stall@html]");
  expect(error).toMatchObject({ error_code: "STALLED", retry_available: true, step_id: "structure" });
  const stalled = requests.find((r) => r.kind === "html")!;
  await llm.fake.waitFor(() => stalled.aborted);
  expect(stalled.completed).toBe(false);
  const failedStep = events.find((e) => e.type === "generation:step" && e.data.status === "failed");
  expect(failedStep?.type === "generation:step" && failedStep.data.step_id).toBe("structure");
});
