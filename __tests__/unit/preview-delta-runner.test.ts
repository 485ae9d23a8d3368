import { setTimeout as sleep } from "node:timers/promises";
import { createInitialState, reduceSessionEvent, type SessionEvent } from "@/lib/protocol";
import { EngineError, type GenerationEngine, type SiteFiles, type StepInput } from "@/lib/server/engines/engine";
import { createHtmlRepairer } from "@/lib/server/engines/openai/html-repair";
import { runGeneration } from "@/lib/server/generation/run-generation";
import { createLogger } from "@/lib/server/logger";
import { EventService } from "@/lib/server/realtime/event-service";
import { stripElementIds } from "@/lib/server/site/element-ids";
import { openStore } from "@/lib/server/storage/kysely-store";
import type { Store } from "@/lib/server/storage/store";
import { makeDataDir, removeDataDir } from "../helpers/server-process";

/*
 * The runner's streaming preview with a scripted streaming engine and the real EventService and
 * SQLite log: deltas rebuild exactly what the engine streamed, and a retry after a failure
 * mid-stream continues from the completed steps' output, not from the half-written preview.
 */

const PAGE = Array.from({ length: 60 }, (_, i) => `<section id="s${i}"><h2>Part ${i} &amp; more 🍰</h2><p>${"text ".repeat(40)}</p></section>`).join("\n");
const CSS = Array.from({ length: 300 }, (_, i) => `.s${i} { color: hsl(${i * 9} 50% 40%); }`).join("\n");
const CHUNK = 48;

/** The repaired partials an engine streaming `text` in CHUNK-sized pieces can send. */
function partialsOf(text: string): Set<string> {
  const repairer = createHtmlRepairer();
  const out = new Set<string>();
  for (let i = CHUNK; i < text.length + CHUNK; i += CHUNK) out.add(repairer.update(text.slice(0, i)));
  return out;
}

async function stream(input: StepInput, file: "html" | "css", text: string, failAt?: number) {
  const repairer = createHtmlRepairer();
  for (let i = CHUNK; i < text.length + CHUNK; i += CHUNK) {
    await sleep(2);
    input.signal.throwIfAborted();
    if (failAt !== undefined && i >= failAt * text.length) throw new EngineError("PROVIDER_ERROR", "The connection broke off mid-answer.", true);
    const part = text.slice(0, i);
    input.onPartial?.({ ...input.site, [file]: file === "html" ? repairer.update(part) : part }, i / text.length);
  }
  return { site: { ...input.site, [file]: text } };
}

function createStreamingEngine(options: { failStylingAt?: number; seenSites?: SiteFiles[] } = {}): GenerationEngine {
  return {
    name: "scripted-stream",
    estimateStepSeconds: () => 1,
    plan: async () => [
      { id: "structure", title: "Structure" },
      { id: "styling", title: "Styling" },
    ],
    runStep: async (input) => {
      options.seenSites?.push(input.site);
      if (input.step.id === "structure") return stream(input, "html", PAGE);
      return stream(input, "css", CSS, options.failStylingAt);
    },
  };
}

let dir: string;
let store: Store;
let events: EventService;
let published: SessionEvent[];

beforeEach(async () => {
  dir = makeDataDir();
  store = await openStore({ dataDir: dir });
  published = [];
  events = new EventService({ store, broadcast: (event) => void published.push(event), logger: createLogger({ level: "silent" }) });
});
afterEach(async () => {
  await store.close();
  removeDataDir(dir);
});

function createSession(id: string) {
  return store.createSession({ id, projectId: `p-${id}`, prompt: "a page", tokenHash: "x", viewerTokenHash: "y", engine: "scripted-stream", baseVersion: null, newProjectTokenHash: "z" });
}

test("deltas rebuild exactly what the engine streamed, bytes stay linear, the fold equals the final snapshot", async () => {
  await createSession("s1");
  await runGeneration({ sessionId: "s1", prompt: "a page", projectId: "p-s1", engine: createStreamingEngine(), events, store, signal: new AbortController().signal });

  expect(published.map((e) => e.data.seq)).toEqual(published.map((_, i) => i + 1));
  const htmlPartials = partialsOf(PAGE);
  let state = createInitialState("s1", "p-s1");
  let deltaTextBytes = 0;
  const deltas = published.filter((e) => e.type === "preview:delta");
  for (const event of published) {
    if (event.type === "preview:delta") {
      // Every delta is built on the version this client holds, so none is skipped.
      expect(event.data.base_version).toBe(state.preview?.version);
      for (const op of event.data.ops) deltaTextBytes += Buffer.byteLength(op.text);
    }
    state = reduceSessionEvent(state, event);
    if (event.type === "preview:delta" && event.data.step_id === "structure") {
      expect(htmlPartials.has(state.preview!.html_content)).toBe(true);
    }
  }
  // A 2-step stream of several ms per chunk publishes at least one delta (≥ 200 ms apart).
  expect(deltas.length).toBeGreaterThan(0);
  const pageBytes = Buffer.byteLength(PAGE) + Buffer.byteLength(CSS);
  expect(deltaTextBytes).toBeLessThanOrEqual(pageBytes + deltas.length * 200);
  expect(state.status).toBe("completed");
  // The runner stamps stable element ids (data-ov-id) into the final markup; no other byte changes.
  expect({ ...state.preview, html_content: stripElementIds(state.preview!.html_content) }).toMatchObject({ html_content: PAGE, css_content: CSS });
  expect(await events.getState("s1")).toEqual(state);
  // Previews are throttled: never more than one per 200 ms window per step, plus the step-end snapshot.
  const previews = published.filter((e) => e.type === "preview:delta" || e.type === "preview:updated");
  const versions = previews.map((e) => e.data.version);
  expect(versions).toEqual(versions.map((_, i) => i + 1));
});

test("a retry after a failure mid-stream starts the failed step from the completed steps' site", async () => {
  await createSession("s2");
  const seenSites: SiteFiles[] = [];
  await runGeneration({ sessionId: "s2", prompt: "a page", projectId: "p-s2", engine: createStreamingEngine({ failStylingAt: 0.7, seenSites }), events, store, signal: new AbortController().signal });
  const failed = (await events.getState("s2"))!;
  expect(failed.status).toBe("failed");
  expect(failed.error).toMatchObject({ code: "PROVIDER_ERROR", retry_available: true, step_id: "styling" });
  // Half the stylesheet reached clients before the failure (≥ 150 chunks of ≥ 2 ms each).
  expect(published.some((e) => e.type === "preview:delta" && e.data.step_id === "styling")).toBe(true);
  expect(failed.preview?.css_content.length).toBeGreaterThan(0);
  const countAfterFailure = published.length;
  await sleep(300);
  // The throttle's pending partial was dropped: nothing follows the terminal event.
  expect(published.length).toBe(countAfterFailure);

  // A fresh process: the runner only has the durable log.
  events.forget("s2");
  const retrySeen: SiteFiles[] = [];
  await runGeneration({ sessionId: "s2", prompt: "a page", projectId: "p-s2", engine: createStreamingEngine({ seenSites: retrySeen }), events, store, signal: new AbortController().signal });
  const done = (await events.getState("s2"))!;
  expect(done.status).toBe("completed");
  // Only styling ran again, and it saw the finished markup, with none of the half-written CSS.
  expect(retrySeen).toHaveLength(1);
  const unstamped = (site: SiteFiles | undefined) => site && { ...site, html: stripElementIds(site.html) };
  expect(unstamped(retrySeen[0])).toEqual({ html: PAGE, css: "", js: "" });
  expect({ ...done.preview, html_content: stripElementIds(done.preview!.html_content) }).toMatchObject({ html_content: PAGE, css_content: CSS });
  expect(unstamped((await store.latestProjectVersion("p-s2"))?.site)).toEqual({ html: PAGE, css: CSS, js: "" });
});
