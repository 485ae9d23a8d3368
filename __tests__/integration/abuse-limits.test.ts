import { createHash } from "node:crypto";
import { io } from "socket.io-client";
import { createGenerationResponseSchema, type CreateGenerationResponse, type SessionEvent } from "@/lib/protocol";
import { bearer, connectRecorder, postJson, type Recorder } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(120_000);

/*
 * The abuse paths of issue 10 against the real server. Behind TRUST_PROXY=1 each test speaks as
 * its own client address (the right-most X-Forwarded-For entry), so their budgets do not mix.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    env: {
      TRUST_PROXY: "1",
      LOG_LEVEL: "debug",
      TEMPLATE_STEP_MS: "3000", // runs last long enough to be cancelled while they run
      RATE_LIMIT_GENERATIONS_PER_MINUTE: "5",
      RATE_LIMIT_MESSAGES_PER_SECOND: "0",
      RATE_LIMIT_LOG_EVENTS_PER_MINUTE: "5",
      MAX_RUNS_PER_SESSION: "3",
    },
  });
});
afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

const hashId = (id: string) => `#${createHash("sha256").update(id).digest("hex").slice(0, 12)}`;
const from = (ip: string, spoofed = "203.0.113.66") => ({ "x-forwarded-for": `${spoofed}, ${ip}` });
const count = (events: SessionEvent[], type: SessionEvent["type"]) => events.filter((e) => e.type === type).length;

async function start(ip: string, prompt = "A flower shop called Petal & Stem"): Promise<CreateGenerationResponse> {
  const res = await postJson(`${server.url}/api/generations`, { prompt }, from(ip));
  if (res.status !== 202) throw new Error(`start failed: ${res.status} ${JSON.stringify(res.json)}`);
  return createGenerationResponseSchema.parse(res.json);
}

/** Cancels the session's current run once it has started, and waits for it to end. */
async function cancelStartedRun(watch: Recorder, created: CreateGenerationResponse, ip: string, run: number) {
  await watch.waitFor((e) => count(e, "generation:started") >= run);
  expect((await postJson(`${server.url}/api/generations/${created.sessionId}/cancel`, {}, { ...bearer(created.token), ...from(ip) })).status).toBe(202);
  await watch.waitFor((e) => count(e, "generation:completed") >= run);
}

const retry = (created: CreateGenerationResponse, ip: string) =>
  postJson(`${server.url}/api/generations/${created.sessionId}/retry`, {}, { ...bearer(created.token), ...from(ip) });

test("a session has at most MAX_RUNS_PER_SESSION runs; then retry answers 409 RUN_LIMIT_REACHED", async () => {
  const ip = "198.51.100.1";
  const created = await start(ip);
  const watch = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  for (let run = 1; run <= 3; run++) {
    await cancelStartedRun(watch, created, ip, run);
    const res = await retry(created, ip);
    if (run < 3) expect(res.status).toBe(202);
    else expect([res.status, (res.json as { error: { code: string } }).error.code]).toEqual([409, "RUN_LIMIT_REACHED"]);
  }
  watch.socket.close();
});

test("retries count against the address's generation budget", async () => {
  const ip = "198.51.100.2";
  const first = await start(ip); // 1 of 5
  const watch = connectRecorder(server.url, { sessionId: first.sessionId, token: first.token });
  const answers: number[] = [];
  for (let run = 1; run <= 5; run++) {
    await cancelStartedRun(watch, first, ip, run);
    const res = await retry(first, ip);
    answers.push(res.status);
    if (res.status !== 202) {
      expect((res.json as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      break;
    }
    if (run === 2) break; // the session's run cap (3) is near: continue on a second session
  }
  const second = await start(ip); // 4 of 5
  const watchSecond = connectRecorder(server.url, { sessionId: second.sessionId, token: second.token });
  await cancelStartedRun(watchSecond, second, ip, 1);
  expect((await retry(second, ip)).status).toBe(202); // 5 of 5
  await cancelStartedRun(watchSecond, second, ip, 2);
  const refused = await retry(second, ip);
  expect([refused.status, (refused.json as { error: { code: string } }).error.code]).toEqual([429, "RATE_LIMITED"]);
  expect(answers).toEqual([202, 202]);
  watch.socket.close();
  watchSecond.socket.close();
});

test("TRUST_PROXY=1 takes the address the proxy appended, not the client-written left-most one", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await postJson(`${server.url}/api/generations`, { prompt: "rotate me" }, from("198.51.100.3", `10.0.0.${i + 1}`));
    statuses.push(res.status);
  }
  expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
});

test("log_event has its own budget per socket, is written at debug, and secrets are redacted at any depth", async () => {
  const created = await start("198.51.100.4");
  const viewer = connectRecorder(server.url, { sessionId: created.sessionId, token: created.viewerToken });
  await new Promise((resolve) => viewer.socket.once("connect", () => resolve(null)));
  const payload = { event_type: "ui:error", data: { nested: { deeper: { token: "NESTED-SECRET-VALUE", apiKey: "KEY-VALUE" } }, note: "visible" } };
  const answers = await Promise.all(Array.from({ length: 8 }, () => viewer.socket.timeout(10_000).emitWithAck("log_event", payload)));
  const codes = answers.map((a) => ((a as { error?: { code: string } }).error?.code ?? "ok"));
  expect(codes.filter((c) => c === "ok")).toHaveLength(5);
  expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(3);
  viewer.socket.close();

  // stdout arrives after the acks: wait for the lines, then check there are exactly five.
  await waitUntil(() => server.logs.filter((l) => l.includes('"client log_event"')).length >= 5);
  const lines = server.logs.filter((l) => l.includes('"client log_event"')).map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toHaveLength(5);
  for (const line of lines) {
    expect(line).toMatchObject({ level: 20, sessionId: hashId(created.sessionId), data: { note: "visible", nested: { deeper: { token: "[redacted]", apiKey: "[redacted]" } } } });
  }
  const joined = server.logs.join("\n");
  expect(joined).not.toContain("NESTED-SECRET-VALUE");
  expect(joined).not.toContain("KEY-VALUE");
  expect(joined).not.toContain(created.sessionId);
});

test("malformed URLs answer a JSON 400, are logged and counted", async () => {
  for (const path of ["/g/%", "/preview/%", "/api/generations/%E0%A4%A", "/api/projects/%zz/versions/1/preview"]) {
    const res = await fetch(`${server.url}${path}`);
    expect([path, res.status, res.headers.get("content-type")]).toEqual([path, 400, "application/json"]);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_ERROR");
  }
  await waitUntil(() => server.logs.filter((l) => l.includes('"malformed URL refused"')).length >= 4);
  expect(server.logs.filter((l) => l.includes('"malformed URL refused"'))).toHaveLength(4);
  const metrics = await (await fetch(`${server.url}/api/metrics`)).text();
  expect(metrics).toMatch(/^openv0_malformed_urls_total 4$/m);
});

describe("connections are counted before authentication", () => {
  let guarded: RunningServer;
  beforeAll(async () => {
    guarded = await startServer({ env: { TRUST_PROXY: "1", MAX_CONNECTIONS: "5", RATE_LIMIT_SOCKETS_PER_IP: "3", SOCKET_AUTH_TIMEOUT_MS: "1500" } });
  });
  afterAll(async () => {
    await guarded.stop();
    removeDataDir(guarded.dataDir);
  });

  /** A raw Engine.IO polling handshake, as a flood would send it: no Socket.IO login at all. */
  const handshake = async (ip: string) => {
    const res = await fetch(`${guarded.url}/socket.io/?EIO=4&transport=polling`, { headers: from(ip) });
    const text = await res.text();
    return { status: res.status, text, sid: res.status === 200 ? (JSON.parse(text.slice(1)) as { sid: string }).sid : null };
  };

  test("per-IP and process-wide caps refuse at the handshake; silent connections are closed after the auth timeout", async () => {
    const a = await Promise.all([1, 2, 3].map(() => handshake("192.0.2.1")));
    expect(a.map((h) => h.status)).toEqual([200, 200, 200]);
    const fourth = await handshake("192.0.2.1");
    expect(fourth.status).toBe(403);
    expect((JSON.parse(fourth.text) as { message: string }).message).toMatch(/^RATE_LIMITED: /);

    const b = await Promise.all([1, 2].map(() => handshake("192.0.2.2")));
    expect(b.map((h) => h.status)).toEqual([200, 200]);
    const full = await handshake("192.0.2.3");
    expect(full.status).toBe(403);
    expect((JSON.parse(full.text) as { message: string }).message).toMatch(/^UNAVAILABLE: /);

    // Nobody logs in: the server closes each connection (a pending long-poll ends with a close packet).
    const polls = await Promise.all(
      [...a, ...b].map(async ({ sid }) => (await fetch(`${guarded.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { headers: from("192.0.2.1") })).text()),
    );
    expect(polls.every((p) => p.includes("1"))).toBe(true);
    const freed = await waitForHandshake(() => handshake("192.0.2.3"));
    expect(freed.status).toBe(200);
    const metrics = await (await fetch(`${guarded.url}/api/metrics`)).text();
    expect(metrics).toMatch(/openv0_rate_limit_rejections_total\{limit="auth_timeout"\} [1-9]/);
    expect(metrics).toMatch(/openv0_rate_limit_rejections_total\{limit="max_connections"\} [1-9]/);
  });

  test("an authenticated socket stays past the auth timeout", async () => {
    const res = await postJson(`${guarded.url}/api/generations`, { prompt: "A quiet library" }, from("192.0.2.9"));
    const created = createGenerationResponseSchema.parse(res.json);
    const socket = io(guarded.url, { auth: { sessionId: created.sessionId, token: created.token }, transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: from("192.0.2.9") });
    await new Promise((resolve) => socket.once("connect", () => resolve(null)));
    // A silent connection opened after it is closed by the auth timeout; the logged-in one stays.
    const silent = await handshake("192.0.2.10");
    const closed = await (await fetch(`${guarded.url}/socket.io/?EIO=4&transport=polling&sid=${silent.sid}`)).text();
    expect(closed).toContain("1");
    expect(await socket.timeout(5_000).emitWithAck("get_stats")).toMatchObject({ total_connections: expect.any(Number) });
    expect(socket.connected).toBe(true);
    socket.close();
  });
});

describe("fair queueing", () => {
  let queued: RunningServer;
  beforeAll(async () => {
    queued = await startServer({
      env: { TRUST_PROXY: "1", MAX_CONCURRENT_GENERATIONS: "1", MAX_QUEUED_PER_IP: "3", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0", TEMPLATE_STEP_MS: "5000" },
    });
  });
  afterAll(async () => {
    await queued.stop();
    removeDataDir(queued.dataDir);
  });

  const startOn = async (ip: string) => postJson(`${queued.url}/api/generations`, { prompt: "A market stall" }, from(ip));
  const snapshot = async (created: CreateGenerationResponse) =>
    (await fetch(`${queued.url}/api/generations/${created.sessionId}`, { headers: bearer(created.token) })).json() as Promise<{ status: string }>;

  test("a client's waiting jobs are capped, and a newcomer's job runs before the heavy client's backlog", async () => {
    const heavy = "192.0.2.50";
    const first = createGenerationResponseSchema.parse((await startOn(heavy)).json); // runs
    const watchFirst = connectRecorder(queued.url, { sessionId: first.sessionId, token: first.token });
    await watchFirst.waitFor((e) => count(e, "generation:started") === 1);
    const backlog = [];
    for (let i = 0; i < 3; i++) backlog.push(createGenerationResponseSchema.parse((await startOn(heavy)).json));
    const over = await startOn(heavy);
    expect([over.status, (over.json as { error: { code: string } }).error.code]).toEqual([429, "QUEUE_FULL"]);

    const newcomer = createGenerationResponseSchema.parse((await startOn("192.0.2.51")).json);
    const watchNewcomer = connectRecorder(queued.url, { sessionId: newcomer.sessionId, token: newcomer.token });
    // Slow steps keep the first job running until it is cancelled: then the one slot frees up.
    expect((await postJson(`${queued.url}/api/generations/${first.sessionId}/cancel`, {}, bearer(first.token))).status).toBe(202);
    await watchNewcomer.waitFor((e) => count(e, "generation:started") === 1, 60_000);
    // The newcomer took the slot; the heavy client's backlog still waits (first come would have run backlog[0]).
    for (const created of backlog) expect((await snapshot(created)).status).toBe("queued");
    for (const created of [newcomer, ...backlog]) await postJson(`${queued.url}/api/generations/${created.sessionId}/cancel`, {}, bearer(created.token));
    watchFirst.socket.close();
    watchNewcomer.socket.close();
  });
});

/** Retries a refused handshake until a slot is free (the server frees it when it closes the connections). */
async function waitForHandshake(attempt: () => Promise<{ status: number }>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result.status === 200 || Date.now() > deadline) return result;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
