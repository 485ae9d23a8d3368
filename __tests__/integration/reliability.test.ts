import { generationSnapshotSchema } from "@/lib/protocol";
import { connectRecorder, createGeneration, isTerminal, postJson, range, seqs, type Recorder } from "../helpers/clients";
import { makeDataDir, removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(120_000);

const dataDirs: string[] = [];
const servers: RunningServer[] = [];
async function boot(env: Record<string, string>, dataDir = makeDataDir()) {
  if (!dataDirs.includes(dataDir)) dataDirs.push(dataDir);
  const server = await startServer({ dataDir, env });
  servers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  dataDirs.forEach(removeDataDir);
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const completedSteps = (r: Recorder) =>
  r.events.flatMap((e) => (e.type === "generation:step" && e.data.status === "completed" ? [e.data.step_id] : []));

test("SIGTERM: clients hear INTERRUPTED before the drop, the process exits 0, and a retry after restart continues", async () => {
  const dataDir = makeDataDir();
  const first = await boot({ TEMPLATE_STEP_MS: "600", SHUTDOWN_TIMEOUT_MS: "5000" }, dataDir);
  const created = await createGeneration(first.url);
  const client = connectRecorder(first.url, { sessionId: created.sessionId, token: created.token });
  await client.waitFor((e) => e.some((x) => x.type === "generation:step" && x.data.status === "completed" && x.data.step_number === 2));
  const dropped = new Promise<string>((r) => client.socket.on("disconnect", r));
  const code = await first.stop("SIGTERM");
  expect(code).toBe(0);
  expect(await dropped).toBe("transport close"); // a drop, so real clients reconnect on their own
  const error = client.events.find((e) => e.type === "generation:error");
  expect(error?.type === "generation:error" && error.data).toMatchObject({ error_code: "INTERRUPTED", retry_available: true });
  expect(client.events.at(-1)!.type).toBe("generation:completed");
  const doneBefore = completedSteps(client);
  expect(doneBefore.length).toBeGreaterThanOrEqual(2);

  const second = await boot({ TEMPLATE_STEP_MS: "0" }, dataDir);
  const again = connectRecorder(second.url, { sessionId: created.sessionId, token: created.token, lastEventId: client.events.at(-1)!.data.seq });
  expect((await postJson(`${second.url}/api/generations/${created.sessionId}/retry`, {}, auth(created.token))).status).toBe(202);
  await again.waitFor(isTerminal);
  const all = [...client.events, ...again.events];
  expect(seqs(all)).toEqual(range(1, all.length));
  const rerun = again.events.flatMap((e) => (e.type === "generation:step" && e.data.status === "in_progress" ? [e.data.step_id] : []));
  for (const id of doneBefore) expect(rerun).not.toContain(id);
  const last = all.at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("completed");
  again.socket.close();
});

test("kill -9 mid-generation loses no logged event: each client reconnecting with its lastEventId gets exactly the missing ones", async () => {
  const dataDir = makeDataDir();
  const first = await boot({ TEMPLATE_STEP_MS: "300" }, dataDir);
  const created = await createGeneration(first.url);
  const watchers = [1, 2, 3].map(() => connectRecorder(first.url, { sessionId: created.sessionId, token: created.token }));
  // Stop the watchers at different points so each has a different lastEventId.
  for (const [i, w] of watchers.entries()) {
    await w.waitFor((e) => e.length >= 3 + i * 3);
    w.socket.close();
  }
  await new Promise((r) => setTimeout(r, 400));
  await first.stop("SIGKILL");

  const second = await boot({ TEMPLATE_STEP_MS: "0" }, dataDir);
  const snapshot = generationSnapshotSchema.parse(await (await fetch(`${second.url}/api/generations/${created.sessionId}`, { headers: auth(created.token) })).json());
  expect(snapshot.status).toBe("interrupted");
  for (const w of watchers) {
    const lastEventId = w.events.at(-1)!.data.seq;
    const back = connectRecorder(second.url, { sessionId: created.sessionId, token: created.token, lastEventId });
    await back.waitFor((e) => e.at(-1)?.data.seq === snapshot.last_seq);
    const union = [...seqs(w.events), ...seqs(back.events)];
    expect(union).toEqual(range(1, snapshot.last_seq));
    back.socket.close();
  }
});

test("200 clients on 20 concurrent sessions: every client gets every event exactly once, in order", async () => {
  const server = await boot({ TEMPLATE_STEP_MS: "100", RATE_LIMIT_SOCKETS_PER_IP: "0", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0", MAX_CONCURRENT_GENERATIONS: "20" });
  const sessions = await Promise.all(Array.from({ length: 20 }, (_, i) => createGeneration(server.url, `Site number ${i} for a gym`)));
  const clients = sessions.flatMap((s) =>
    Array.from({ length: 10 }, (_, i) => ({ session: s, rec: connectRecorder(server.url, { sessionId: s.sessionId, token: s.token }, { transports: i % 2 ? ["polling"] : ["websocket"] }) })),
  );
  await Promise.all(clients.map((c) => c.rec.waitFor(isTerminal, 90_000)));
  for (const { session, rec } of clients) {
    expect(seqs(rec.events)).toEqual(range(1, rec.events.length));
    expect(rec.events.every((e) => e.data.session_id === session.sessionId)).toBe(true);
    expect(rec.invalid).toEqual([]);
  }
  // Every watcher of one session saw the same log.
  for (const s of sessions) {
    const lengths = new Set(clients.filter((c) => c.session === s).map((c) => c.rec.events.length));
    expect(lengths.size).toBe(1);
  }
  clients.forEach((c) => c.rec.socket.close());
});

test("old finished sessions are compacted to their final snapshot and still load", async () => {
  const server = await boot({ TEMPLATE_STEP_MS: "0", EVENT_LOG_RETENTION_HOURS: "0.0003" });
  const created = await createGeneration(server.url);
  const live = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await live.waitFor(isTerminal);
  live.socket.close();
  const total = live.events.length;
  await new Promise((r) => setTimeout(r, 2500)); // retention ≈ 1 s, compaction every ≈ 0.5 s

  const late = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  const connected = await new Promise<{ last_seq: number; compacted_through?: number }>((r) => late.socket.on("connected", r));
  expect(connected).toMatchObject({ last_seq: total, compacted_through: total });
  await new Promise((r) => setTimeout(r, 300));
  expect(late.events).toEqual([]); // nothing left to replay: the snapshot is the state
  const snapshot = generationSnapshotSchema.parse(await (await fetch(`${server.url}/api/generations/${created.sessionId}`, { headers: auth(created.token) })).json());
  expect(snapshot).toMatchObject({ status: "completed", progress: 100, last_seq: total });
  expect(snapshot.preview?.html_content).toContain("<h1");
  expect((await fetch(`${server.url}/preview/${created.sessionId}`)).status).toBe(200);
  late.socket.close();
});
