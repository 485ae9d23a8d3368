import fc from "fast-check";
import { errorBodySchema } from "@/lib/protocol";
import { connectRecorder, createGeneration, expectConnectError, isTerminal, range, seqs } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(180_000);

const SEED = 20261126;
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    env: { RATE_LIMIT_GENERATIONS_PER_MINUTE: "0", RATE_LIMIT_MESSAGES_PER_SECOND: "0", RATE_LIMIT_SOCKETS_PER_IP: "0", TEMPLATE_STEP_MS: "20" },
  });
});
afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

const pollutionKeys = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty");
const hostile = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.dictionary(pollutionKeys, fc.anything({ maxDepth: 2 })),
  fc.record({ prompt: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string()), fc.string({ maxLength: 10 }).map((s) => s.repeat(500))) }),
  fc.integer({ min: 50, max: 3000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** Raw request bodies: JSON of hostile values, broken JSON, invalid UTF-8 bytes. */
const bodies = fc.oneof(
  hostile.map((v) => {
    try {
      return JSON.stringify(v) ?? "undefined";
    } catch {
      return "{";
    }
  }),
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
);

test("thousands of malformed HTTP bodies are each answered with a JSON error (or accepted), never a crash", async () => {
  const samples = fc.sample(bodies, { seed: SEED, numRuns: 1500 });
  const statuses = new Map<number, number>();
  for (const body of samples) {
    const res = await fetch(`${server.url}/api/generations`, { method: "POST", headers: { "content-type": "application/json" }, body });
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    expect([202, 400, 413]).toContain(res.status);
    const json: unknown = await res.json();
    if (res.status !== 202) expect(errorBodySchema.safeParse(json).success).toBe(true);
  }
  expect(statuses.get(400)).toBeGreaterThan(1000);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
});

test("hostile socket handshakes are refused with a code", async () => {
  const auths = fc.sample(fc.oneof(fc.anything({ maxDepth: 3 }), fc.dictionary(fc.constantFrom("sessionId", "token", "lastEventId", "__proto__"), fc.anything({ maxDepth: 2 }))), { seed: SEED, numRuns: 150 });
  for (const auth of auths) {
    // A non-object auth (array, number) is a malformed CONNECT packet that Socket.IO itself drops by
    // closing the transport, so those are wrapped to reach our handshake validation.
    const isRecord = typeof auth === "object" && auth !== null && !Array.isArray(auth);
    const refused = await expectConnectError(server.url, isRecord ? (auth as Record<string, unknown>) : { value: auth });
    expect(["VALIDATION_ERROR", "NOT_FOUND", "UNAUTHORIZED"]).toContain(refused.message);
  }
});

test("thousands of malformed socket messages leave the server up and other sessions untouched", async () => {
  const victim = await createGeneration(server.url, "A calm yoga studio called Still");
  const attackerSession = await createGeneration(server.url, "attacker");
  const attacker = connectRecorder(server.url, { sessionId: attackerSession.sessionId, token: attackerSession.token });
  await new Promise((r) => attacker.socket.once("connect", () => r(null)));
  const watcher = connectRecorder(server.url, { sessionId: victim.sessionId, token: victim.token });

  const names = fc.sample(fc.oneof(fc.constantFrom("log_event", "get_stats", "generation:step", "connected", "__proto__"), fc.string({ maxLength: 20 })), { seed: SEED, numRuns: 2000 });
  const payloads = fc.sample(hostile, { seed: SEED + 1, numRuns: 2000 });
  let acks = 0;
  await Promise.all(
    names.map((name, i) => {
      if (["connect", "disconnect", "connect_error", "disconnecting", "newListener", "removeListener"].includes(name)) return null;
      return attacker.socket
        .timeout(10_000)
        .emitWithAck(name as "log_event", payloads[i])
        .then(() => acks++)
        .catch(() => null); // unknown events get no ack: that is fine
    }),
  );
  expect(acks).toBeGreaterThan(100);
  await watcher.waitFor(isTerminal, 60_000);
  expect(seqs(watcher.events)).toEqual(range(1, watcher.events.length));
  expect(watcher.events.every((e) => e.data.session_id === victim.sessionId)).toBe(true);
  expect(attacker.events.every((e) => e.data.session_id === attackerSession.sessionId)).toBe(true);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  attacker.socket.close();
  watcher.socket.close();
});

test("cross-session access on every route and the socket is refused", async () => {
  const a = await createGeneration(server.url, "Site A");
  const b = await createGeneration(server.url, "Site B");
  const asA = { authorization: `Bearer ${a.token}` };
  const base = `${server.url}/api/generations/${b.sessionId}`;
  expect((await fetch(base, { headers: asA })).status).toBe(401);
  expect((await fetch(`${base}/cancel`, { method: "POST", headers: asA })).status).toBe(401);
  expect((await fetch(`${base}/retry`, { method: "POST", headers: asA })).status).toBe(401);
  expect((await fetch(`${base}/download`, { headers: asA })).status).toBe(401);
  expect((await fetch(`${base}/download?token=${a.token}`)).status).toBe(401);
  expect((await expectConnectError(server.url, { sessionId: b.sessionId, token: a.token })).message).toBe("UNAUTHORIZED");
  expect((await expectConnectError(server.url, { sessionId: b.sessionId, token: a.viewerToken })).message).toBe("UNAUTHORIZED");
  const edit = await fetch(`${server.url}/api/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${a.projectToken}` },
    body: JSON.stringify({ prompt: "steal", projectId: b.projectId }),
  });
  expect(edit.status).toBe(401);
});
