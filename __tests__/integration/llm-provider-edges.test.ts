import { EngineError, emptySite, type SiteFiles, type StepInput } from "@/lib/server/engines/engine";
import { createOpenAIEngine, type OpenAIEngineOptions } from "@/lib/server/engines/openai/openai-engine";
import { spliceContinuation } from "@/lib/server/engines/openai/long-answer";
import { setupFakeOpenAI } from "../helpers/llm-harness";

jest.setTimeout(30_000);

/*
 * Real providers' edges, against the fake speaking llama.cpp's and OpenAI's shapes: an answer cut
 * by the token limit, prompts over the context window, llama.cpp's stream frames, and an answer
 * that never ends.
 */

const llm = setupFakeOpenAI();
const structure = { id: "structure", title: "Structure: hero, menu" };

const engine = (overrides: Partial<OpenAIEngineOptions> = {}) =>
  createOpenAIEngine({ apiKey: "test", baseURL: llm.fake.url, model: "fake-model", stallTimeoutMs: 5000, maxRetries: 0, maxTokens: 4096, ...overrides });

function stepInput(prompt: string, overrides: Partial<StepInput> = {}): StepInput {
  return { prompt, step: structure, index: 0, plan: [structure], site: emptySite(), signal: new AbortController().signal, ...overrides };
}

const failure = async (run: Promise<unknown>) => {
  const error = await run.then(() => null, (e: unknown) => e);
  if (!(error instanceof EngineError)) throw new Error(`expected an EngineError, got ${String(error)}`);
  return error;
};

test("an answer cut by the token limit is continued and spliced: the same page as an uncut answer", async () => {
  const whole = await engine().runStep(stepInput("A bakery [fake:ok#uncut]"));
  const before = llm.fake.requests.length;
  const partials: SiteFiles[] = [];
  const cut = await engine().runStep(stepInput("A bakery [fake:length#cut]", { onPartial: (site) => partials.push(site) }));
  const asked = llm.fake.requests.slice(before);
  expect(asked.map((r) => r.finishReason)).toEqual(["length", "stop"]);
  // Every request carries the token limit; the continuation carries the cut answer and the ask.
  expect(asked.every((r) => r.maxTokens === 4096)).toBe(true);
  expect(asked[1]!.messages.at(-2)).toMatchObject({ role: "assistant", content: asked[0]!.chunks.join("") });
  expect(asked[1]!.messages.at(-1)!.content).toMatch(/Continue exactly where it stopped/);
  // The restated end and the reopened fence are gone: byte for byte the uncut page.
  expect(cut.site!.html).toBe(whole.site!.html);
  expect(cut.message).toMatch(/8 sections/);
  expect(partials.at(-1)!.html).toBe(cut.site!.html);
});

test("an answer still cut after every continuation fails with OUTPUT_TOO_LONG, after a bounded number of requests", async () => {
  const before = llm.fake.requests.length;
  const error = await failure(engine({ limits: { maxContinuations: 2 } }).runStep(stepInput("A bakery [fake:length-always#bound]")));
  expect(error.code).toBe("OUTPUT_TOO_LONG");
  expect(error.message).toMatch(/still cut off by the token limit after 3 requests/);
  expect(llm.fake.requests.length - before).toBe(3);
});

test.each([
  ["ctx-llama", /5210 tokens for a window of 4096/],
  ["ctx-openai", /context window\. Use a shorter prompt/],
])("%s: a prompt over the context window is CONTEXT_TOO_LONG, not retryable, saying what to do", async (scenario, detail) => {
  const error = await failure(engine({ maxRetries: 3 }).plan({ prompt: `A bakery [fake:${scenario}]`, signal: new AbortController().signal }));
  expect(error.code).toBe("CONTEXT_TOO_LONG");
  expect(error.retryAvailable).toBe(false);
  expect(error.message).toMatch(detail);
  expect(error.message).toMatch(/larger context window/);
  // The provider's own text never reaches users.
  expect(error.message).not.toMatch(/try increasing it|Please reduce/);
});

test("llama.cpp's stream shape (content: null first, delta: {} + timings last) reads as a plain answer", async () => {
  const plain = await engine().runStep(stepInput("A bakery [fake:ok#plain-shape]"));
  const llama = await engine().runStep(stepInput("A bakery [fake:llama#llama-shape]"));
  expect(llama.site!.html).toBe(plain.site!.html);
  const plan = await engine().plan({ prompt: "A bakery [fake:llama#llama-plan]", signal: new AbortController().signal });
  expect(plan.map((s) => s.id)).toEqual(["structure", "styling", "interactivity"]);
});

test("an 8 MiB answer stops at the file cap with OUTPUT_TOO_LONG, and the request is abandoned", async () => {
  const before = llm.fake.requests.length;
  let largest = 0;
  const error = await failure(engine({ limits: { maxChars: 200_000 } }).runStep(stepInput("A bakery [fake:huge#cap]", {
    onPartial: (site) => (largest = Math.max(largest, site.html.length)),
  })));
  expect(error.code).toBe("OUTPUT_TOO_LONG");
  expect(error.message).toMatch(/passed 200,000 characters/);
  expect(largest).toBeLessThanOrEqual(200_000);
  await llm.fake.waitFor((r) => r.length > before && (r.at(-1)!.aborted || r.at(-1)!.completed));
  expect(llm.fake.requests.at(-1)!.aborted).toBe(true);
});

test("spliceContinuation drops a restated end and a reopened fence, and keeps text that only looks alike", () => {
  expect(spliceContinuation("```html\n<p>one two three four</p>", "```html\nthree four</p><p>five</p>")).toBe("```html\n<p>one two three four</p><p>five</p>");
  // Fewer than 12 characters in common: taken as new text.
  expect(spliceContinuation("<p>a</p>", "</p><p>b</p>")).toBe("<p>a</p></p><p>b</p>");
  expect(spliceContinuation("abc", "def")).toBe("abcdef");
});
