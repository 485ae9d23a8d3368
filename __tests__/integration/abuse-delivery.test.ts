import WebSocket from "ws";
import type { SessionEvent } from "@/lib/protocol";
import { createRandomId, hashToken } from "@/lib/server/security/tokens";
import { openStore } from "@/lib/server/storage/kysely-store";
import { connectRecorder, range, seqs } from "../helpers/clients";
import { makeDataDir, removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(120_000);

/*
 * Delivery under abuse (issue 21): many Socket.IO CONNECTs on one Engine.IO connection, and
 * readers that stop reading while a large log replays to them. The session's log is written
 * straight into the database before the server starts: 1,500 events of ~16 KB (24 MB).
 */

const EVENTS = 1_500;
const PAGE = `<main>${"<p>crumbly, buttery, golden</p>".repeat(500)}</main>`;
const SLOW_READERS = 5;

let server: RunningServer;
const session = { sessionId: createRandomId(), token: createRandomId() };

async function writeLargeLog(dataDir: string): Promise<void> {
  const store = await openStore({ dataDir });
  const projectId = createRandomId();
  await store.createSession({
    id: session.sessionId, projectId, prompt: "a bakery", tokenHash: hashToken(session.token), viewerTokenHash: hashToken(createRandomId()),
    engine: "template", baseVersion: null, newProjectTokenHash: hashToken(createRandomId()), newProjectViewerTokenHash: hashToken(createRandomId()),
  });
  const timestamp = new Date().toISOString();
  for (let from = 1; from <= EVENTS; from += 500) {
    const events = range(from, Math.min(EVENTS, from + 499)).map((seq): SessionEvent => ({
      type: "preview:updated",
      data: {
        seq, session_id: session.sessionId, timestamp, step_id: "structure", preview_url: `/preview/${session.sessionId}`,
        html_content: `${PAGE}<!-- ${seq} -->`, css_content: "", js_content: "", version: seq, metadata: {},
      },
    }));
    await store.appendEvents(events, [{ sessionId: session.sessionId, fromSeq: from - 1, toSeq: events.at(-1)!.data.seq, status: "completed", updatedAt: timestamp }]);
  }
  await store.close();
}

beforeAll(async () => {
  const dataDir = makeDataDir();
  await writeLargeLog(dataDir);
  server = await startServer({ dataDir, env: { SOCKET_BUFFER_BYTES: "65536", SLOW_READER_TIMEOUT_MS: "1000", RATE_LIMIT_MESSAGES_PER_SECOND: "0" } });
});
afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

const polling = (sid?: string) => `${server.url}/socket.io/?EIO=4&transport=polling${sid ? `&sid=${sid}` : ""}`;

async function metric(name: string, label: string): Promise<number> {
  const text = await (await fetch(`${server.url}/api/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && l.includes(label));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

async function stats(): Promise<{ total_connections: number; memory_usage: { rss: number } }> {
  return (await fetch(`${server.url}/api/stats`)).json() as Promise<{ total_connections: number; memory_usage: { rss: number } }>;
}

/** Waits for `check` to hold, asking again after each answer (a state, not a time). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("one long-polling POST with 40 Socket.IO CONNECTs gets one socket; the other 39 are refused", async () => {
  const opened = await (await fetch(polling())).text();
  const { sid } = JSON.parse(opened.slice(1)) as { sid: string };
  const connect = `40${JSON.stringify({ ...session, lastEventId: EVENTS })}`;
  const posted = await fetch(polling(sid), { method: "POST", body: Array.from({ length: 40 }, () => connect).join("\x1e"), headers: { "content-type": "text/plain;charset=UTF-8" } });
  expect(posted.status).toBe(200);
  const packets: string[] = [];
  const answered = () => packets.filter((p) => p.startsWith("40") || p.startsWith("44")).length;
  while (answered() < 40) packets.push(...(await (await fetch(polling(sid))).text()).split("\x1e"));
  expect(packets.filter((p) => p.startsWith("40"))).toHaveLength(1);
  const refusals = packets.filter((p) => p.startsWith("44"));
  expect(refusals).toHaveLength(39);
  for (const refusal of refusals) expect(JSON.parse(refusal.slice(2))).toMatchObject({ message: "CONFLICT" });
  // One socket: one `connected`, and nothing replayed (it asked from the last seq).
  expect(packets.filter((p) => p.startsWith('42["connected"'))).toHaveLength(1);
});

/** A WebSocket client that asks for the whole log, then never reads another byte. */
function openSlowReader(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`);
    ws.once("error", reject);
    ws.once("message", () => {
      ws.send(`40${JSON.stringify({ ...session, lastEventId: 0 })}`);
      (ws as unknown as { _socket: { pause: () => void } })._socket.pause();
      resolve(ws);
    });
  });
}

test("readers that stop reading are paused, then dropped; a reading client still gets all 1,500 events in order", async () => {
  const before = await stats();
  const slow = await Promise.all(Array.from({ length: SLOW_READERS }, openSlowReader));
  const reader = connectRecorder(server.url, { ...session, lastEventId: 0 });
  let rssMax = 0;
  const sample = setInterval(() => void stats().then((s) => (rssMax = Math.max(rssMax, s.memory_usage.rss))), 200);
  try {
    await reader.waitFor((events) => events.length === EVENTS, 90_000);
    expect(seqs(reader.events)).toEqual(range(1, EVENTS));
    await eventually(async () => (await metric("openv0_rate_limit_rejections_total", 'limit="slow_reader"')) >= SLOW_READERS, "the slow readers to be dropped");
    await eventually(async () => (await stats()).total_connections === 1, "only the reading client to stay connected");
  } finally {
    clearInterval(sample);
    for (const ws of slow) ws.terminate();
    reader.socket.close();
  }
  // For the record (docs/BENCH.md): what the slow readers cost the server.
  console.log(`slow readers: rss ${Math.round(before.memory_usage.rss / 2 ** 20)} MB before, max ${Math.round(rssMax / 2 ** 20)} MB during`);
});
