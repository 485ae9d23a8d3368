import { buildPlanMessages, parsePlanAnswer, STEP_FILES } from "@/lib/server/engines/openai/plan";
import { readRetryAfterMs, toProviderError } from "@/lib/server/engines/openai/provider-errors";
import { buildStepMessages } from "@/lib/server/engines/openai/step-prompts";
import { APIConnectionError, APIError } from "openai";

const valid = { sections: ["hero", "menu", "contact"], style: "Warm earthy palette, serif headings", interactivity: "Mobile menu" };

describe("parsePlanAnswer (new site)", () => {
  test("turns a valid plan into the three passes, the plan carried in the titles", () => {
    const result = parsePlanAnswer(JSON.stringify(valid), { edit: false });
    expect(result).toEqual({
      ok: true,
      steps: [
        { id: "structure", title: "Structure: hero, menu, contact" },
        { id: "styling", title: "Styling: Warm earthy palette, serif headings" },
        { id: "interactivity", title: "Interactivity: Mobile menu" },
      ],
    });
    if (result.ok) for (const step of result.steps) expect(Object.keys(STEP_FILES)).toContain(step.id);
  });

  test("tolerates fences, prose around the JSON, section objects and a null interactivity", () => {
    const answer = `Here is the plan:\n\`\`\`json\n${JSON.stringify({ ...valid, sections: [{ name: "hero" }, { title: "faq" }], interactivity: null })}\n\`\`\``;
    const result = parsePlanAnswer(answer, { edit: false });
    expect(result.ok && result.steps.map((s) => s.title)).toEqual([
      "Structure: hero, faq",
      "Styling: Warm earthy palette, serif headings",
      "Interactivity: mobile navigation and smooth scrolling",
    ]);
  });

  test("ignores a reasoning model's <think> block, braces and all", () => {
    const result = parsePlanAnswer(`<think>maybe {"sections": []}</think>${JSON.stringify(valid)}`, { edit: false });
    expect(result.ok).toBe(true);
  });

  test("clips long, multi-line model text so titles stay valid (≤ 200 characters, one line)", () => {
    const long = { sections: Array.from({ length: 30 }, (_, i) => `section number ${i}\nwith a newline`), style: "x".repeat(500) };
    const result = parsePlanAnswer(JSON.stringify(long), { edit: false });
    if (!result.ok) throw new Error(result.problem);
    for (const step of result.steps) {
      expect(step.title.length).toBeLessThanOrEqual(200);
      expect(step.title).not.toMatch(/\n/);
    }
  });

  test.each([
    ["prose only", "I would build a hero and a menu."],
    ["broken JSON", '{"sections": ["hero",'],
    ["no sections", JSON.stringify({ ...valid, sections: [] })],
    ["sections of the wrong type", JSON.stringify({ ...valid, sections: "hero, menu" })],
    ["no style", JSON.stringify({ sections: ["hero"] })],
  ])("rejects %s with a reason", (_name, answer) => {
    const result = parsePlanAnswer(answer, { edit: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.length).toBeGreaterThan(0);
  });
});

describe("parsePlanAnswer (follow-up edit)", () => {
  test("plans only the passes whose file changes", () => {
    const result = parsePlanAnswer(JSON.stringify({ html: "Add a pricing section", css: "Style it", js: "" }), { edit: true });
    expect(result).toEqual({
      ok: true,
      steps: [
        { id: "structure", title: "Edit the markup: Add a pricing section" },
        { id: "styling", title: "Edit the styles: Style it" },
      ],
    });
  });

  test("rejects an edit plan that changes nothing", () => {
    expect(parsePlanAnswer(JSON.stringify({ html: "", css: null }), { edit: true }).ok).toBe(false);
  });
});

describe("prompts", () => {
  const base = { html: "<main><h1>Old</h1></main>", css: "h1{color:red}", js: "console.log(1)" };

  test("a follow-up edit sends the current file and asks for the whole edited file", () => {
    const messages = buildStepMessages({ prompt: "add pricing", step: { id: "styling", title: "Edit the styles: x" }, kind: "css", site: base, baseSite: base });
    const user = messages[1]!.content;
    expect(user).toContain(base.css);
    expect(user).toContain(base.html);
    expect(user).toContain("Edit request: add pricing");
    expect(user).toMatch(/complete edited stylesheet/);
    expect(messages[0]!.content).toContain("Output format: CSS");
  });

  test("a new site's plan does not mention a current site; an edit's plan includes the markup", () => {
    expect(JSON.stringify(buildPlanMessages({ prompt: "a bakery" }))).not.toContain("<current>");
    expect(buildPlanMessages({ prompt: "x", baseSite: base })[1]!.content).toContain(base.html);
  });
});

describe("provider errors", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  const apiError = (status: number, h: Record<string, string> = {}) =>
    APIError.generate(status, { error: { message: "Incorrect API key provided: sk-abc***xyz" } }, undefined, headers(h));

  test.each([
    [401, "AUTH_FAILED", false],
    [403, "AUTH_FAILED", false],
    [429, "RATE_LIMITED", true],
    [500, "PROVIDER_ERROR", true],
    [503, "PROVIDER_ERROR", true],
    [404, "PROVIDER_ERROR", true],
    [400, "PROVIDER_ERROR", true],
  ])("HTTP %i → %s (retryable: %s), without the provider's message", (status, code, retryable) => {
    const error = toProviderError(apiError(status));
    expect(error).toMatchObject({ code, retryAvailable: retryable });
    expect(error.message).not.toMatch(/sk-|Incorrect API key/);
  });

  test("connection failures, malformed streams and broken connections are PROVIDER_ERROR", () => {
    expect(toProviderError(new APIConnectionError({ message: "ECONNREFUSED" })).code).toBe("PROVIDER_ERROR");
    expect(toProviderError(new SyntaxError("Unexpected token")).message).toMatch(/malformed/);
    expect(toProviderError(new TypeError("terminated")).message).toMatch(/broke off/);
  });

  test("retry-after is read from retry-after-ms, seconds or an HTTP date", () => {
    expect(readRetryAfterMs(headers({ "retry-after-ms": "250" }))).toBe(250);
    expect(readRetryAfterMs(headers({ "retry-after": "2" }))).toBe(2000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(readRetryAfterMs(headers({ "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }), now)).toBe(3000);
    expect(readRetryAfterMs(headers({}))).toBeNull();
    expect(readRetryAfterMs(headers({ "retry-after": "soon" }))).toBeNull();
  });
});
