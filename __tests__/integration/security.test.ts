import { io } from "socket.io-client";
import { createHash } from "node:crypto";
import { connectRecorder, createGeneration, isTerminal, postJson } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(60_000);

/** What the server logs instead of an id (lib/server/logger.ts). */
const hashId = (id: string) => `#${createHash("sha256").update(id).digest("hex").slice(0, 12)}`;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    env: {
      RATE_LIMIT_GENERATIONS_PER_MINUTE: "4",
      RATE_LIMIT_SOCKETS_PER_IP: "3",
      RATE_LIMIT_MESSAGES_PER_SECOND: "5",
      ALLOWED_ORIGINS: "https://allowed.example",
    },
  });
});
afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

const connectWithOrigin = (origin: string, auth: Record<string, unknown>) =>
  new Promise<string>((resolve) => {
    const socket = io(server.url, { auth, transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { origin } });
    socket.on("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.on("connect_error", (err) => {
      socket.close();
      resolve(err.message);
    });
  });

test("logs are JSON lines without prompts or tokens at info level", async () => {
  const created = await createGeneration(server.url, "SECRET-PROMPT-TEXT for a bakery");
  const watcher = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await watcher.waitFor(isTerminal);
  watcher.socket.close();
  await new Promise((r) => setTimeout(r, 300));
  const joined = server.logs.join("\n");
  // Next prints its own "✓ Running next.config.mjs" banner; everything of ours is one JSON object per line.
  const ours = server.logs.filter((line) => !line.startsWith("✓ "));
  const parsed = ours.map((line) => JSON.parse(line) as Record<string, unknown>);
  const created_ = parsed.find((l) => l.msg === "generation created");
  // Ids are capabilities (a session id opens its preview): logs carry a short hash instead.
  expect(created_).toMatchObject({ requestId: expect.any(String), sessionId: hashId(created.sessionId), projectId: hashId(created.projectId), level: 30 });
  expect(joined).not.toContain("SECRET-PROMPT-TEXT");
  expect(joined).not.toContain(created.token);
  expect(joined).not.toContain(created.sessionId);
  expect(joined).not.toContain(created.projectId);
});

test("origins: foreign browser origins are refused, configured and own origins allowed", async () => {
  const created = await createGeneration(server.url);
  const auth = { sessionId: created.sessionId, token: created.token };
  expect(await connectWithOrigin("https://evil.example", auth)).toBe("ORIGIN_NOT_ALLOWED");
  expect(await connectWithOrigin("https://allowed.example", auth)).toBe("connected");
  expect(await connectWithOrigin(`http://localhost:${server.port}`, auth)).toBe("connected");
  expect(await connectWithOrigin(server.url, auth)).toBe("connected");
  const polling = await new Promise<string>((resolve) => {
    const socket = io(server.url, { auth, transports: ["polling"], reconnection: false, forceNew: true, extraHeaders: { origin: "https://evil.example" } });
    socket.on("connect", () => resolve("connected"));
    socket.on("connect_error", (err) => resolve(err.message));
  });
  expect(polling).toBe("ORIGIN_NOT_ALLOWED");
});

test("concurrent sockets per IP are capped, and a freed slot can be reused", async () => {
  const created = await createGeneration(server.url);
  const auth = { sessionId: created.sessionId, token: created.token };
  const clients = [0, 1, 2].map(() => connectRecorder(server.url, auth));
  await Promise.all(clients.map((c) => new Promise((r) => (c.socket.connected ? r(null) : c.socket.once("connect", () => r(null))))));
  // Counted at the Engine.IO handshake, before authentication: the 4th connection is refused
  // there, with the reason in the answer's body.
  const refused = await new Promise<string>((resolve) => {
    const socket = io(server.url, { auth, transports: ["websocket"], reconnection: false, forceNew: true });
    socket.on("connect", () => resolve("connected"));
    socket.on("connect_error", () => resolve("refused"));
  });
  expect(refused).toBe("refused");
  const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
  expect(handshake.status).toBe(403);
  expect(((await handshake.json()) as { message: string }).message).toMatch(/^RATE_LIMITED: /);
  clients[0]!.socket.close();
  await new Promise((r) => setTimeout(r, 200));
  const again = connectRecorder(server.url, auth);
  await new Promise((r) => again.socket.once("connect", () => r(null)));
  for (const c of [...clients, again]) c.socket.close();
  await new Promise((r) => setTimeout(r, 200));
});

test("client messages per socket per second are limited with a RATE_LIMITED ack", async () => {
  const created = await createGeneration(server.url);
  const client = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await client.waitFor(isTerminal);
  const answers = await Promise.all(Array.from({ length: 12 }, () => client.socket.timeout(5000).emitWithAck("get_stats")));
  const limited = answers.filter((a) => (a as { error?: { code: string } }).error?.code === "RATE_LIMITED");
  expect(limited.length).toBeGreaterThan(0);
  expect(answers.length - limited.length).toBeLessThanOrEqual(5);
  client.socket.close();
  await new Promise((r) => setTimeout(r, 200));
});

test("generation starts per IP per minute answer 429 with Retry-After once the limit is used", async () => {
  // Earlier tests in this file used some of the 4 starts; keep going until refused.
  let res = await postJson(`${server.url}/api/generations`, { prompt: "limit me" });
  for (let i = 0; i < 5 && res.status === 202; i++) res = await postJson(`${server.url}/api/generations`, { prompt: "limit me" });
  expect(res.status).toBe(429);
  expect((res.json as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
});

test("app pages carry security headers; previews are sandboxed", async () => {
  const page = await fetch(`${server.url}/`);
  expect(page.status).toBe(200);
  const csp = page.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  expect(page.headers.get("referrer-policy")).toBe("no-referrer");
  expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});

test("GET /api/metrics speaks Prometheus and counts what happened", async () => {
  const res = await fetch(`${server.url}/api/metrics`);
  expect(res.status).toBe(200);
  const text = await res.text();
  for (const name of [
    "openv0_socket_connections",
    "openv0_active_sessions",
    "openv0_events_published_total",
    "openv0_publish_emit_seconds_bucket",
    "openv0_events_replayed_total",
    "openv0_generation_duration_seconds_bucket",
    "openv0_errors_total",
    "openv0_rate_limit_rejections_total",
  ]) expect(text).toContain(name);
  expect(text).toMatch(/openv0_events_published_total\{type="generation:started"\} [1-9]/);
  expect(text).toMatch(/openv0_rate_limit_rejections_total\{limit="generations"\} [1-9]/);
  expect(text).toMatch(/openv0_errors_total\{code="ORIGIN_NOT_ALLOWED"\} [1-9]/);
});

