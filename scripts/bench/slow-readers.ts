import WebSocket from "ws";
import type { SessionEvent } from "@/lib/protocol";
import { createRandomId, hashToken } from "@/lib/server/security/tokens";
import { openStore } from "@/lib/server/storage/kysely-store";
import { makeDataDir, removeDataDir, startServer } from "../../__tests__/helpers/server-process";
import { percentiles } from "./percentiles";

/*
 * `npx tsx scripts/bench/slow-readers.ts` (needs a production build): what readers that stop
 * reading cost the server (issue 21, finding 4). A session's log of SLOW_EVENTS events of ~15 KB
 * (45 MB by default) is written into a fresh SQLite folder, the production server starts on it,
 * SLOW_READERS WebSocket clients ask for the whole log and then never read a byte; for
 * SLOW_SECONDS the server's RSS (/api/stats) and /api/health latency are sampled.
 */

const EVENTS = Number(process.env.SLOW_EVENTS ?? 3_000);
const READERS = Number(process.env.SLOW_READERS ?? 10);
const SECONDS = Number(process.env.SLOW_SECONDS ?? 20);
const PAGE = `<main>${"<p>crumbly, buttery, golden</p>".repeat(470)}</main>`;

async function writeLog(dataDir: string, session: { sessionId: string; token: string }): Promise<number> {
  const store = await openStore({ dataDir });
  await store.createSession({
    id: session.sessionId, projectId: createRandomId(), prompt: "slow readers", tokenHash: hashToken(session.token), viewerTokenHash: hashToken(createRandomId()),
    engine: "template", baseVersion: null, newProjectTokenHash: hashToken(createRandomId()),
  });
  const timestamp = new Date().toISOString();
  let bytes = 0;
  for (let from = 1; from <= EVENTS; from += 500) {
    const events: SessionEvent[] = [];
    for (let seq = from; seq <= Math.min(EVENTS, from + 499); seq++) {
      events.push({ type: "preview:updated", data: { seq, session_id: session.sessionId, timestamp, step_id: "structure", preview_url: `/preview/${session.sessionId}`, html_content: `${PAGE}<!-- ${seq} -->`, css_content: "", js_content: "", version: seq, metadata: {} } });
      bytes += PAGE.length;
    }
    await store.appendEvents(events, [{ sessionId: session.sessionId, fromSeq: from - 1, toSeq: events.at(-1)!.data.seq, status: "completed", updatedAt: timestamp }]);
  }
  await store.close();
  return bytes;
}

function openSlowReader(url: string, session: { sessionId: string; token: string }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`);
    ws.once("error", reject);
    ws.once("message", () => {
      ws.send(`40${JSON.stringify({ ...session, lastEventId: 0 })}`);
      (ws as unknown as { _socket: { pause: () => void } })._socket.pause();
      resolve(ws);
    });
  });
}

async function main(): Promise<void> {
  const session = { sessionId: createRandomId(), token: createRandomId() };
  const dataDir = makeDataDir();
  const bytes = await writeLog(dataDir, session);
  const server = await startServer({ dataDir, env: { RATE_LIMIT_MESSAGES_PER_SECOND: "0" } });
  const rss = async () => ((await (await fetch(`${server.url}/api/stats`)).json()) as { memory_usage: { rss: number } }).memory_usage.rss;
  try {
    const before = await rss();
    const readers = await Promise.all(Array.from({ length: READERS }, () => openSlowReader(server.url, session)));
    const health: number[] = [];
    let peak = before;
    let last = before;
    const until = Date.now() + SECONDS * 1000;
    while (Date.now() < until) {
      const t = performance.now();
      await fetch(`${server.url}/api/health`);
      health.push(performance.now() - t);
      last = await rss();
      peak = Math.max(peak, last);
      await new Promise((r) => setTimeout(r, 200));
    }
    const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
    const p = percentiles(health);
    console.log(`slow readers: ${READERS} × a ${mb(bytes)} log for ${SECONDS} s: rss ${mb(before)} before, peak ${mb(peak)}, ${mb(last)} at the end; /api/health p50 ${p?.p50.toFixed(1)} ms, p99 ${p?.p99.toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms`);
    for (const ws of readers) ws.terminate();
  } finally {
    await server.stop();
    removeDataDir(dataDir);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
