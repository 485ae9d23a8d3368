import { createInitialState, generationSnapshotSchema, reduceSessionEvent, type SessionEvent } from "@/lib/protocol";
import { connectRecorder, createGeneration, isTerminal, range, seqs } from "../helpers/clients";
import { startServer, removeDataDir, type RunningServer } from "../helpers/server-process";

jest.setTimeout(60_000);

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { TEMPLATE_STEP_MS: "150", HEARTBEAT_INTERVAL_MS: "300", REPLAY_CHECKPOINT_AFTER: "5" } });
});
afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

function assertWellFormedRun(events: SessionEvent[]) {
  expect(seqs(events)).toEqual(range(1, events.length));
  expect(events[0]!.type).toBe("generation:started");
  const terminal = events.filter((e) => e.type === "generation:completed");
  expect(terminal).toHaveLength(1);
  expect(events.at(-1)!.type).toBe("generation:completed");
  let progress = 0;
  for (const e of events) {
    if (e.type !== "generation:step") continue;
    expect(e.data.progress).toBeGreaterThanOrEqual(progress);
    progress = e.data.progress;
  }
}

test("a generation started over HTTP streams every step to a socket, in order, with contiguous seq", async () => {
  const created = await createGeneration(server.url, "A bakery called Crumb & Co with a menu, in green");
  // The app's client asks for deltas; a socket that does not is covered in seed-wire.test.ts.
  const client = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token, deltas: true });
  await client.waitFor(isTerminal);
  const { events } = client;
  assertWellFormedRun(events);
  expect(client.names[0]).toBe("connected");
  expect(client.invalid).toEqual([]);

  const started = events[0]!;
  if (started.type !== "generation:started") throw new Error("unreachable");
  const total = started.data.total_steps;
  expect(total).toBeGreaterThanOrEqual(4);
  // Per step: pending → in_progress → (preview) → completed.
  for (const step of started.data.steps) {
    const statuses = events.flatMap((e) => (e.type === "generation:step" && e.data.step_id === step.step_id ? [e.data.status] : []));
    expect(statuses).toEqual(["pending", "in_progress", "completed"]);
  }
  // An in-sync watcher that asked for deltas gets the first preview whole, then every logged
  // snapshot as a delta from the preview it holds (same seq): only what changed travels.
  const previews = events.filter((e) => e.type === "preview:updated" || e.type === "preview:delta");
  expect(previews.length).toBeGreaterThanOrEqual(3);
  const [first, ...later] = previews;
  if (first?.type !== "preview:updated") throw new Error("the first preview must be whole");
  expect(first.data.preview_url).toBe(`/preview/${created.sessionId}`);
  expect(later.map((e) => e.type)).toEqual(later.map(() => "preview:delta"));
  const folded = events.reduce(reduceSessionEvent, createInitialState(created.sessionId, created.projectId));
  expect(folded.preview?.html_content).toContain("Crumb &amp; Co");

  const done = events.at(-1)!;
  if (done.type !== "generation:completed") throw new Error("unreachable");
  expect(done.data.status).toBe("completed");
  expect(done.data.files_generated).toBe(3);
  // Measured, not invented: 4+ steps of at least 150 ms each.
  expect(done.data.total_time).toBeGreaterThanOrEqual((total * 150) / 1000 - 0.01);
  expect(done.data.total_time).toBeLessThan(30);
  const completedSteps = events.filter((e) => e.type === "generation:step" && e.data.status === "completed");
  for (const e of completedSteps) if (e.type === "generation:step") expect(e.data.duration).toBeGreaterThanOrEqual(0.14);

  // The route handler and the socket server share one EventService: the snapshot the API
  // serves is the fold of exactly the events the socket received.
  const res = await fetch(`${server.url}/api/generations/${created.sessionId}`, { headers: { authorization: `Bearer ${created.token}` } });
  expect(res.status).toBe(200);
  const snapshot = generationSnapshotSchema.parse(await res.json());
  expect(snapshot.last_seq).toBe(events.length);
  expect(snapshot.status).toBe("completed");
  expect(snapshot.progress).toBe(100);
  expect(snapshot.preview).toEqual(folded.preview);
  expect(snapshot.steps.every((s) => s.status === "completed" && s.duration !== null)).toBe(true);

  const page = await fetch(`${server.url}/preview/${created.sessionId}`);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-security-policy")).toMatch(/^sandbox allow-scripts allow-forms;/);
  expect(await page.text()).toContain("<h1");
  client.socket.close();

  // A late joiner replays the log as logged: the snapshots the live watcher got as deltas are
  // whole there (a delta the runner logged as such stays a delta for both).
  const late = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token, lastEventId: 0 });
  await late.waitFor(isTerminal);
  expect(seqs(late.events)).toEqual(seqs(events));
  const liveType = new Map(events.map((e) => [e.data.seq, e.type]));
  const whole = late.events.filter((e) => e.type === "preview:updated" && liveType.get(e.data.seq) === "preview:delta");
  expect(whole.length).toBeGreaterThanOrEqual(2);
  for (const e of late.events) if (e.type === "preview:delta") expect(liveType.get(e.data.seq)).toBe("preview:delta");
  expect(late.events.reduce(reduceSessionEvent, createInitialState(created.sessionId, created.projectId))).toEqual(folded);
  late.socket.close();
});

test("a socket that asks for the compact wire gets live deltas as preview:patch and the same fold", async () => {
  const created = await createGeneration(server.url, "A florist called Petal & Stem, in pink");
  const auth = { sessionId: created.sessionId, token: created.token };
  const compact = connectRecorder(server.url, { ...auth, compact: true });
  const full = connectRecorder(server.url, auth);
  await Promise.all([compact.waitFor(isTerminal), full.waitFor(isTerminal)]);
  expect(compact.invalid).toEqual([]);
  assertWellFormedRun(compact.events);
  expect(seqs(compact.events)).toEqual(seqs(full.events));
  // Live deltas travel compact to the socket that asked, full to the one that did not.
  expect(compact.names.filter((n) => n === "preview:patch").length).toBeGreaterThanOrEqual(2);
  expect(compact.names).not.toContain("preview:delta");
  expect(full.names).not.toContain("preview:patch");
  const fold = (events: SessionEvent[]) => events.reduce(reduceSessionEvent, createInitialState(created.sessionId, created.projectId));
  expect(fold(compact.events)).toEqual(fold(full.events));
  expect(fold(compact.events).preview?.html_content).toContain("Petal &amp; Stem");
  compact.socket.close();
  full.socket.close();

  // Replays are the log as logged, compact asked or not: whole snapshots, no patches.
  const late = connectRecorder(server.url, { ...auth, compact: true, lastEventId: 0 });
  await late.waitFor(isTerminal);
  expect(late.names).not.toContain("preview:patch");
  expect(fold(late.events)).toEqual(fold(full.events));
  late.socket.close();
});

test("reconnecting with lastEventId mid-generation: the union of both connections is exactly 1..N", async () => {
  const created = await createGeneration(server.url, "A portfolio for a photographer named Ana");
  const first = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await first.waitFor((e) => e.some((x) => x.type === "preview:updated"));
  first.socket.close();
  const seen = seqs(first.events);
  const lastEventId = seen.at(-1)!;

  const second = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token, lastEventId });
  await second.waitFor(isTerminal);
  const union = [...seen, ...seqs(second.events)];
  expect(union).toEqual(range(1, union.length));
  expect(second.events[0]!.data.seq).toBe(lastEventId + 1);
  assertWellFormedRun([...first.events, ...second.events]);
  second.socket.close();
});

test("a far-behind socket that asks for a checkpoint starts from the folded state; one that does not replays everything", async () => {
  const created = await createGeneration(server.url, "A tea shop called Leaf & Cup, in teal");
  const auth = { sessionId: created.sessionId, token: created.token };
  const watcher = connectRecorder(server.url, auth);
  await watcher.waitFor((e) => e.length > 6);
  const asking = connectRecorder(server.url, { ...auth, lastEventId: 0, checkpoint: true });
  const connected = new Promise<{ last_seq: number; compacted_through?: number }>((r) => asking.socket.once("connected", r));
  const plain = connectRecorder(server.url, { ...auth, lastEventId: 0 });
  const { compacted_through: through = 0 } = await connected;
  expect(through).toBeGreaterThan(6);
  await Promise.all([watcher, plain].map((c) => c.waitFor(isTerminal)));
  const all = seqs(watcher.events);
  // (On a fast machine the run may have ended before the checkpoint: then there is no tail to wait for.)
  if (through < all.at(-1)!) await asking.waitFor(isTerminal);
  expect(seqs(asking.events)).toEqual(all.filter((seq) => seq > through)); // only the tail after the checkpoint
  expect(seqs(plain.events)).toEqual(all);
  // The checkpoint is what the snapshot API serves: the fold of everything up to it and after.
  const res = await fetch(`${server.url}/api/generations/${created.sessionId}`, { headers: { authorization: `Bearer ${created.token}` } });
  const snapshot = generationSnapshotSchema.parse(await res.json());
  expect(snapshot.last_seq).toBe(all.at(-1));
  for (const c of [watcher, asking, plain]) c.socket.close();
});

test("the seed's query form (session_id, token, last_event_id) and the polling transport work too", async () => {
  const created = await createGeneration(server.url);
  const a = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await a.waitFor(isTerminal);
  a.socket.close();
  const { io } = await import("socket.io-client");
  const socket = io(server.url, {
    query: { session_id: created.sessionId, token: created.token, last_event_id: "3" },
    transports: ["polling"],
    forceNew: true,
    reconnection: false,
  });
  const got: number[] = [];
  socket.onAny((_name: string, data: { seq?: number }) => data?.seq && got.push(data.seq));
  await new Promise((r) => socket.on("generation:completed", r));
  expect(got).toEqual(range(4, a.events.length));
  socket.close();
});

test("a late joiner after completion gets connected (with last_seq) and then every event", async () => {
  const created = await createGeneration(server.url);
  const live = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await live.waitFor(isTerminal);
  live.socket.close();

  const late = connectRecorder(server.url, { sessionId: created.sessionId, token: created.viewerToken });
  const connected = new Promise<{ last_seq: number; role: string }>((r) => late.socket.on("connected", r));
  await late.waitFor((e) => e.length === live.events.length);
  expect((await connected).last_seq).toBe(live.events.length);
  expect((await connected).role).toBe("viewer");
  // Same seqs; the live watcher got later previews as deltas, the late joiner whole: same fold.
  expect(seqs(late.events)).toEqual(seqs(live.events));
  const fold = (events: SessionEvent[]) => events.reduce(reduceSessionEvent, createInitialState(created.sessionId, created.projectId));
  expect(fold(late.events)).toEqual(fold(live.events));
  late.socket.close();
});

test("sessions are isolated: A's token cannot join B, and A's socket receives nothing of B", async () => {
  const a = await createGeneration(server.url, "Session A site");
  const b = await createGeneration(server.url, "Session B site");
  const watcherA = connectRecorder(server.url, { sessionId: a.sessionId, token: a.token });
  await watcherA.waitFor(isTerminal);
  const { expectConnectError } = await import("../helpers/clients");
  const refused = await expectConnectError(server.url, { sessionId: b.sessionId, token: a.token });
  expect(refused.message).toBe("UNAUTHORIZED");
  expect(refused.data).toEqual({ code: "UNAUTHORIZED", message: expect.any(String) });
  const watcherB = connectRecorder(server.url, { sessionId: b.sessionId, token: b.token });
  await watcherB.waitFor(isTerminal);
  expect(watcherA.events.every((e) => e.data.session_id === a.sessionId)).toBe(true);
  expect(watcherB.events.every((e) => e.data.session_id === b.sessionId)).toBe(true);
  const snapshotWithWrongToken = await fetch(`${server.url}/api/generations/${b.sessionId}`, { headers: { authorization: `Bearer ${a.token}` } });
  expect(snapshotWithWrongToken.status).toBe(401);
  watcherA.socket.close();
  watcherB.socket.close();
});

test("heartbeat, get_stats with true figures, and log_event validation", async () => {
  const created = await createGeneration(server.url);
  const client = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await new Promise((r) => client.socket.on("heartbeat", r));
  const stats = await client.socket.timeout(5000).emitWithAck("get_stats");
  expect(stats).toMatchObject({ total_connections: expect.any(Number), active_sessions: expect.any(Number) });
  const s = stats as { total_connections: number; active_sessions: number; memory_usage: { rss: number }; uptime: number };
  expect(s.total_connections).toBeGreaterThanOrEqual(1);
  expect(s.active_sessions).toBeGreaterThanOrEqual(1);
  expect(s.memory_usage.rss).toBeGreaterThan(10_000_000);
  expect(s.uptime).toBeGreaterThan(0);

  expect(await client.socket.timeout(5000).emitWithAck("log_event", "ui:click", { button: "x" })).toEqual({ ok: true });
  const bad = (await client.socket.timeout(5000).emitWithAck("log_event", { event_type: 42 })) as { error: { code: string } };
  expect(bad.error.code).toBe("VALIDATION_ERROR");
  const huge = (await client.socket.timeout(5000).emitWithAck("log_event", "big", "x".repeat(10_000))) as { error: { code: string } };
  expect(huge.error.code).toBe("PAYLOAD_TOO_LARGE");
  const noAck = new Promise<{ code: string }>((r) => client.socket.on("request_error", r));
  client.socket.emit("log_event", null);
  expect((await noAck).code).toBe("VALIDATION_ERROR");
  client.socket.close();
});
