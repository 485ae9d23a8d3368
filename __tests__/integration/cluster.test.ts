import { generationSnapshotSchema, type SessionEvent } from "@/lib/protocol";
import { bearer, connectRecorder, createGeneration, expectConnectError, isTerminal, postJson, range, recordProjectNotices, seqs, type Recorder } from "../helpers/clients";
import { startPostgres, type RunningPostgres } from "../helpers/postgres-server";
import { reapWhenWeExit, startRedis, type RunningRedis } from "../helpers/redis-server";
import { makeDataDir, removeDataDir, startServer, type RunningServer } from "../helpers/server-process";
import { startWorker, type RunningWorker } from "../helpers/worker-process";

// Scale-out (issue 6): two web nodes sharing PostgreSQL + Redis, jobs run only by separate workers.
// Stall takeover waits for WORKER_LOCK_MS plus BullMQ's stalled-check interval: timeouts are generous
// and nothing here asserts on timing.
jest.setTimeout(180_000);

let redis: RunningRedis | undefined;
let postgres: RunningPostgres | undefined;
let clusterEnv: Record<string, string> = {};
let nodeA: RunningServer;
let nodeB: RunningServer;
let w1: RunningWorker;
const servers: RunningServer[] = [];
const workers: RunningWorker[] = [];
const recorders: Recorder[] = [];
const dataDirs: string[] = [];

async function bootNode(): Promise<RunningServer> {
  const dataDir = makeDataDir();
  dataDirs.push(dataDir);
  const server = await startServer({ dataDir, env: clusterEnv });
  servers.push(server);
  // Nodes must not outlive a killed test run either (server-process.ts has no such net).
  const disarm = reapWhenWeExit(server.proc, "KILL");
  server.proc.once("exit", disarm);
  return server;
}

async function bootWorker(env: Record<string, string> = {}): Promise<RunningWorker> {
  const dataDir = makeDataDir();
  dataDirs.push(dataDir);
  const worker = await startWorker({ env: { ...clusterEnv, DATA_DIR: dataDir, ...env } });
  workers.push(worker);
  return worker;
}

/** SIGTERM, then a clear failure (and SIGKILL) if the worker does not exit in time. */
async function stopGracefully(worker: RunningWorker): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), 20_000)));
  const code = await Promise.race([worker.stop("SIGTERM"), timeout]);
  clearTimeout(timer);
  if (code === "timeout") {
    await worker.stop("SIGKILL");
    throw new Error("worker did not exit within 20 s of SIGTERM");
  }
}

function watch(node: RunningServer, auth: Record<string, unknown>): Recorder {
  const recorder = connectRecorder(node.url, auth);
  recorders.push(recorder);
  return recorder;
}

beforeAll(async () => {
  // One at a time, each recorded before the next starts, so afterAll can clean up after a partial start.
  redis = await startRedis();
  postgres = await startPostgres();
  clusterEnv = {
    REDIS_URL: redis.url,
    DATABASE_URL: postgres.url,
    WORKER_IN_WEB: "0",
    TEMPLATE_STEP_MS: "400",
    WORKER_LOCK_MS: "3000",
    RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
    RATE_LIMIT_SOCKETS_PER_IP: "0",
    RATE_LIMIT_MESSAGES_PER_SECOND: "0",
  };
  nodeA = await bootNode(); // alone first: it runs the migrations on the empty database
  [nodeB, w1] = await Promise.all([bootNode(), bootWorker()]);
}, 240_000);

afterAll(async () => {
  recorders.forEach((r) => r.socket.close());
  await Promise.allSettled([...servers.map((s) => s.stop("SIGKILL")), ...workers.map((w) => w.stop("SIGKILL"))]);
  await Promise.allSettled([redis?.stop(), postgres?.stop()]);
  dataDirs.forEach(removeDataDir);
}, 60_000);

const ofType = <T extends SessionEvent["type"]>(events: SessionEvent[], type: T) =>
  events.filter((e): e is Extract<SessionEvent, { type: T }> => e.type === type);
const stepAt = (status: string, stepNumber: number) => (events: SessionEvent[]) =>
  ofType(events, "generation:step").some((e) => e.data.status === status && e.data.step_number >= stepNumber);
const completedStepIds = (events: SessionEvent[]) =>
  ofType(events, "generation:step").flatMap((e) => (e.data.status === "completed" ? [e.data.step_id] : []));
/** Lets a late duplicate or a still-running job show itself before we count. */
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchSnapshot(node: RunningServer, sessionId: string, token: string) {
  const res = await fetch(`${node.url}/api/generations/${sessionId}`, { headers: bearer(token) });
  expect(res.status).toBe(200);
  return generationSnapshotSchema.parse(await res.json());
}

test("(a) a client on node A follows a generation created through node B and run by the worker, exactly once", async () => {
  const created = await createGeneration(nodeB.url, "A bakery called Crumb & Co with a menu");
  const client = watch(nodeA, { sessionId: created.sessionId, token: created.token });
  await client.waitFor(isTerminal, 60_000);
  await settle(1_000);
  expect(client.invalid).toEqual([]);
  expect(seqs(client.events)).toEqual(range(1, client.events.length));
  expect(ofType(client.events, "generation:completed")).toHaveLength(1);
  const started = ofType(client.events, "generation:started");
  expect(started).toHaveLength(1);
  expect(completedStepIds(client.events)).toEqual(started[0]!.data.steps.map((s) => s.step_id));
  const last = client.events.at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("completed");
  // Both nodes read the same log.
  for (const node of [nodeA, nodeB]) {
    expect(await fetchSnapshot(node, created.sessionId, created.token)).toMatchObject({ status: "completed", last_seq: client.events.length });
  }
});

test("(a2) a follow-up created through node B and run by the worker is announced to the project's sockets on node A", async () => {
  const first = await createGeneration(nodeB.url, "A tea room called Steep");
  const owner = watch(nodeA, { sessionId: first.sessionId, token: first.token });
  const announced = recordProjectNotices(owner.socket);
  await owner.waitFor(isTerminal, 60_000);
  const edit = await postJson(`${nodeB.url}/api/generations`, { prompt: "add a pricing section", projectId: first.projectId }, bearer(first.projectToken));
  expect(edit.status).toBe(202);
  const { sessionId } = edit.json as { sessionId: string };
  // "started" from node B's route, "updated" twice from the worker's run: all through the adapter.
  await announced.waitFor(
    (notices) => notices.some((n) => n.session_id === sessionId && n.change === "started") && notices.filter((n) => n.session_id === sessionId && n.change === "updated").length >= 2,
    "the follow-up's notices on node A",
  );
  expect(announced.notices.every((n) => n.project_id === first.projectId)).toBe(true);
});

test("(b) node A killed mid-run: its client reconnects to node B with lastEventId and gets exactly the missing events", async () => {
  const created = await createGeneration(nodeA.url, "A portfolio for a landscape photographer");
  const onA = watch(nodeA, { sessionId: created.sessionId, token: created.token });
  await onA.waitFor(stepAt("completed", 2), 30_000);
  const dropped = new Promise((r) => onA.socket.once("disconnect", r));
  await nodeA.stop("SIGKILL");
  await dropped;
  expect(isTerminal(onA.events)).toBe(false); // otherwise the run ended before the kill and this proves nothing

  const lastEventId = onA.events.at(-1)!.data.seq;
  const onB = watch(nodeB, { sessionId: created.sessionId, token: created.token, lastEventId });
  await onB.waitFor(isTerminal, 60_000);
  await settle(1_000);
  const all = [...onA.events, ...onB.events];
  const snapshot = await fetchSnapshot(nodeB, created.sessionId, created.token);
  expect(seqs(all)).toEqual(range(1, snapshot.last_seq));
  expect(ofType(all, "generation:completed")).toHaveLength(1);
  expect(snapshot.status).toBe("completed"); // a web node dying does not touch a job the worker runs

  // A comes back (on a new port) for the later scenarios and reads the same state.
  nodeA = await bootNode();
  expect(await fetchSnapshot(nodeA, created.sessionId, created.token)).toMatchObject({ status: "completed", last_seq: snapshot.last_seq });
});

test("(c) a worker killed mid-job: a second worker takes it over; seqs stay contiguous and never repeat", async () => {
  // While the job is queued the victim is the only consumer, so we know which process runs it;
  // its slow steps keep the job mid-run while W2 boots.
  await stopGracefully(w1);
  const victim = await bootWorker({ TEMPLATE_STEP_MS: "4000" });
  const created = await createGeneration(nodeB.url, "A landing page for a yoga studio");
  const client = watch(nodeA, { sessionId: created.sessionId, token: created.token });
  await client.waitFor(stepAt("in_progress", 1), 30_000);
  await bootWorker(); // W2
  expect(ofType(client.events, "generation:error")).toEqual([]); // W2 starting up left the running job alone
  expect(isTerminal(client.events)).toBe(false); // otherwise the kill below would not be mid-job
  const doneBeforeKill = completedStepIds(client.events);
  await victim.stop("SIGKILL");

  await client.waitFor(isTerminal, 150_000);
  await settle(1_500);
  const seen = seqs(client.events);
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toEqual(range(1, seen.length));
  expect(ofType(client.events, "generation:completed")).toHaveLength(1);
  expect((await fetchSnapshot(nodeB, created.sessionId, created.token)).last_seq).toBe(new Set(seen).size);

  const last = client.events.at(-1)!;
  if (last.type === "generation:completed" && last.data.status === "completed") {
    // Continued: a new run, and no step the victim finished is run again.
    const runs = ofType(client.events, "generation:started").map((e) => e.data.run);
    expect(runs).toEqual([runs[0], runs[0]! + 1]);
    const takeover = client.events.findIndex((e, i) => i > 0 && e.type === "generation:started");
    const rerun = ofType(client.events.slice(takeover), "generation:step").flatMap((e) => (e.data.status === "in_progress" ? [e.data.step_id] : []));
    for (const id of doneBeforeKill) expect(rerun).not.toContain(id);
  } else {
    // Or failed clearly, and retryable.
    expect(last.type === "generation:completed" && last.data.status).toBe("failed");
    expect(ofType(client.events, "generation:error").at(-1)?.data).toMatchObject({ retry_available: true });
  }

  // The log both nodes replay is the very sequence the live client saw (no second writer forked it).
  const replay = watch(nodeB, { sessionId: created.sessionId, token: created.token, lastEventId: 0 });
  await replay.waitFor((e) => e.length >= seen.length, 30_000);
  expect(replay.events.map((e) => `${e.data.seq}:${e.type}`)).toEqual(client.events.map((e) => `${e.data.seq}:${e.type}`));
}, 300_000);

test("(d) a cancel sent to node B stops the job the worker is running", async () => {
  const created = await createGeneration(nodeA.url, "A site for a cycling club");
  const client = watch(nodeA, { sessionId: created.sessionId, token: created.token });
  await client.waitFor(stepAt("in_progress", 1), 30_000);
  const cancel = await postJson(`${nodeB.url}/api/generations/${created.sessionId}/cancel`, {}, bearer(created.token));
  expect(cancel.status).toBe(202);
  await client.waitFor(isTerminal, 30_000);
  const errors = ofType(client.events, "generation:error");
  expect(errors).toHaveLength(1);
  expect(errors[0]!.data).toMatchObject({ error_code: "CANCELLED", retry_available: true });
  const last = client.events.at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("failed");

  // Had the job kept running on the worker, it would publish its remaining steps within ~2 s.
  await settle(3_000);
  expect(client.events.at(-1)!.data.seq).toBe(last.data.seq);
  expect(seqs(client.events)).toEqual(range(1, last.data.seq));
  const afterError = client.events.slice(client.events.indexOf(errors[0]!));
  expect(completedStepIds(afterError)).toEqual([]);
  expect(await fetchSnapshot(nodeB, created.sessionId, created.token)).toMatchObject({ status: "cancelled", last_seq: last.data.seq });
});

test("(e) node B refuses a wrong token and another session's token; the right token works on both nodes", async () => {
  const fromA = await createGeneration(nodeA.url, "A menu page for a taco truck");
  const fromB = await createGeneration(nodeB.url, "A page for a piano teacher");
  // Same shape as a real token (so not a VALIDATION_ERROR), one character off.
  const wrong = fromB.token.slice(0, -1) + (fromB.token.endsWith("A") ? "B" : "A");
  for (const [sessionId, token] of [
    [fromB.sessionId, wrong],
    [fromB.sessionId, fromA.token],
    [fromA.sessionId, fromB.token],
  ] as const) {
    expect((await expectConnectError(nodeB.url, { sessionId, token })).message).toBe("UNAUTHORIZED");
  }
  expect((await fetch(`${nodeB.url}/api/generations/${fromA.sessionId}`, { headers: bearer(fromB.token) })).status).toBe(401);

  // Control: the refusals above are about the token, not about sessions created on another node.
  for (const node of [nodeA, nodeB]) {
    const ok = watch(node, { sessionId: fromB.sessionId, token: fromB.token });
    const connected = await new Promise<{ session_id: string }>((r) => ok.socket.once("connected", r));
    expect(connected.session_id).toBe(fromB.sessionId);
    await ok.waitFor(isTerminal, 60_000);
  }
  // Leave no job running into the next scenario (it stops the workers).
  await watch(nodeA, { sessionId: fromA.sessionId, token: fromA.token }).waitFor(isTerminal, 60_000);
});

test("(f) a web node starting while a worker runs a job leaves that job alone (no INTERRUPTED)", async () => {
  // Today's single-process start-up marks every `running` session INTERRUPTED; with a shared
  // database that would kill other processes' jobs. A slow worker keeps the job running during the boot.
  await Promise.all(workers.map(stopGracefully));
  await bootWorker({ TEMPLATE_STEP_MS: "2500", WORKER_CONCURRENCY: "4" });
  const created = await createGeneration(nodeB.url, "A site for a dog groomer");
  const client = watch(nodeB, { sessionId: created.sessionId, token: created.token });
  await client.waitFor(stepAt("in_progress", 1), 30_000);
  const nodeC = await bootNode();
  expect(ofType(client.events, "generation:error")).toEqual([]); // checked first: it names the culprit
  expect(isTerminal(client.events)).toBe(false); // the boot really overlapped the job
  await client.waitFor(isTerminal, 60_000);
  expect(ofType(client.events, "generation:error")).toEqual([]);
  expect(ofType(client.events, "generation:started")).toHaveLength(1);
  expect(seqs(client.events)).toEqual(range(1, client.events.length));
  expect(await fetchSnapshot(nodeC, created.sessionId, created.token)).toMatchObject({ status: "completed", last_seq: client.events.length });
});
