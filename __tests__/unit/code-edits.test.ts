/**
 * Issue 18 item 4, the server side of a hand edit of the code: the `code` edit is the new site,
 * ids it broke are repaired (and stamped again by the runner), and the next prompt with the
 * built-in engine starts from the edited code and keeps the hand edit (its CSS rule, its text).
 */
import { createGenerationBodySchema, CODE_MAX_CHARS } from "../../lib/protocol";
import { emptySite, type GenerationEngine, type PlannedStep, type SiteFiles } from "../../lib/server/engines/engine";
import { createTemplateEngine } from "../../lib/server/engines/template/template-engine";
import { applySiteEdit } from "../../lib/server/site/apply-edit";
import { prepareTurn } from "../../lib/server/site/edit-engines";
import { parseMarkup, repairElementIds, stampElementIds } from "../../lib/server/site/element-ids";

async function runAll(engine: GenerationEngine, prompt: string, baseSite?: SiteFiles): Promise<SiteFiles> {
  const signal = new AbortController().signal;
  const plan: PlannedStep[] = await engine.plan({ prompt, baseSite, signal });
  let site = emptySite();
  for (const [index, step] of plan.entries()) {
    const result = await engine.runStep({ prompt, step, index, plan, site, baseSite, signal });
    if (result.site) site = { ...result.site, html: stampElementIds(result.site.html) };
  }
  return site;
}

const template = createTemplateEngine({ stepMs: 0 });
const idsOf = (html: string) => parseMarkup(html).querySelectorAll("[data-ov-id]").map((el) => el.getAttribute("data-ov-id"));
const RULE = ".hero h1 { color: #c026d3; }";

describe("a hand edit of the code", () => {
  it("is the new site; a pasted copy's ids and junk ids are replaced, the rest kept byte for byte", async () => {
    const base = await runAll(template, "A bakery in Leeds with a menu and opening hours");
    const section = parseMarkup(base.html).querySelectorAll("section")[1]!;
    const copy = base.html.slice(section.range[0], section.range[1]);
    // The copy is pasted after the original, and one element gets a junk id typed into it.
    const typed = base.html.slice(0, section.range[1]) + copy + base.html.slice(section.range[1]);
    const html = typed.replace(/<h1 data-ov-id="[^"]*"/, '<h1 data-ov-id="bad id!"');
    const edited = applySiteEdit(base, { kind: "code", html, css: `${base.css}\n${RULE}`, js: base.js });
    const stamped = stampElementIds(edited.html);
    const ids = idsOf(stamped);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain("bad id!");
    expect(parseMarkup(stamped).querySelector("h1")?.getAttribute("data-ov-id")).toMatch(/^[A-Za-z0-9_-]+$/);
    // The original section keeps its ids (its text, ids included, is still there once); the copy got new ones.
    expect(stamped.split(copy)).toHaveLength(2);
    expect(ids.length).toBe(idsOf(base.html).length + idsOf(copy).length);
    expect(edited.css.endsWith(RULE)).toBe(true);
  });

  it("repairs nothing in markup whose ids are fine", () => {
    const html = stampElementIds(`<section><h2>Menu</h2><p class="x">Bread &amp; butter</p></section>`);
    expect(repairElementIds(html)).toBe(html);
    expect(repairElementIds(`<p data-ov-id="a">1</p><p data-ov-id="a">2</p>`)).toBe(`<p data-ov-id="a">1</p><p>2</p>`);
    expect(repairElementIds(`<p data-ov-id="a" title="x>y" data-ov-id="b">1</p>`)).toBe(`<p title="x>y">1</p>`);
  });

  it("is bounded per file by the contract", () => {
    const body = (html: string) => createGenerationBodySchema.safeParse({ prompt: "Edit", projectId: "p1", edit: { kind: "code", html, css: "", js: "" } });
    expect(body("x".repeat(CODE_MAX_CHARS)).success).toBe(true);
    expect(body("x".repeat(CODE_MAX_CHARS + 1)).success).toBe(false);
  });
});

describe("the next prompt with the template engine keeps the hand edit", () => {
  it.each(["Add a FAQ section", "Make it blue", "Change the headline to Fresh Loaves", "Remove the opening hours section"])("%s", async (prompt) => {
    const base = await runAll(template, "A bakery in Leeds with a menu and opening hours");
    const hand = applySiteEdit(base, { kind: "code", html: base.html.replace("Leeds", "Leeds, by hand"), css: `${base.css}\n${RULE}\n`, js: base.js });
    const saved = { ...hand, html: stampElementIds(hand.html) };
    const turn = prepareTurn({ engine: template, instruction: null, baseSite: saved });
    const next = await runAll(turn.engine, prompt, turn.baseSite);
    expect(next).not.toEqual(saved);
    expect(next.css).toContain(RULE);
    expect(next.html).toContain("Leeds, by hand");
  });
});
