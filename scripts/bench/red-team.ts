import { percentiles } from "./percentiles";
import { bearer, createGeneration, postJson } from "../../__tests__/helpers/clients";
import { makeDataDir, removeDataDir, startServer, type RunningServer } from "../../__tests__/helpers/server-process";
import { statSync, readdirSync } from "node:fs";
import path from "node:path";

/*
 * `npx tsx scripts/bench/red-team.ts` (needs a production build): issue 21's red-team findings
 * 1, 4 (zips) and 5, measured again from outside against the production server on loopback, each
 * with the figure the finding gave. Findings 2, 3, 6–9 are behaviours (tests say yes or no); 4's
 * slow readers have their own script (slow-readers.ts); its 8 MiB answer is `llm-limits`.
 */

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

async function rss(server: RunningServer): Promise<{ rss: number; connections: number }> {
  const stats = (await (await fetch(`${server.url}/api/stats`)).json()) as { total_connections: number; memory_usage: { rss: number } };
  return { rss: stats.memory_usage.rss, connections: stats.total_connections };
}

/** GET /api/health back to back while `during` runs; latencies in ms. */
async function healthDuring(server: RunningServer, during: () => Promise<void>) {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await (await fetch(`${server.url}/api/health`)).arrayBuffer();
      latencies.push(performance.now() - t);
    }
  })();
  await during();
  running = false;
  await loop;
  const p = percentiles(latencies)!;
  return `/api/health ×${latencies.length} p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`;
}

async function waitCompleted(server: RunningServer, sessionId: string, token: string) {
  for (;;) {
    const state = (await (await fetch(`${server.url}/api/generations/${sessionId}`, { headers: bearer(token) })).json()) as { status: string };
    if (state.status === "completed") return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Finding 1: 12 long-polling connections from one address, each one POST of 580 CONNECTs; nobody reads. */
async function manyConnects(server: RunningServer) {
  const created = await createGeneration(server.url);
  await waitCompleted(server, created.sessionId, created.token);
  const polling = (sid?: string) => `${server.url}/socket.io/?EIO=4&transport=polling${sid ? `&sid=${sid}` : ""}`;
  const connect = `40${JSON.stringify({ sessionId: created.sessionId, token: created.token, lastEventId: 0 })}`;
  const before = await rss(server);
  let peak = before.rss;
  const sids: string[] = [];
  const health = await healthDuring(server, async () => {
    for (let i = 0; i < 12; i++) {
      const opened = await (await fetch(polling())).text();
      const { sid } = JSON.parse(opened.slice(1)) as { sid: string };
      sids.push(sid);
      await fetch(polling(sid), { method: "POST", body: Array.from({ length: 580 }, () => connect).join("\x1e"), headers: { "content-type": "text/plain;charset=UTF-8" } });
      peak = Math.max(peak, (await rss(server)).rss);
    }
    for (let i = 0; i < 20; i++) {
      peak = Math.max(peak, (await rss(server)).rss);
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  // One of the twelve reads its answers now: how many sockets did its 580 CONNECTs get?
  const packets: string[] = [];
  const answered = () => packets.filter((p) => p.startsWith("40") || p.startsWith("44")).length;
  while (answered() < 580) {
    const res = await fetch(polling(sids[0]));
    if (!res.ok) break;
    packets.push(...(await res.text()).split("\x1e"));
  }
  const replayed = packets.filter((p) => p.startsWith("42[")).length;
  console.log(
    `finding 1 (was: 580 sockets and 15,660 events replayed per connection, RSS 844 MB → 3.2 GB, health 3 s): ` +
      `one connection's 580 CONNECTs got ${packets.filter((p) => p.startsWith("40")).length} socket(s), ${packets.filter((p) => p.startsWith("44")).length} refusals, ${replayed} events; ` +
      `RSS ${mb(before.rss)} → peak ${mb(peak)}; ${health}`,
  );
  return created;
}

/** Random words: text that deflates about as badly as real copy does. */
function filler(chars: number): string {
  const words = ["crust", "rye", "sourdough", "oven", "morning", "butter", "flour", "seed", "honey", "loaf", "bake", "warm"];
  let text = "";
  while (text.length < chars) text += `${words[Math.floor(Math.random() * words.length)]}${Math.floor(Math.random() * 1e6).toString(36)} `;
  return text.slice(0, chars);
}

/** Finding 4: zip downloads in parallel with a viewer's token, of a site whose three files are near the 200,000-character cap. */
async function zips(server: RunningServer, created: { projectId: string; projectToken: string }) {
  const edit = await postJson(`${server.url}/api/generations`, {
    prompt: "Edit", projectId: created.projectId,
    edit: { kind: "code", html: `<main><p>${filler(190_000)}</p></main>`, css: `/* ${filler(190_000)} */`, js: `// ${filler(190_000)}` },
  }, bearer(created.projectToken));
  if (edit.status !== 202) throw new Error(`code edit: ${edit.status} ${JSON.stringify(edit.json)}`);
  const edited = edit.json as { sessionId: string; token: string };
  await waitCompleted(server, edited.sessionId, edited.token);
  const share = await postJson(`${server.url}/api/projects/${created.projectId}/share`, {}, bearer(created.projectToken));
  const viewerToken = (share.json as { viewerToken: string }).viewerToken;
  const statuses = new Map<number, number>();
  let bytes = 0;
  const health = await healthDuring(server, async () => {
    for (let round = 0; round < 4; round++) {
      await Promise.all(Array.from({ length: 10 }, async (_, i) => {
        // Half as a share viewer (the session's zip), half as the owner (the version's zip).
        const res = i % 2
          ? await fetch(`${server.url}/api/generations/${edited.sessionId}/download`, { headers: bearer(viewerToken) })
          : await fetch(`${server.url}/api/projects/${created.projectId}/versions/2/download`, { headers: bearer(created.projectToken) });
        bytes += (await res.arrayBuffer()).byteLength;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }));
    }
  });
  console.log(`finding 4, zips (was: 10 parallel downloads blocked /api/health 2.5 s): 4 × 10 in parallel (3 files near 200,000 characters) → ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(", ")}, ${mb(bytes)}; ${health}`);
}

/** Finding 5: restores for 20 s from one anonymous project. */
async function restores(server: RunningServer, created: { projectId: string; projectToken: string }) {
  const dbBytes = () => readdirSync(server.dataDir).filter((f) => f.includes(".db") || f.includes(".sqlite")).reduce((n, f) => n + statSync(path.join(server.dataDir, f)).size, 0);
  const before = dbBytes();
  const statuses = new Map<number, number>();
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const res = await postJson(`${server.url}/api/projects/${created.projectId}/versions/1/restore`, {}, bearer(created.projectToken));
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  const project = await fetch(`${server.url}/api/projects/${created.projectId}`, { headers: bearer(created.projectToken) });
  const answer = await project.text();
  const versions = (JSON.parse(answer) as { versions: unknown[] }).versions.length;
  console.log(
    `finding 5 (was: 5,713 restores in 20 s all 201, SQLite +280 MB, a 1.35 MB answer of 5,714 versions): ` +
      `${[...statuses].sort().map(([s, n]) => `${n}× ${s}`).join(", ")} in 20 s; SQLite files ${mb(before)} → ${mb(dbBytes())}; GET /api/projects/:id ${(answer.length / 1024).toFixed(1)} KB with ${versions} versions`,
  );
}

async function main() {
  const dataDir = makeDataDir();
  const server = await startServer({ dataDir });
  try {
    const created = await manyConnects(server);
    await zips(server, created);
    await restores(server, created);
  } finally {
    await server.stop();
    removeDataDir(dataDir);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
