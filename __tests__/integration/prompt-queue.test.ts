import { errorBodySchema, projectTurnsResponseSchema, promptQueueResponseSchema, queuePromptResponseSchema, type CreateGenerationResponse } from "@/lib/protocol";
import { bearer, connectRecorder, createGeneration, isTerminal, postJson, recordProjectNotices } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(180_000);

/*
 * The prompt queue and restores as turns, against the real server: prompts typed during a run are
 * stored, editable and removable, readable by the share link, and run in order when the run ends,
 * also across a server restart (the queue lives in the database, the server drives it).
 */

const ENV = { TEMPLATE_STEP_MS: "400", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" };
let server: RunningServer;
let dataDir: string;
beforeAll(async () => {
  server = await startServer({ env: ENV });
  dataDir = server.dataDir;
});
afterAll(async () => {
  await server?.stop();
  removeDataDir(dataDir);
});

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(token ? bearer(token) : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

const turnsOf = async (site: CreateGenerationResponse) => projectTurnsResponseSchema.parse((await call("GET", `/api/projects/${site.projectId}/turns`, site.projectToken)).json).turns;
const queueOf = async (site: CreateGenerationResponse, token = site.projectToken) =>
  promptQueueResponseSchema.parse((await call("GET", `/api/projects/${site.projectId}/queue`, token)).json).items;
const enqueue = async (site: CreateGenerationResponse, prompt: string) => {
  const res = await call("POST", `/api/projects/${site.projectId}/queue`, site.projectToken, { prompt });
  expect(res.status).toBe(201);
  return queuePromptResponseSchema.parse(res.json);
};

/** Watches a turn with the project token (it owns every turn, also the server-started ones) until it ends. */
async function finish(sessionId: string, token: string) {
  const client = connectRecorder(server.url, { sessionId, token });
  await client.waitFor(isTerminal, 90_000);
  client.socket.close();
  return client.events;
}

/**
 * The turn running `prompt`, once the server has started it: read the turns; if it is not there
 * yet, wait for the next `project:turn` notice and read again (arrivals, not time).
 */
async function turnFor(site: CreateGenerationResponse, prompt: string, watch: ReturnType<typeof recordProjectNotices>) {
  for (;;) {
    const seen = watch.notices.length;
    const turn = (await turnsOf(site)).find((t) => t.prompt === prompt);
    if (turn) return turn;
    await watch.waitFor((n) => n.length > seen, `a turn for "${prompt}"`);
  }
}

test("queued prompts are stored, editable, shown to the share link, and run in order across a restart", async () => {
  const site = await createGeneration(server.url, "A bakery called Crumb & Co with a menu, in green");
  const first = connectRecorder(server.url, { sessionId: site.sessionId, token: site.projectToken });
  await first.waitFor((events) => events.some((e) => e.type === "generation:started"));

  // While the first run goes, prompts wait; none starts.
  const a = await enqueue(site, "add a pricing section");
  const b = await enqueue(site, "add a gallery");
  const c = await enqueue(site, "make the header dark");
  const d = await enqueue(site, "remove me");
  expect([a, b, c, d].map((q) => q.startedSessionId)).toEqual([null, null, null, null]);
  expect((await call("PATCH", `/api/projects/${site.projectId}/queue/${b.item.id}`, site.projectToken, { prompt: "rename the site to Golden Crust" })).status).toBe(200);
  expect((await call("DELETE", `/api/projects/${site.projectId}/queue/${d.item.id}`, site.projectToken)).status).toBe(204);
  const order = ["add a pricing section", "rename the site to Golden Crust", "make the header dark"];
  expect((await queueOf(site)).map((q) => q.prompt)).toEqual(order);

  // The share link reads the queue and can change nothing; bad input is refused clearly.
  const viewer = site.projectViewerToken!;
  expect((await queueOf(site, viewer)).map((q) => q.prompt)).toEqual(order);
  for (const [method, path, body] of [
    ["POST", "", { prompt: "x" }],
    ["PATCH", `/${a.item.id}`, { prompt: "x" }],
    ["DELETE", `/${a.item.id}`, undefined],
  ] as const) {
    const res = await call(method, `/api/projects/${site.projectId}/queue${path}`, viewer, body);
    expect(errorBodySchema.parse(res.json).error.code).toBe("FORBIDDEN");
  }
  for (const body of [{}, { prompt: "   " }, { prompt: "x".repeat(4001) }, { prompt: "ok", extra: true }, "not json"]) {
    expect((await call("POST", `/api/projects/${site.projectId}/queue`, site.projectToken, body)).status).toBe(400);
  }
  expect((await call("PATCH", `/api/projects/${site.projectId}/queue/nope`, site.projectToken, { prompt: "x" })).status).toBe(404);
  expect((await call("DELETE", `/api/projects/${site.projectId}/queue/${d.item.id}`, site.projectToken)).status).toBe(404);

  // The server stops mid-run: the first turn is interrupted, the queue is kept.
  first.socket.close();
  await server.stop("SIGTERM");
  server = await startServer({ dataDir, env: ENV });

  const watcher = connectRecorder(server.url, { sessionId: site.sessionId, token: site.projectToken });
  const watch = recordProjectNotices(watcher.socket);
  await new Promise((resolve) => watcher.socket.once("connected", resolve));
  for (const [index, prompt] of order.entries()) {
    const turn = await turnFor(site, prompt, watch);
    // Still waiting behind it: what is left of the rest (the next may have started already), in order.
    const waiting = (await queueOf(site)).map((q) => q.prompt);
    expect(waiting.length).toBeLessThanOrEqual(order.length - index - 1);
    expect(waiting).toEqual(order.slice(order.length - waiting.length));
    const events = await finish(turn.sessionId, site.projectToken);
    const failure = events.find((e) => e.type === "generation:error");
    expect([prompt, failure?.type === "generation:error" ? failure.data.error_code : null]).toEqual([prompt, null]);
    expect(events.find((e) => e.type === "generation:completed")?.data).toMatchObject({ status: "completed" });
  }
  watcher.socket.close();
  const turns = await turnsOf(site);
  expect(turns.map((t) => [t.prompt, t.status])).toEqual([
    ["A bakery called Crumb & Co with a menu, in green", "interrupted"],
    ...order.map((prompt) => [prompt, "completed"]),
  ]);
  // Each queued turn edited the version the one before it made.
  expect(turns.slice(2).map((t) => t.baseVersion)).toEqual(turns.slice(1, -1).map((t) => t.version));
  expect(await queueOf(site)).toEqual([]);
});

test("a restore is a turn: the newest turn, its preview and the next prompt all show the restored version", async () => {
  const site = await createGeneration(server.url, "A landing page for a yoga studio in Lisbon");
  await finish(site.sessionId, site.token);
  const edit = await postJson(`${server.url}/api/generations`, { prompt: "Rename to Harbour Light", projectId: site.projectId }, bearer(site.projectToken));
  await finish((edit.json as { sessionId: string }).sessionId, site.projectToken);

  const restored = await call("POST", `/api/projects/${site.projectId}/versions/1/restore`, site.projectToken);
  expect(restored.status).toBe(201);
  const copy = restored.json as { version: number; sessionId: string; restoredFrom: number };
  expect(copy).toMatchObject({ version: 3, restoredFrom: 1 });
  const turns = await turnsOf(site);
  expect(turns.at(-1)).toMatchObject({ sessionId: copy.sessionId, prompt: "Restore v1", kind: "restore", status: "completed", version: 3, summary: "Restored as v3" });

  // The restore turn's own page is v1's site (what a new tab and a share viewer open).
  const body = (html: string) => html.slice(html.indexOf("<body>"), html.indexOf("</body>"));
  const document = async (path: string) => body(await (await fetch(`${server.url}${path}`, { headers: bearer(site.projectToken) })).text());
  const v1 = await document(`/api/projects/${site.projectId}/versions/1/preview`);
  expect(v1).not.toBe(await document(`/api/projects/${site.projectId}/versions/2/preview`));
  expect(await document(`/preview/${copy.sessionId}`)).toBe(v1);
  // The share link watches it like any turn.
  const watched = await finish(copy.sessionId, site.projectViewerToken!);
  expect(watched.some((e) => e.type === "preview:updated")).toBe(true);

  // The next prompt edits the restored version.
  const next = await postJson(`${server.url}/api/generations`, { prompt: "make the header dark", projectId: site.projectId }, bearer(site.projectToken));
  await finish((next.json as { sessionId: string }).sessionId, site.projectToken);
  expect((await turnsOf(site)).at(-1)).toMatchObject({ prompt: "make the header dark", baseVersion: 3, version: 4 });
});
