/**
 * Stable element ids and direct edits (lib/server/site): ids are added without touching any other
 * byte, kept across versions, unique after a duplicate; each edit changes only its element; a
 * prompt aimed at an element changes only that element, with either kind of engine.
 */
import { emptySite, type GenerationEngine, type PlannedStep, type SiteFiles } from "../../lib/server/engines/engine";
import { createTemplateEngine } from "../../lib/server/engines/template/template-engine";
import { applySiteEdit, describeSiteEdit, MissingElementError } from "../../lib/server/site/apply-edit";
import { prepareTurn } from "../../lib/server/site/edit-engines";
import { findElement, parseMarkup, stampElementIds, stripElementIds } from "../../lib/server/site/element-ids";

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

const idsOf = (html: string) => parseMarkup(html).querySelectorAll("[data-ov-id]").map((el) => el.getAttribute("data-ov-id"));
const template = createTemplateEngine({ stepMs: 0 });

describe("stampElementIds", () => {
  it("adds an id to every meaningful element and changes no other byte", () => {
    const html = `<header><h1 class="t">Hi &amp; bye</h1><svg><path d="M0"/></svg></header>\n<script>var a = "<b>";</script><p>x<br>y</p>`;
    const stamped = stampElementIds(html);
    expect(stripElementIds(stamped)).toBe(html);
    expect(idsOf(stamped)).toHaveLength(4); // header, h1, svg, p: not path, script or br
    expect(new Set(idsOf(stamped)).size).toBe(4);
    expect(stampElementIds(stamped)).toBe(stamped);
  });

  it("keeps ids already present and derives the same ids for the same structure", () => {
    const html = `<section id="menu"><h2>Menu</h2></section><section id="about"><h2>About</h2></section>`;
    const once = stampElementIds(html);
    expect(stampElementIds(stripElementIds(once))).toBe(once);
    // Removing the first section leaves the second one's ids alone.
    const withoutMenu = stampElementIds(`<section id="about"><h2>About</h2></section>`);
    expect(idsOf(withoutMenu)).toEqual(idsOf(once).slice(2));
    const kept = stampElementIds(`<h1 data-ov-id="mine">x</h1>`);
    expect(idsOf(kept)).toEqual(["mine"]);
  });
});

describe("applySiteEdit", () => {
  const site: SiteFiles = { html: stampElementIds(`<section id="hero"><h1>Our dentists</h1><p>Text</p></section>\n<section id="faq"><h2>FAQ</h2></section>`), css: "h1{}", js: "" };
  const [heroId, h1Id, , faqId] = idsOf(site.html) as string[];

  it("writes text as text, never as markup, and touches nothing else", () => {
    const next = applySiteEdit(site, { kind: "text", id: h1Id!, text: "New <script>x</script>" });
    expect(next.html).toContain("New &lt;script&gt;x&lt;/script&gt;");
    expect(next.html.replace(/<h1[^]*<\/h1>/, "")).toBe(site.html.replace(/<h1[^]*<\/h1>/, ""));
    expect(next.css).toBe(site.css);
    expect(describeSiteEdit(site.html, { kind: "text", id: h1Id!, text: "x" })).toBe("Edited the hero headline");
  });

  it("styles, removes, duplicates (with fresh ids) and moves", () => {
    const styled = applySiteEdit(site, { kind: "style", id: h1Id!, color: "#ff0000", align: "center" });
    expect(findElement(parseMarkup(styled.html), h1Id!)?.getAttribute("style")).toBe("color: #ff0000; text-align: center");
    expect(applySiteEdit(site, { kind: "remove", id: faqId! }).html).not.toContain("FAQ");
    const doubled = applySiteEdit(site, { kind: "duplicate", id: heroId! });
    expect(doubled.html.match(/Our dentists/g)).toHaveLength(2);
    expect(new Set(idsOf(doubled.html)).size).toBe(idsOf(doubled.html).length);
    const moved = applySiteEdit(site, { kind: "move", id: faqId!, direction: "up" });
    expect(moved.html.indexOf("FAQ")).toBeLessThan(moved.html.indexOf("Our dentists"));
    expect(() => applySiteEdit(site, { kind: "remove", id: "nope" })).toThrow(MissingElementError);
  });

  it("a hand edit of the code is the new site, described as such", () => {
    const code = { kind: "code" as const, html: "<h1>Hand made</h1>", css: "h1{color:red}", js: "" };
    expect(applySiteEdit(site, code)).toEqual({ html: code.html, css: code.css, js: "" });
    expect(describeSiteEdit(site.html, code)).toBe("Edited the code by hand");
  });
});

describe("a prompt aimed at an element", () => {
  it("template engine: only the selected section changes", async () => {
    const base = await runAll(template, "A bakery in Leeds with a menu and opening hours");
    const root = parseMarkup(base.html);
    const section = root.querySelectorAll("section")[1]!;
    const targetId = section.getAttribute("data-ov-id")!;
    const { engine, baseSite } = prepareTurn({ engine: template, instruction: { targetId }, baseSite: base });
    const next = await runAll(engine, "Rename to Golden Crust", baseSite);
    const before = base.html.replace(base.html.slice(section.range[0], section.range[1]), "");
    const edited = findElement(parseMarkup(next.html), targetId)!;
    expect(next.html.replace(next.html.slice(edited.range[0], edited.range[1]), "")).toBe(before);
  });

  it("an engine that answers the element alone gets it put in place, the target's markup in its input", async () => {
    const base: SiteFiles = { html: stampElementIds(`<main><section id="a"><h2>A</h2></section><section id="b"><h2>B</h2></section></main>`), css: "", js: "" };
    const targetId = idsOf(base.html)[3]!; // section#b
    const seen: string[] = [];
    const fragmentEngine: GenerationEngine = {
      name: "fake", keepsElementIds: true, estimateStepSeconds: () => 0,
      plan: async () => [{ id: "structure", title: "x" }],
      runStep: async (input) => {
        seen.push(`${input.target?.path} ${input.target?.html}`);
        return { site: { ...input.site, html: `<section data-ov-id="${targetId}" id="b"><h2>B2</h2></section>` }, fragment: true };
      },
    };
    const { engine, baseSite } = prepareTurn({ engine: fragmentEngine, instruction: { targetId }, baseSite: base });
    const next = await runAll(engine, "Call it B2", baseSite);
    expect(seen[0]).toContain("body > main > section#b");
    expect(seen[0]).toContain("<h2");
    expect(next.html).toContain("B2");
    expect(next.html.replace("B2", "B")).toBe(base.html);
  });
});
