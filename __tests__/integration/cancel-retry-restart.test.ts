import { connectRecorder, createGeneration, isTerminal, postJson, range, seqs } from "../helpers/clients";
import { makeDataDir, removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(90_000);

const dataDir = makeDataDir();
let server: RunningServer;
afterAll(async () => {
  await server?.stop();
  removeDataDir(dataDir);
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

test("cancel stops a run with CANCELLED; retry continues from the first unfinished step in the same session", async () => {
  server = await startServer({ dataDir, env: { TEMPLATE_STEP_MS: "400" } });
  const created = await createGeneration(server.url);
  const client = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await client.waitFor((e) => e.some((x) => x.type === "generation:step" && x.data.status === "completed" && x.data.step_number >= 2));
  const cancel = await postJson(`${server.url}/api/generations/${created.sessionId}/cancel`, {}, auth(created.token));
  expect(cancel.status).toBe(202);
  await client.waitFor(isTerminal);
  const error = client.events.find((e) => e.type === "generation:error");
  expect(error?.type === "generation:error" && error.data).toMatchObject({ error_code: "CANCELLED", retry_available: true });
  const firstRunLength = client.events.length;
  const doneBefore = client.events.flatMap((e) => (e.type === "generation:step" && e.data.status === "completed" ? [e.data.step_id] : []));

  const retry = await postJson(`${server.url}/api/generations/${created.sessionId}/retry`, {}, auth(created.token));
  expect(retry.status).toBe(202);
  await client.waitFor((e) => e.filter((x) => x.type === "generation:completed").length === 2);
  const second = client.events.slice(firstRunLength);
  expect(second[0]!.type).toBe("generation:started");
  expect(seqs(client.events)).toEqual(range(1, client.events.length));
  const rerun = second.flatMap((e) => (e.type === "generation:step" && e.data.status === "in_progress" ? [e.data.step_id] : []));
  for (const id of doneBefore) expect(rerun).not.toContain(id);
  const last = client.events.at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("completed");
  let progress = 0;
  for (const e of client.events) {
    if (e.type === "generation:step") {
      expect(e.data.progress).toBeGreaterThanOrEqual(progress);
      progress = e.data.progress;
    }
  }
  client.socket.close();
});

test("a server killed mid-generation marks it INTERRUPTED on restart, and a retry then completes", async () => {
  const created = await createGeneration(server.url);
  const client = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await client.waitFor((e) => e.some((x) => x.type === "preview:updated"));
  const lastSeen = client.events.at(-1)!.data.seq;
  client.socket.close();
  await server.stop("SIGKILL");

  server = await startServer({ dataDir, env: { TEMPLATE_STEP_MS: "50" } });
  const back = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token, lastEventId: lastSeen });
  await back.waitFor(isTerminal);
  expect(back.events[0]!.data.seq).toBe(lastSeen + 1);
  const error = back.events.find((e) => e.type === "generation:error");
  expect(error?.type === "generation:error" && error.data).toMatchObject({ error_code: "INTERRUPTED", retry_available: true });
  // The interrupted run's totals are measured, not zeros: it had a preview (files) and ran a while.
  const interrupted = back.events.find((e) => e.type === "generation:completed");
  expect(interrupted?.type === "generation:completed" && interrupted.data).toMatchObject({ status: "failed", files_generated: expect.any(Number) });
  if (interrupted?.type === "generation:completed") {
    expect(interrupted.data.files_generated).toBeGreaterThan(0);
    expect(interrupted.data.total_time).toBeGreaterThan(0);
  }

  const retry = await postJson(`${server.url}/api/generations/${created.sessionId}/retry`, {}, auth(created.token));
  expect(retry.status).toBe(202);
  await back.waitFor((e) => e.some((x) => x.type === "generation:completed" && x.data.status === "completed"));
  const all = [...client.events, ...back.events];
  expect(seqs(all)).toEqual(range(1, all.length));
  back.socket.close();
});
