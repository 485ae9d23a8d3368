import { hashId } from "@/lib/server/logger";
import { setupLlmApp } from "../helpers/llm-harness";

jest.setTimeout(90_000);

/*
 * What a run costs when the model misbehaves, and what the log says about runs: an 8 MiB answer
 * ends with OUTPUT_TOO_LONG and a bounded log; a failing, retried run is logged at info with its
 * codes and counted even when it fails while planning.
 */

const app = setupLlmApp();

type LogLine = { msg?: string; code?: string; run?: number; sessionId?: string; retrying?: boolean };
const logLines = (): LogLine[] => app.server.logs.flatMap((line) => {
  try {
    return [JSON.parse(line) as LogLine];
  } catch {
    return [];
  }
});

test("an 8 MiB model answer stops at the file cap with OUTPUT_TOO_LONG; the log stays small", async () => {
  const before = app.fake.requests.length;
  const created = await app.create("A bakery called Crumb & Co [fake:huge@html]");
  const client = await app.recordToEnd(created, 60_000);
  const error = client.events.find((e) => e.type === "generation:error");
  if (error?.type !== "generation:error") throw new Error("the run did not fail");
  expect(error.data.error_code).toBe("OUTPUT_TOO_LONG");
  expect(error.data.retry_available).toBe(true);
  // Every request carried the token limit; the markup request was abandoned at the cap.
  const asked = app.fake.requests.slice(before);
  expect(asked.every((r) => r.maxTokens === 16_384)).toBe(true);
  const html = asked.find((r) => r.kind === "html")!;
  await app.fake.waitFor(() => html.aborted || html.completed);
  expect(html.aborted).toBe(true);
  // The whole log as a replay sends it: bounded by the 200,000-character cap, not 8 MiB.
  const logged = client.events.reduce((n, e) => n + JSON.stringify(e.data).length, 0);
  expect(logged).toBeLessThan(2_000_000);
  console.log(`8 MiB answer: ${client.events.length} events, ${(logged / 2 ** 20).toFixed(2)} MB logged, ${client.events.filter((e) => e.type === "preview:updated").length} whole snapshots`);
});

test("a run failing while planning is counted and logged at info; its retry is logged too", async () => {
  const created = await app.create("A bakery that keeps failing [fake:500@plan]");
  await app.recordToEnd(created, 30_000);
  expect((await app.snapshot(created)).run).toBe(1);
  expect((await app.post(created, "retry")).status).toBe(202);
  const watcher = app.watch(created);
  await watcher.waitFor((events) => events.filter((e) => e.type === "generation:completed").length === 2, 30_000);
  watcher.socket.close();
  const snapshot = await app.snapshot(created);
  expect(snapshot.run).toBe(2);
  expect(snapshot.error?.code).toBe("PROVIDER_ERROR");

  const lines = logLines().filter((l) => l.sessionId === hashId(created.sessionId));
  const mine = (msg: string) => lines.filter((l) => l.msg === msg);
  expect(mine("generation run started").map((l) => l.run)).toEqual(expect.arrayContaining([1, 2]));
  expect(mine("generation run failed").filter((l) => l.code === "PROVIDER_ERROR").length).toBeGreaterThanOrEqual(2);
  expect(mine("generation retry queued").length).toBeGreaterThanOrEqual(1);
  expect(logLines().some((l) => l.msg === "AI provider error" && l.code === "PROVIDER_ERROR")).toBe(true);
  // Codes, never the prompt.
  expect(app.server.logs.join("\n")).not.toContain("keeps failing");
});
