import { io, type Socket } from "socket.io-client";
import { createGeneration } from "../../__tests__/helpers/clients";
import { llmServerEnv, startFakeOpenAI } from "../../__tests__/helpers/fake-openai-server";
import { removeDataDir, startServer } from "../../__tests__/helpers/server-process";

/*
 * `npx tsx scripts/bench/wire-bytes.ts` (needs a build: NEXT_DIST_DIR, default .next-bench):
 * bytes on the wire for a streamed page. The OpenAI-compatible engine generates against the fake
 * provider's `paced` answer — a ~20 KB page at ~300 characters/s, a model's pace — once watched
 * by 1 socket and once by 20 (two generations at the same time). Each socket counts the engine.io
 * message bytes it receives from connect to `generation:completed` (WebSocket frame headers, 2–4
 * bytes a message, not included); the page size is the final html + css + js. The sockets ask
 * for the compact live form (`compact: true`, as the app's client does), so in-sync deltas come
 * as `preview:patch`.
 */

interface Tally {
  all: number;
  preview: number;
  previewEvents: number;
  deltas: number;
}

function watch(url: string, sessionId: string, token: string): Promise<Tally> {
  return new Promise((resolve, reject) => {
    const tally: Tally = { all: 0, preview: 0, previewEvents: 0, deltas: 0 };
    const socket: Socket = io(url, { auth: { sessionId, token, compact: true }, transports: ["websocket"], forceNew: true, reconnection: false });
    socket.io.on("open", () => {
      socket.io.engine.on("packet", (packet: { type: string; data?: unknown }) => {
        if (packet.type !== "message" || typeof packet.data !== "string") return;
        const bytes = Buffer.byteLength(packet.data) + 1;
        tally.all += bytes;
        if (packet.data.startsWith('2["preview:')) {
          tally.preview += bytes;
          tally.previewEvents++;
          if (/^2\["preview:(delta|patch)"/.test(packet.data)) tally.deltas++;
        }
      });
    });
    socket.on("generation:completed", () => {
      socket.close();
      resolve(tally);
    });
    socket.on("connect_error", reject);
  });
}

async function main(): Promise<void> {
  process.env.NEXT_DIST_DIR ??= ".next-bench";
  const fake = await startFakeOpenAI();
  const server = await startServer({ env: llmServerEnv(fake, { LLM_STALL_TIMEOUT_MS: "15000" }) });
  try {
    const started = Date.now();
    const runs = await Promise.all(
      [1, 20].map(async (watchers) => {
        const created = await createGeneration(server.url, `A bakery called Crumb & Co [fake:paced] (${watchers})`);
        const tallies = await Promise.all(Array.from({ length: watchers }, () => watch(server.url, created.sessionId, created.token)));
        const res = await fetch(`${server.url}/api/generations/${created.sessionId}`, { headers: { authorization: `Bearer ${created.token}` } });
        const snapshot = (await res.json()) as { status: string; preview?: { html_content: string; css_content: string; js_content: string } };
        const page = snapshot.preview ? snapshot.preview.html_content.length + snapshot.preview.css_content.length + snapshot.preview.js_content.length : 0;
        return { watchers, status: snapshot.status, page, tallies };
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    for (const run of runs) {
      const t = run.tallies[0]!;
      const same = run.tallies.every((x) => x.all === t.all);
      console.log(
        `${String(run.watchers).padStart(2)} watcher(s), ${run.status}: page ${run.page.toLocaleString("en-US")} chars; per watcher: ` +
          `preview events ${t.previewEvents} (${t.deltas} deltas) = ${t.preview.toLocaleString("en-US")} B = ${(t.preview / run.page).toFixed(2)} × page; ` +
          `all messages ${t.all.toLocaleString("en-US")} B = ${(t.all / run.page).toFixed(2)} × page${run.watchers > 1 ? `; every watcher the same bytes: ${same}` : ""}`,
      );
    }
    console.log(`(both generations streamed at once in ${seconds.toFixed(0)} s)`);
  } finally {
    await server.stop();
    removeDataDir(server.dataDir);
    await fake.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
