/**
 * Follow-up reading on its own (parseEdit), then applied to a real generated site: add a form of a
 * kind, add a section under the user's word, rename / move / remove a section by its heading,
 * colours, theme and fonts. Each applied edit is checked in the markup it produces.
 */
import { emptySite, type SiteFiles } from "../../lib/server/engines/engine";
import { parseEdit } from "../../lib/server/engines/template/edit/parse-edit";
import { createTemplateEngine } from "../../lib/server/engines/template/template-engine";

async function run(prompt: string, baseSite?: SiteFiles): Promise<{ site: SiteFiles; messages: string[] }> {
  const engine = createTemplateEngine({ stepMs: 0 });
  const signal = new AbortController().signal;
  const plan = await engine.plan({ prompt, baseSite, signal });
  let site = baseSite ?? emptySite();
  const messages: string[] = [];
  for (const [index, step] of plan.entries()) {
    const result = await engine.runStep({ prompt, step, index, plan, site, baseSite, signal });
    messages.push(result.message ?? "");
    if (result.site) site = result.site;
  }
  return { site, messages };
}

const headings = (html: string) => [...html.matchAll(/<h2 id="[^"]+">([^<]*)<\/h2>/g)].map((m) => m[1]);
const navLabels = (html: string) =>
  [...(/<ul class="nav-list"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "").matchAll(/<a\b[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);

describe("reading follow-ups", () => {
  it("reads forms of a given kind, not a generic contact section", () => {
    expect(parseEdit("add a booking form")).toEqual([{ type: "add-form", form: "booking", heading: "Booking" }]);
    expect(parseEdit("add a reservations form")).toEqual([{ type: "add-form", form: "reservation", heading: "Reservations" }]);
    const both = parseEdit("add a pricing section and an enquiry form");
    expect(both).toContainEqual({ type: "add-form", form: "enquiry", heading: "Enquiry" });
    expect(both).toContainEqual({ type: "add-section", section: "pricing", heading: "Pricing" });
  });

  it("reads rename, move and remove of a section named by its heading", () => {
    expect(parseEdit("rename the timetable section to Weekly schedule")).toEqual([{ type: "rename-section", from: "timetable", to: "Weekly schedule" }]);
    expect(parseEdit("move the wine list above the menu")).toEqual([{ type: "move-section", name: "wine list", target: "menu", where: "before" }]);
    expect(parseEdit("put the reviews section at the bottom")).toEqual([{ type: "move-section", name: "reviews", target: ":last", where: "after" }]);
    expect(parseEdit("move reviews to the bottom")).toEqual([{ type: "move-section", name: "reviews", target: ":last", where: "after" }]);
    expect(parseEdit("remove the shows section")).toEqual([{ type: "remove-named", name: "shows" }]);
    // A known section keeps its precise intent (and no duplicate by name).
    expect(parseEdit("remove the gallery section")).toEqual([{ type: "remove-section", section: "gallery" }]);
  });

  it("still tells renaming the site from renaming a section", () => {
    expect(parseEdit("rename it to Northstar Studio")).toEqual([{ type: "rename", name: "Northstar Studio" }]);
  });

  it("reads colours, theme and fonts", () => {
    expect(parseEdit("make the colours dark green").map((i) => i.type)).toEqual(["accent"]);
    expect(parseEdit("switch to a dark theme")).toEqual([{ type: "theme", mode: "dark" }]);
    expect(parseEdit("use a serif font")).toEqual([{ type: "font-family", style: "serif" }]);
  });
});

describe("applying follow-ups", () => {
  let base: SiteFiles;
  beforeAll(async () => {
    base = (await run("Dance studio Tempo in Montreal: classes, timetable, instructors, shows and registration")).site;
  });

  it("starts from the asked sections, in order, each in the navigation", () => {
    expect(headings(base.html)).toEqual(["Classes", "Timetable", "Instructors", "Shows", "Registration"]);
    expect(navLabels(base.html)).toEqual(["Classes", "Timetable", "Instructors", "Shows", "Registration"]);
  });

  it("renames a section in the heading and the navigation", async () => {
    const { site } = await run("rename the timetable section to Weekly schedule", base);
    expect(headings(site.html)).toEqual(["Classes", "Weekly schedule", "Instructors", "Shows", "Registration"]);
    expect(navLabels(site.html)).toContain("Weekly schedule");
    expect(navLabels(site.html)).not.toContain("Timetable");
  });

  it("moves a section and the navigation follows", async () => {
    const { site } = await run("move the instructors above the classes", base);
    expect(headings(site.html)).toEqual(["Instructors", "Classes", "Timetable", "Shows", "Registration"]);
    expect(navLabels(site.html).slice(0, 2)).toEqual(["Instructors", "Classes"]);
  });

  it("removes a section by its heading, links included", async () => {
    const { site } = await run("remove the shows section", base);
    expect(headings(site.html)).not.toContain("Shows");
    expect(site.html).not.toContain('href="#shows"');
  });

  it("adds a booking form with labelled fields, linked from the navigation", async () => {
    const { site, messages } = await run("add a booking form", base);
    expect(headings(site.html)).toContain("Booking");
    expect(site.html).toMatch(/<form class="card request-form" data-form="booking"/);
    expect(site.html).toMatch(/<label for="booking-date">/);
    expect(navLabels(site.html)).toContain("Booking");
    expect(messages.join(" ")).toMatch(/booking form/);
  });

  it("explains when a named section does not exist, and ends not applied (no new version)", async () => {
    await expect(run("remove the podcasts section", base)).rejects.toMatchObject({
      code: "NOT_APPLIED",
      retryAvailable: false,
      message: expect.stringMatching(/couldn't find a section called “podcasts”[\s\S]*This site can take edits like/),
    });
  });
});

describe("copy tone", () => {
  it("reads a tone change, but not a colour or font change", () => {
    expect(parseEdit("make the copy more playful")).toEqual([{ type: "tone", tone: "playful" }]);
    expect(parseEdit("change the tone to formal")).toEqual([{ type: "tone", tone: "elegant" }]);
    expect(parseEdit("make the header colour bold red").some((i) => i.type === "tone")).toBe(false);
  });

  it("rewrites the tagline and reshapes the page for the tone", async () => {
    const base = (await run("A bakery called Crumb & Co")).site;
    const { site } = await run("make the copy more playful", base);
    expect(site.html).toContain('<p class="hero-tagline">Good things are happening here, come and say hi!</p>');
    expect(site.css).toMatch(/openv0-edit:tone \*\/\n:root \{ --radius: 22px;/);
    expect(site.html.replace(/<p class="hero-tagline">[^<]*<\/p>/, "")).toBe(base.html.replace(/<p class="hero-tagline">[^<]*<\/p>/, ""));
  });
});

describe("hostile follow-ups", () => {
  it("escapes a new section name and survives regex characters in foreign ids", async () => {
    const base = (await run("Dance studio Tempo: classes, timetable and shows")).site;
    const renamed = await run('rename the shows section to <img src=x onerror=alert(1)>', base);
    expect(renamed.site.html).not.toMatch(/<img src=x/);
    expect(renamed.site.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    const foreign: SiteFiles = { html: '<main><section id="a(b+"><h2 id="a(b+-title">Odd [one]</h2></section></main>', css: "", js: "" };
    const removed = await run("remove the odd [one] section", foreign);
    expect(removed.site.html).not.toContain('id="a(b+"');
  });
});
