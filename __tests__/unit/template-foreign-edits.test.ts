/**
 * Section, rename and theme follow-ups typed in the site's own language: "añade una galería",
 * "appelle-le …", "entferne die Bewertungen". They once ended "not applied" because only English
 * verbs were read.
 */
import type { SiteFiles } from "@/lib/server/engines/engine";
import { parseEdit } from "@/lib/server/engines/template/edit/parse-edit";
import { readSiteName } from "@/lib/protocol";
import { runTemplate as run } from "../helpers/run-template";

const headings = (html: string) => [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);

describe("reading structural edits in five languages", () => {
  it.each([
    ["añade una galería", [{ type: "add-section", section: "gallery" }]],
    ["quita las preguntas frecuentes", [{ type: "remove-section", section: "faq" }]],
    ["Füge eine Galerie hinzu", [{ type: "add-section", section: "gallery" }]],
    ["adiciona depoimentos e remove a galeria", [{ type: "remove-section", section: "gallery" }, { type: "add-section", section: "testimonials" }]],
    ["aggiungi una sezione prezzi", [{ type: "add-section", section: "pricing" }]],
    ["llámalo Panadería Sol", [{ type: "rename", name: "Panadería Sol" }]],
    ["appelle-le Le Fournil", [{ type: "rename", name: "Le Fournil" }]],
    ["passe en mode sombre", [{ type: "theme", mode: "dark" }]],
  ])("%s", (prompt, intents) => {
    // "remove" is also Portuguese: on a Portuguese site it reads "a galeria".
    expect(parseEdit(prompt, prompt.startsWith("adiciona") ? "pt" : "en")).toEqual(intents);
  });

  it("still reads nothing into a request it cannot do", () => {
    expect(parseEdit("con pagos por Stripe")).toEqual([]);
    // An English remove verb names a section by heading only as "remove the X section".
    expect(parseEdit("delete my account")).toEqual([]);
  });
});

describe("applying them to a Spanish site", () => {
  let base: SiteFiles;
  beforeAll(async () => {
    base = await run("Una web para mi panadería en Sevilla, La Miga, con carta, pedidos y horario");
  });

  it("adds a gallery under a Spanish heading", async () => {
    const site = await run("añade una galería", base);
    expect(headings(site.html).length).toBe(headings(base.html).length + 1);
    expect(site.html).toMatch(/<section id="[^"]*" class="section section-gallery"/);
    expect(site.html).toContain('lang="es"');
  });

  it("removes a section named by its Spanish heading", async () => {
    expect(headings(base.html)).toContain("Horario");
    const site = await run("quita el horario", base);
    expect(headings(site.html)).not.toContain("Horario");
    expect(headings(site.html).length).toBe(headings(base.html).length - 1);
  });

  it("renames the site", async () => {
    const site = await run("llámalo Panadería Sol", base);
    expect(readSiteName(site.html)).toBe("Panadería Sol");
  });
});
