/**
 * The content-fit checks can fail: each rule gets a page that fits and one that does not
 * (software copy on a bakery, dollars in Kyoto, an English button on a Spanish page, a style word
 * as a section, another trade's name, an edit reported as done that changed nothing, a wrong undo).
 */
import { checkContentFit, checkFormFields, type FitContext } from "../../scripts/faithfulness/check-content-fit";
import type { PageFacts } from "../../scripts/faithfulness/page-facts";

const page: PageFacts = {
  h1: "Panadería Sevilla",
  brand: "P Panadería Sevilla Carta Pedidos",
  headings: ["Carta", "Pedidos"],
  navLinks: ["Carta", "Pedidos"],
  forms: ["Pedidos Tu nombre Hacer pedido"],
  text: "Panadería Sevilla Carta Pan de masa madre 4,50 € Barra 1,50 € Hacer pedido Todos los derechos reservados.",
  h1Font: "serif",
  background: [255, 255, 255],
  hue: 30,
  lang: "es",
  hero: "Panadería Sevilla Pan con cariño",
  formDetails: [{ options: ["Pan de masa madre", "Barra", "Aún no lo sé"], requiredCheckbox: false }],
  listedItems: ["Pan de masa madre", "Barra"],
};
const ctx: FitContext = { prompt: "Una web para mi panadería en Sevilla con carta y pedidos", understood: "Panadería · written in Spanish", notApplied: false, html: "<h1>A</h1>", earlier: ["<h1>A</h1>"] };
const verdicts = (facts: PageFacts, fit: NonNullable<Parameters<typeof checkContentFit>[0]["fit"]>, c: FitContext = ctx) =>
  checkContentFit({ fit }, facts, c).map((r) => r.met);

describe("content-fit checks", () => {
  it("accepts a page that fits its business and language", () => {
    expect(verdicts(page, { offSoftware: true, currency: "EUR", lang: "es", styleWords: ["moderno"], neutralName: ["panadería"], hero: "pan con cariño", understood: "Spanish" })).toEqual([true, true, true, true, true, true, true]);
  });

  it("fails software copy, a wrong currency, English leftovers and a style word as a section", () => {
    expect(verdicts({ ...page, text: `${page.text} Core features · Community support` }, { offSoftware: true })).toEqual([false]);
    expect(verdicts({ ...page, text: "Ramen $14 Gyoza $6" }, { currency: "JPY" })).toEqual([false]);
    expect(verdicts({ ...page, text: `${page.text} Send message` }, { lang: "es" })).toEqual([false]);
    expect(verdicts({ ...page, lang: "en" }, { lang: "es" })).toEqual([false]);
    expect(verdicts({ ...page, headings: [...page.headings, "Energetic"] }, { styleWords: ["energetic"] })).toEqual([false]);
  });

  it("fails another trade's name and a hero that does not say what was asked", () => {
    expect(verdicts({ ...page, h1: "Balance Yoga Co." }, { neutralName: ["panadería"] })).toEqual([false]);
    expect(verdicts(page, { hero: "Open late on Fridays" })).toEqual([false]);
  });

  it("fails an edit reported as done that changed nothing, a change reported as not applied, and a wrong undo", () => {
    expect(verdicts(page, { notApplied: true })).toEqual([false]);
    expect(verdicts(page, { notApplied: true }, { ...ctx, notApplied: true })).toEqual([true]);
    expect(verdicts(page, { notApplied: true }, { ...ctx, notApplied: true, html: "<h1>B</h1>" })).toEqual([false]);
    expect(verdicts(page, { restores: 0 }, { ...ctx, html: "<h1>B</h1>", earlier: ["<h1>A</h1>", "<h1>B2</h1>"] })).toEqual([false]);
    expect(verdicts({ ...page, h1: "Fresh bread daily" }, { keepsName: true }, { ...ctx, earlier: ["<h1>Panadería Sevilla</h1>"] })).toEqual([false]);
  });

  it("needs a waiver's agreement and an order form that lists the page's items", () => {
    const fields = (facts: PageFacts, forms: Array<"waiver" | "order">) => checkFormFields({ forms }, facts).map((r) => r.met);
    expect(fields(page, ["order"])).toEqual([true]);
    expect(fields({ ...page, formDetails: [{ options: ["Consulting", "Design"], requiredCheckbox: false }] }, ["order"])).toEqual([false]);
    expect(fields(page, ["waiver"])).toEqual([false]);
    expect(fields({ ...page, formDetails: [{ options: [], requiredCheckbox: true }] }, ["waiver"])).toEqual([true]);
  });
});
