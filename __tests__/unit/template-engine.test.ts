/**
 * The built-in template engine: plans, runs every step and checks the site it writes is valid,
 * accessible, safe against injection, deterministic, abortable, and editable.
 * Structure is checked with parse5 (a spec-compliant HTML parser) plus an independent tag balancer;
 * contrast is recomputed here from the emitted CSS, not trusted from the engine.
 */
import { parseFragment } from "parse5";
import { emptySite, type GenerationEngine, type PlannedStep, type SiteFiles, type StepResult } from "../../lib/server/engines/engine";
import { analyzePrompt } from "../../lib/server/engines/template/prompt/analyze-prompt";
import { listContrastPairs } from "../../lib/server/engines/template/palette/build-palette";
import { createTemplateEngine } from "../../lib/server/engines/template/template-engine";

// ---------- helpers ----------

interface RunOutcome {
  plan: PlannedStep[];
  results: StepResult[];
  final: SiteFiles;
}

async function runAll(engine: GenerationEngine, prompt: string, baseSite?: SiteFiles): Promise<RunOutcome> {
  const signal = new AbortController().signal;
  const plan = await engine.plan({ prompt, baseSite, signal });
  const results: StepResult[] = [];
  let site = emptySite();
  for (const [index, step] of plan.entries()) {
    const result = await engine.runStep({ prompt, step, index, plan, site, baseSite, signal });
    results.push(result);
    if (result.site) site = result.site;
  }
  return { plan, results, final: site };
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: P5Node[];
  value?: string;
}

function parseHtml(html: string): { root: P5Node; errors: string[] } {
  const errors: string[] = [];
  const root = parseFragment(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startOffset}`) }) as unknown as P5Node;
  return { root, errors };
}

function walk(node: P5Node, visit: (n: P5Node) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
}

function elements(root: P5Node, tag?: string): P5Node[] {
  const found: P5Node[] = [];
  walk(root, (n) => {
    if (n.tagName && (!tag || n.tagName === tag)) found.push(n);
  });
  return found;
}

function attr(node: P5Node, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

function textOf(node: P5Node): string {
  let text = "";
  walk(node, (n) => {
    if (n.nodeName === "#text") text += n.value ?? "";
  });
  return text;
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** Independent of parse5: every non-void open tag is closed in order. */
function checkTagBalance(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName = "", selfClosing] = match;
    const name = rawName.toLowerCase();
    if (VOID.has(name) || selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`unexpected </${name}> at ${match.index}`);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(", ")}`);
  return problems;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Custom properties as the browser would resolve them at :root (later declarations win). */
function rootVars(css: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const block of css.matchAll(/:root\s*\{([^}]*)\}/g)) {
    for (const decl of (block[1] ?? "").matchAll(/(--[\w-]+)\s*:\s*(#[0-9a-f]{6})\b/gi)) {
      vars[decl[1] ?? ""] = (decl[2] ?? "").toLowerCase();
    }
  }
  return vars;
}

const CONTRAST_PAIRS: Array<[string, string]> = [
  ["--text", "--bg"],
  ["--text", "--surface"],
  ["--text", "--surface-alt"],
  ["--text", "--accent-soft"],
  ["--muted", "--bg"],
  ["--muted", "--surface"],
  ["--muted", "--surface-alt"],
  ["--accent-ink", "--bg"],
  ["--accent-ink", "--surface"],
  ["--accent-ink", "--accent-soft"],
  ["--accent-contrast", "--accent"],
  ["--header-text", "--header-bg"],
  ["--footer-text", "--footer-bg"],
  ["--footer-muted", "--footer-bg"],
];

/** Every structural and accessibility rule a finished site must satisfy. */
function expectValidSite(site: SiteFiles): P5Node {
  const { html, css, js } = site;
  expect(html).not.toMatch(/<(script|style|html|head|body)\b/i);
  const { root, errors } = parseHtml(html);
  expect(errors).toEqual([]);
  expect(checkTagBalance(html)).toEqual([]);

  expect(elements(root, "h1")).toHaveLength(1);
  expect((html.match(/<h1\b/gi) ?? []).length).toBe(1);
  let previous = 0;
  for (const heading of elements(root).filter((n) => /^h[1-6]$/.test(n.tagName ?? ""))) {
    const level = Number((heading.tagName ?? "h0").slice(1));
    expect(level).toBeLessThanOrEqual(previous + 1);
    expect(textOf(heading).trim().length).toBeGreaterThan(0);
    previous = level;
  }

  for (const tag of ["header", "nav", "main", "footer"]) expect(elements(root, tag).length).toBeGreaterThan(0);
  const ids = new Set(elements(root).map((n) => attr(n, "id")).filter(Boolean));
  expect(ids.size).toBe(elements(root).filter((n) => attr(n, "id")).length);
  for (const section of elements(root, "section")) {
    const labelledBy = attr(section, "aria-labelledby");
    expect(labelledBy && ids.has(labelledBy)).toBe(true);
  }
  for (const img of elements(root, "img")) {
    expect((attr(img, "alt") ?? "").trim().length).toBeGreaterThan(3);
    expect(attr(img, "src") ?? "").toMatch(/^data:image\/svg\+xml,/);
  }
  const labelFor = new Set(elements(root, "label").map((l) => attr(l, "for")));
  for (const control of [...elements(root, "input"), ...elements(root, "textarea"), ...elements(root, "select")]) {
    const id = attr(control, "id");
    expect(id).toBeTruthy();
    expect(labelFor.has(id)).toBe(true);
  }
  for (const link of elements(root, "a")) {
    const href = attr(link, "href") ?? "";
    if (href.startsWith("#")) expect(ids.has(href.slice(1))).toBe(true);
  }

  // No network resources anywhere.
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  expect(css).not.toMatch(/@import|@font-face|url\(\s*['"]?(https?:)?\/\//i);
  expect(js).not.toMatch(/fetch\(|XMLHttpRequest|sendBeacon|WebSocket/);

  // Fluid, mobile-first layout: no fixed width above 375px, wrapping for long words, a wide-screen query.
  for (const m of css.matchAll(/(?:^|[;{\s])(?:min-)?width\s*:\s*(\d+)px/g)) expect(Number(m[1])).toBeLessThanOrEqual(375);
  expect(css).toMatch(/overflow-wrap:\s*anywhere/);
  expect(css).toMatch(/max-width:\s*100%/);
  expect(css).toMatch(/@media \(min-width:/);

  const vars = rootVars(css);
  for (const [fg, bg] of CONTRAST_PAIRS) {
    expect({ pair: `${fg} on ${bg}`, ok: contrast(vars[fg] ?? "#777777", vars[bg] ?? "#777777") >= 4.5 }).toEqual({
      pair: `${fg} on ${bg}`,
      ok: true,
    });
  }
  return root;
}

const engine = createTemplateEngine({ stepMs: 0 });

const LONG_PROMPT = (
  "I run a small independent bookshop and cafe in the old town and I would like a website that tells people about " +
  "our readings, our coffee, our staff picks and the community events we host every month. "
).repeat(22).slice(0, 4000);

const PROMPTS: Array<{ label: string; prompt: string; subject: RegExp }> = [
  { label: "bakery with name and colour", prompt: "A bakery called Crumb & Co with a green colour scheme, a menu and a gallery", subject: /Crumb &amp; Co/ },
  { label: "SaaS with pricing", prompt: "SaaS landing page for Flowly, a project management tool, with pricing and an FAQ", subject: /Flowly/ },
  { label: "portfolio", prompt: "Personal portfolio for Jane Doe, a product designer based in Berlin", subject: /Jane Doe/ },
  { label: "script injection", prompt: 'A bakery called "<script>alert(1)</script>" with <img src=x onerror=alert(2)> reviews', subject: /&lt;script&gt;alert\(1\)&lt;\/script&gt;/ },
  { label: "4000-character prompt", prompt: LONG_PROMPT, subject: /<h1 id="hero-title">[^<]+<\/h1>/ },
  { label: "emoji only", prompt: "🥐🍰✨", subject: /Bakery|bakery|sourdough/ },
  { label: "garbage", prompt: "asdf", subject: /<h1 id="hero-title">[^<]+<\/h1>/ },
  { label: "non-English", prompt: "Une boulangerie à Paris appelée Le Fournil", subject: /Le Fournil/ },
  { label: "dark restaurant", prompt: "a black and gold luxury restaurant named Salt & Smoke in New York with a team section", subject: /Salt &amp; Smoke/ },
  // Issue 12: listed sections under the user's headings, forms of a kind, unknown sections, hours, shades.
  { label: "surf school with booking", prompt: "A landing page for a Lisbon surf school called Onda, ocean blue, with lessons, prices and booking", subject: /<h2 id="booking-title">Booking<\/h2>/ },
  { label: "clinic with hours and appointments", prompt: "A vet clinic called Pawsome. Sections: treatments, aftercare, opening hours, FAQ and appointments. Pastel pink.", subject: /data-form="appointment"/ },
  { label: "dark studio, several forms", prompt: "Dance studio Tempo: classes, shows, registration, newsletter signup and a contact form. Neon magenta on dark.", subject: /data-form="registration"/ },
  { label: "software about a domain", prompt: "A small SaaS called Tidepool that schedules surf lessons", subject: /surf schools/ },
];

// ---------- new sites ----------

describe("template engine: new sites", () => {
  it.each(PROMPTS)("writes a valid, accessible site for: $label", async ({ prompt, subject }) => {
    const { plan, results, final } = await runAll(engine, prompt);
    expect(plan.length).toBeGreaterThanOrEqual(4);
    expect(new Set(plan.map((s) => s.id)).size).toBe(plan.length);
    const codeSteps = results.filter((r) => r.site !== null);
    expect(codeSteps.length).toBeGreaterThanOrEqual(3);
    for (const r of results) expect(r.message && r.message.length > 10).toBe(true);

    // The site grows step by step and every code step returns the whole site.
    const sizes = codeSteps.map((r) => (r.site ? r.site.html.length + r.site.css.length + r.site.js.length : 0));
    for (let i = 1; i < sizes.length; i += 1) expect(sizes[i]).toBeGreaterThan(sizes[i - 1] ?? 0);
    for (const r of codeSteps) if (r.site) expect(parseHtml(r.site.html).errors).toEqual([]);

    expect(final.html).toMatch(subject);
    const root = expectValidSite(final);
    expect(elements(root, "section").length).toBeGreaterThanOrEqual(4);
    expect(final.js.length).toBeGreaterThan(100);
  });

  it("follows the prompt: kind, name, sections and colours", async () => {
    const bakery = analyzePrompt("A bakery called Crumb & Co with a green colour scheme, a menu and a gallery");
    expect(bakery.kind).toBe("bakery");
    expect(bakery.name).toBe("Crumb & Co");
    expect(bakery.sections).toEqual(expect.arrayContaining(["menu", "gallery"]));
    expect(bakery.colorWords).toContain("green");
    // The accent is green: the green channel dominates.
    const accent = Number.parseInt(bakery.palette.accent.slice(1), 16);
    expect((accent >> 8) & 255).toBeGreaterThan(Math.max((accent >> 16) & 255, accent & 255));

    const saas = await runAll(engine, "SaaS landing page for Flowly with pricing");
    expect(saas.final.html).toMatch(/id="pricing"/);
    expect(saas.final.html).toMatch(/id="features"/);
    expect(saas.results[0]?.message).toMatch(/Flowly/);

    const portfolio = await runAll(engine, "Personal portfolio for Jane Doe, a product designer");
    expect(portfolio.final.html).toMatch(/id="projects"/);
    expect(analyzePrompt("no gallery please, a photography studio website").sections).not.toContain("gallery");
  });

  it("escapes prompt text everywhere and never injects markup", async () => {
    const prompt = 'A shop called "<script>alert(1)</script>" with a $& "quote" and \' apostrophe';
    const { final } = await runAll(engine, prompt);
    expect(final.html).not.toMatch(/<script/i);
    expect(final.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(final.css).not.toContain("alert(1)");
    expect(final.js).not.toContain("alert(1)");
    const { root } = parseHtml(final.html);
    expect(elements(root, "script")).toHaveLength(0);
    expect(textOf(elements(root, "h1")[0] as P5Node)).toBe("<script>alert(1)</script>");

    const dollar = await runAll(engine, 'A bakery called "Cash $& Carry" with a menu');
    expect(dollar.final.html).toContain("Cash $&amp; Carry");
  });

  it("keeps palettes readable: every text/background pair is at least 4.5:1", () => {
    const prompts = ["yellow bakery", "a white and cream cafe", "neon lime fitness gym dark theme", "#777777 grey agency", "light pink shop", "", "navy blue law firm"];
    for (const prompt of prompts) {
      for (const pair of listContrastPairs(analyzePrompt(prompt).palette)) {
        expect({ prompt, pair: pair.label, ratio: contrast(pair.fg, pair.bg) >= 4.5 }).toEqual({ prompt, pair: pair.label, ratio: true });
      }
    }
  });

  it("is deterministic: the same prompt gives identical steps and files", async () => {
    const prompt = "A modern fitness studio called Pulse with a schedule, pricing and testimonials";
    const first = await runAll(engine, prompt);
    const second = await runAll(createTemplateEngine({ stepMs: 0 }), prompt);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("never throws on odd input", async () => {
    for (const prompt of ["", "   ", "\u0000\u0001", "🎉".repeat(500), "x".repeat(5000), "called", "named \"\"", "ÄÖÜ ßß 東京 カフェ"]) {
      const { final } = await runAll(engine, prompt);
      expectValidSite(final);
    }
  });
});

// ---------- pacing and cancellation ----------

describe("template engine: pacing and cancellation", () => {
  it("reports an honest step estimate and plans without waiting", async () => {
    expect(createTemplateEngine({ stepMs: 0 }).estimateStepSeconds()).toBeGreaterThan(0);
    const slow = createTemplateEngine({ stepMs: 5000 });
    expect(slow.estimateStepSeconds()).toBe(5);
    const started = Date.now();
    await slow.plan({ prompt: "a bakery", signal: new AbortController().signal });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("waits at least stepMs per step", async () => {
    const paced = createTemplateEngine({ stepMs: 60 });
    const signal = new AbortController().signal;
    const plan = await paced.plan({ prompt: "a cafe", signal });
    const started = Date.now();
    await paced.runStep({ prompt: "a cafe", step: plan[0] as PlannedStep, index: 0, plan, site: emptySite(), signal });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("rejects promptly when aborted during a long step", async () => {
    const slow = createTemplateEngine({ stepMs: 10_000 });
    const controller = new AbortController();
    const plan = await slow.plan({ prompt: "a bakery", signal: controller.signal });
    const started = Date.now();
    const running = slow.runStep({ prompt: "a bakery", step: plan[1] as PlannedStep, index: 1, plan, site: emptySite(), signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("rejects immediately when the signal is already aborted, with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("shutting down");
    controller.abort(reason);
    const plan = await engine.plan({ prompt: "a bakery", signal: new AbortController().signal });
    await expect(
      engine.runStep({ prompt: "a bakery", step: plan[0] as PlannedStep, index: 0, plan, site: emptySite(), signal: controller.signal }),
    ).rejects.toBe(reason);
    await expect(engine.plan({ prompt: "a bakery", signal: controller.signal })).rejects.toBe(reason);
  });

  it("streams growing partial sites while a paced step runs", async () => {
    const paced = createTemplateEngine({ stepMs: 40 });
    const signal = new AbortController().signal;
    const prompt = "a bakery with a menu, gallery and faq";
    const plan = await paced.plan({ prompt, signal });
    const index = plan.findIndex((s) => s.id === "sections");
    const partials: Array<{ site: SiteFiles; fraction: number }> = [];
    const result = await paced.runStep({
      prompt, step: plan[index] as PlannedStep, index, plan, site: emptySite(), signal,
      onPartial: (site, fraction) => partials.push({ site, fraction }),
    });
    expect(partials.length).toBeGreaterThan(1);
    for (let i = 1; i < partials.length; i += 1) {
      expect(partials[i]?.fraction).toBeGreaterThan(partials[i - 1]?.fraction ?? 1);
      expect(partials[i]?.site.html.length).toBeGreaterThan(partials[i - 1]?.site.html.length ?? Infinity);
    }
    expect(result.site?.html.length).toBeGreaterThan(partials.at(-1)?.site.html.length ?? Infinity);
  });
});

// ---------- follow-up edits ----------

describe("template engine: edits", () => {
  let base: SiteFiles;
  beforeAll(async () => {
    base = (await runAll(engine, "A bakery called Crumb & Co with a green colour scheme, a menu and a gallery")).final;
  });

  async function edit(prompt: string, from: SiteFiles = base): Promise<RunOutcome> {
    const outcome = await runAll(engine, prompt, from);
    expect(outcome.plan.length).toBeGreaterThanOrEqual(4);
    expect(outcome.plan.map((s) => s.id)).not.toContain("structure");
    expect(outcome.results.filter((r) => r.site !== null).length).toBeGreaterThanOrEqual(3);
    expectValidSite(outcome.final);
    return outcome;
  }

  it("adds a pricing section before the footer, linked from the navigation", async () => {
    expect(base.html).not.toContain('id="pricing"');
    const { final, results } = await edit("add a pricing section");
    expect(final.html).toContain('id="pricing"');
    expect(final.html.indexOf('id="pricing"')).toBeLessThan(final.html.indexOf("</main>"));
    expect(final.html).toMatch(/<ul class="nav-list"[\s\S]*href="#pricing"[\s\S]*<\/ul>/);
    expect(final.html).toMatch(/<h2 id="pricing-title">/);
    expect(results.map((r) => r.message).join(" ")).toMatch(/pricing/i);
    // Everything else is kept.
    expect(final.html).toContain('id="menu"');
    expect(final.html).toContain("Crumb &amp; Co");
  });

  it("makes the header dark with readable text and leaves the content alone", async () => {
    const { final } = await edit("make the header dark");
    expect(final.html).toBe(base.html);
    expect(final.css).not.toBe(base.css);
    const block = /openv0-edit:header \*\/([\s\S]*?)\/\* \/openv0-edit:header/.exec(final.css)?.[1] ?? "";
    const bg = /--header-bg:\s*(#[0-9a-f]{6})/.exec(block)?.[1] ?? "#ffffff";
    const fg = /--header-text:\s*(#[0-9a-f]{6})/.exec(block)?.[1] ?? "#ffffff";
    expect(luminance(bg)).toBeLessThan(0.05);
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    // Repeating the edit changes nothing: it is not applied. Another header edit replaces the override.
    await expect(runAll(engine, "make the header dark", final)).rejects.toMatchObject({ code: "NOT_APPLIED" });
    const light = await edit("make the header light", final);
    expect(light.final.css.match(/\/\* openv0-edit:header \*\//g)).toHaveLength(1);
  });

  it("switches to dark mode and changes the accent colour with contrast intact", async () => {
    const dark = await edit("switch to dark mode");
    expect(luminance(rootVars(dark.final.css)["--bg"] ?? "#ffffff")).toBeLessThan(0.05);
    const purple = await edit("change the accent colour to purple");
    const accent = rootVars(purple.final.css)["--accent"] ?? "#000000";
    const n = Number.parseInt(accent.slice(1), 16);
    expect(n & 255).toBeGreaterThan((n >> 8) & 255); // blue over green: purple, no longer green
  });

  it("removes a section and the links to it", async () => {
    const { final } = await edit("remove the gallery section");
    expect(final.html).not.toContain('id="gallery"');
    expect(final.html).not.toContain('href="#gallery"');
  });

  it("renames the site everywhere, escaping the new name", async () => {
    const { final } = await edit("rename it to Sunrise Bakes");
    expect(final.html).not.toContain("Crumb &amp; Co");
    expect(final.html).toMatch(/<h1 id="hero-title">Sunrise Bakes<\/h1>/);
    const evil = await edit('call it "<img src=x onerror=alert(1)>"');
    expect(evil.final.html).not.toMatch(/<img src=x/);
    expect(evil.final.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("makes the font bigger and handles several edits at once", async () => {
    const { final } = await edit("make the font bigger, add an faq and testimonials, and make it blue");
    expect(final.css).toMatch(/html \{ font-size: 112\.5%; \}/);
    expect(final.html).toContain('id="faq"');
    expect((final.html.match(/id="testimonials"/g) ?? []).length).toBe(1);
    expect(final.css).toMatch(/openv0-edit:palette/);
  });

  it("ends not applied, saying what this site can do instead, when an edit is not understood", async () => {
    const outcome = runAll(engine, "add payments through a payment provider", base);
    await expect(outcome).rejects.toMatchObject({ code: "NOT_APPLIED", retryAvailable: false });
    await expect(outcome).rejects.toThrow(/could not match “add payments through a payment provider”[\s\S]*change the price of Country sourdough/);
  });

  it("adds sections to a foreign site and brings the styles and script they need", async () => {
    const foreign: SiteFiles = {
      html: "<header><nav><a href=\"#main\">Home</a></nav></header>\n<main id=\"main\"><h1>Hello</h1><p>Yoga classes for everyone.</p></main>\n<footer><p>Bye</p></footer>",
      css: "body { font-family: sans-serif; }",
      js: "",
    };
    const { final } = await edit("add a contact form", foreign);
    expect(final.html).toContain('id="contact"');
    expect(final.css).toContain("--accent-ink");
    expect(final.js).toContain("openv0:template-script");
  });
});
