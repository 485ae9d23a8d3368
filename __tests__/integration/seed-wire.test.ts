import { io } from "socket.io-client";
import { connectRecorder, isTerminal, seqs, type Recorder } from "../helpers/clients";
import { setupLlmApp } from "../helpers/llm-harness";

jest.setTimeout(60_000);

/*
 * The seed's contract on the wire: a client written from the seed document (no handshake options,
 * seed event names only) receives every logged `preview:updated` whole, live and on replay. Deltas
 * and the compact patch go only to sockets that ask for them in the handshake (the app's client).
 */

const app = setupLlmApp();

/** A client as the seed documents it: the seed's query (or auth) keys, listening for seed events only. */
function connectSeedClient(options: { query?: Record<string, string>; auth?: Record<string, unknown> }) {
  const socket = io(app.server.url, { ...options, transports: ["websocket"], reconnection: false, forceNew: true });
  const previews: { seq: number; html: string }[] = [];
  const names: string[] = [];
  let completed = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const connected = new Promise<void>((r) => socket.once("connected", () => r()));
  socket.onAny((name: string) => names.push(name));
  socket.on("preview:updated", (data: { seq: number; html_content: string }) => previews.push({ seq: data.seq, html: data.html_content }));
  socket.on("generation:completed", () => {
    completed = true;
    resolveDone();
  });
  return { socket, previews, names, connected, done, isCompleted: () => completed };
}

const loggedPreviewSeqs = (log: Recorder) => log.events.filter((e) => e.type === "preview:updated").map((e) => e.data.seq);

test("a seed-shaped client gets every logged preview:updated whole, live; an opted-in client gets them as deltas", async () => {
  const release = app.fake.hold();
  const created = await app.create("A bakery called Crumb & Co [fake:big]");
  const { sessionId, token } = created;
  const seedQuery = connectSeedClient({ query: { session_id: sessionId, token, last_event_id: "0" } });
  const seedAuth = connectSeedClient({ auth: { sessionId, token, lastEventId: 0 } });
  const optedIn = connectRecorder(app.server.url, { sessionId, token, lastEventId: 0, deltas: true });
  // All three are live before the model writes a character: what follows is the live path.
  await Promise.all([seedQuery.connected, seedAuth.connected, new Promise((r) => optedIn.socket.once("connected", r))]);
  release();
  await Promise.all([seedQuery.done, seedAuth.done, optedIn.waitFor(isTerminal, 40_000)]);

  // The log as logged (a replay from 0 is the log): which seqs are whole previews.
  const log = await app.recordToEnd(created, 20_000);
  const whole = loggedPreviewSeqs(log);
  expect(whole.length).toBeGreaterThanOrEqual(3);
  const finalHtml = log.events.reduce((html, e) => (e.type === "preview:updated" ? e.data.html_content : html), "");
  for (const seed of [seedQuery, seedAuth]) {
    expect(seed.previews.map((p) => p.seq)).toEqual(whole);
    expect(seed.previews.at(-1)!.html).toBe(finalHtml);
    expect(seed.names).not.toContain("preview:patch");
    seed.socket.close();
  }

  // The opted-in socket got the same seqs, with logged snapshots as deltas from what it held.
  expect(seqs(optedIn.events)).toEqual(seqs(log.events));
  const liveDeltas = optedIn.events.filter((e) => e.type === "preview:delta" && whole.includes(e.data.seq));
  expect(liveDeltas.length).toBeGreaterThanOrEqual(2);
  expect(optedIn.names).not.toContain("preview:patch");
  optedIn.socket.close();
});

test("a seed-shaped client that joins late gets every preview whole on replay too", async () => {
  const created = await app.create("A florist called Petal & Stem");
  const log = await app.recordToEnd(created, 40_000);
  const late = connectSeedClient({ query: { session_id: created.sessionId, token: created.token, last_event_id: "0" } });
  await late.done;
  expect(late.previews.map((p) => p.seq)).toEqual(loggedPreviewSeqs(log));
  late.socket.close();
});
