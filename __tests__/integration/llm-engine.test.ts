import { emptySite, type SiteFiles, type StepInput } from "@/lib/server/engines/engine";
import { repairPartialHtml } from "@/lib/server/engines/openai/html-repair";
import { createOpenAIEngine } from "@/lib/server/engines/openai/openai-engine";
import { StopReason } from "@/lib/server/generation/stop-reason";
import { setupFakeOpenAI } from "../helpers/llm-harness";

jest.setTimeout(30_000);

/*
 * The engine alone against the fake provider (no app server): what it hands the runner while
 * streaming, and how cancel and a failing callback end the upstream request.
 */

const llm = setupFakeOpenAI();

const engine = () => createOpenAIEngine({ apiKey: "test", baseURL: llm.fake.url, model: "fake-model", stallTimeoutMs: 2000, maxRetries: 2 });
const structure = { id: "structure", title: "Structure: hero, menu" };

function stepInput(prompt: string, overrides: Partial<StepInput> = {}): StepInput {
  return { prompt, step: structure, index: 0, plan: [structure], site: emptySite(), signal: new AbortController().signal, ...overrides };
}

test("every partial site handed to onPartial is renderable markup, growing to the final site", async () => {
  const partials: { site: SiteFiles; fraction: number }[] = [];
  const result = await engine().runStep(stepInput("A bakery", { onPartial: (site, fraction) => partials.push({ site, fraction }) }));
  expect(partials.length).toBeGreaterThan(10);
  for (const { site, fraction } of partials) {
    // Balanced already: repairing again changes nothing, and no fence or prose leaks in.
    expect(repairPartialHtml(site.html)).toBe(site.html);
    expect(site.html).not.toContain("```");
    expect(fraction).toBeGreaterThanOrEqual(0);
    expect(fraction).toBeLessThan(1);
  }
  const fractions = partials.map((p) => p.fraction);
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  expect(partials.at(-1)!.site.html).toBe(result.site!.html);
  expect(result.site).toMatchObject({ css: "", js: "" });
  expect(result.message).toMatch(/8 sections/);
});

test("cancel during a 429 backoff stops at once: the provider is not asked again", async () => {
  const controller = new AbortController();
  const before = llm.fake.requests.length;
  const planning = engine().plan({ prompt: "A bakery [fake:429-once#engine]", signal: controller.signal });
  await llm.fake.waitFor((r) => r.length > before && r.at(-1)!.completed);
  controller.abort(new StopReason("CANCELLED", "Generation cancelled"));
  await expect(planning).rejects.toBeInstanceOf(StopReason);
  // retry-after was 1 s; well past it, no second request has come.
  await new Promise((r) => setTimeout(r, 1500));
  expect(llm.fake.requests.length).toBe(before + 1);
});

test("a failing onPartial (publishing) ends the upstream request and surfaces as itself", async () => {
  const before = llm.fake.requests.length;
  const boom = new Error("log write failed");
  let calls = 0;
  const run = engine().runStep(stepInput("A slow bakery [fake:slow]", {
    onPartial: () => {
      calls += 1;
      if (calls === 3) throw boom;
    },
  }));
  await expect(run).rejects.toBe(boom);
  const request = llm.fake.requests[before]!;
  await llm.fake.waitFor(() => request.aborted);
  expect(request.completed).toBe(false);
});

test("a follow-up edit returns the whole edited file, keeping the others", async () => {
  const base = { html: '<main><section id="menu"><h2>Menu</h2></section></main>', css: "h2{color:red}", js: "console.log(1)" };
  const result = await engine().runStep(stepInput("add a pricing section", { site: base, baseSite: base }));
  expect(result.site).toEqual({ ...base, html: expect.stringContaining('<section id="menu"><h2>Menu</h2></section>') });
  expect(result.site!.html).toContain('class="edited"');
  const sent = llm.fake.requests.at(-1)!.messages.at(-1)!.content;
  expect(sent).toContain(`<current>\n${base.html}\n</current>`);
});

test("a provider that never answers at all is STALLED too, and the request is abandoned", async () => {
  const before = llm.fake.requests.length;
  const quick = createOpenAIEngine({ apiKey: "test", baseURL: llm.fake.url, model: "fake-model", stallTimeoutMs: 300, maxRetries: 0 });
  await expect(quick.plan({ prompt: "A bakery [fake:hang]", signal: new AbortController().signal })).rejects.toMatchObject({
    code: "STALLED",
    retryAvailable: true,
  });
  const request = llm.fake.requests[before]!;
  await llm.fake.waitFor(() => request.aborted);
});
