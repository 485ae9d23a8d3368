/**
 * Short prompts and trades no file of the engine names: the language comes from more than
 * trigrams, German compounds find their preset, listed services are one Services section, and a
 * trade the presets lack is still written in the user's own words, never another trade's.
 */
import { analyzePrompt } from "@/lib/server/engines/template/prompt/analyze-prompt";
import { buildStage } from "@/lib/server/engines/template/render/build-site";
import { readBusiness } from "@/lib/server/engines/template/locale/read-business";

const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const pageOf = (prompt: string) => text(buildStage(analyzePrompt(prompt), "interactivity").html);

describe("the language of a short prompt", () => {
  // franc alone reads each of these as English (or another language): the trade word's language,
  // the place's country, the language's letters and small words decide together.
  it.each([
    ["Friseursalon Haarmonie in München", "de"],
    ["Physiotherapiepraxis in Köln", "de"],
    ["Peluquería Rizos en Sevilla", "es"],
    ["Boulangerie Dupont à Lyon", "fr"],
    ["Padaria Pão Quente no Porto", "pt"],
    ["Veterinario a Bologna", "it"],
    // English stays English, whatever the town or the borrowed word.
    ["Tattoo studio in Berlin", "en"],
    ["Pizzeria in Napoli", "en"],
    ["Café in Paris", "en"],
    ["Escape room in Prague", "en"],
  ] as const)("%s → %s", (prompt, lang) => {
    expect(analyzePrompt(prompt).lang).toBe(lang);
  });

  it("writes the page in that language", () => {
    const page = pageOf("Friseursalon Haarmonie in München");
    expect(page).toContain("Alle Rechte vorbehalten");
    expect(page).not.toMatch(/Skip to content|Get in touch|All rights reserved/);
  });
});

describe("German compound trades", () => {
  it.each([
    ["Zahnarztpraxis in Hamburg", "amenity/dentist"],
    ["Physiotherapiepraxis in Köln", "healthcare/physiotherapist"],
    ["Hundefriseur in Leipzig", "shop/pet_grooming"],
    ["Blumenladen in Dresden", "shop/florist"],
    ["Friseursalon in Stuttgart", "shop/hairdresser"],
    ["Kinderzahnarzt in Wien", "amenity/dentist"],
    ["Tierarztpraxis in Graz", "amenity/veterinary"],
  ] as const)("%s → %s", (prompt, id) => {
    expect(readBusiness(prompt, "de")?.id).toBe(id);
    expect(analyzePrompt(prompt).business?.id).toBe(id);
  });

  it("keeps the user's word for the trade in the name", () => {
    expect(analyzePrompt("Physiotherapiepraxis in Köln").name).toBe("Physiotherapiepraxis Köln");
  });
});

describe("listed services", () => {
  it("are the items of one Services section, not sections of their own", () => {
    const spec = analyzePrompt("Car repair garage in Leeds: tyre changes, MOT and servicing");
    const headings = spec.blocks.map((b) => b.heading.toLowerCase());
    expect(headings).not.toContain("tyre changes");
    expect(headings).not.toContain("mot");
    expect(spec.blocks.filter((b) => b.layout === "services")).toHaveLength(1);
    const html = buildStage(spec, "interactivity").html;
    const services = /<section[^>]*section-services[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(text(services)).toMatch(/Tyre changes[\s\S]*MOT[\s\S]*Servicing/);
  });

  it("in other languages too, after a colon", () => {
    const spec = analyzePrompt("Notário no Porto: escrituras, testamentos e procurações");
    expect(spec.blocks.map((b) => b.heading.toLowerCase())).not.toContain("escrituras");
    expect(spec.offers).toEqual(["Escrituras", "Testamentos", "Procurações"]);
  });

  it("a list of sections after 'with' stays a list of sections", () => {
    const spec = analyzePrompt("A website for a dental clinic in Leeds with treatments, our dentists and appointments");
    expect(spec.blocks.map((b) => b.heading)).toEqual(expect.arrayContaining(["Treatments", "Our dentists", "Appointments"]));
  });
});

describe("trades the presets lack", () => {
  it("a nationality names no business ('Polish bakery' is not called 'Polish')", () => {
    expect(analyzePrompt("Polish bakery in Chicago").name).not.toMatch(/^Polish/);
    expect(analyzePrompt("Ukrainian restaurant in Toronto").name).not.toMatch(/^Ukrainian/);
  });

  it("the noun before the place is the trade, in the user's words", () => {
    expect(analyzePrompt("Liutaio a Cremona: violini, viole e violoncelli").name).toBe("Liutaio Cremona");
    expect(analyzePrompt("Página para una autoescuela en Madrid con cursos, precios e inscripción").name).toBe("Autoescuela Madrid");
  });

  it("never shows the kind's English label on the page", () => {
    expect(pageOf("Sito per un'enoteca a Verona con vini, degustazioni e prenotazioni")).not.toMatch(/landing page/i);
    expect(pageOf("京都の着物屋のウェブサイト、営業時間と地図付き")).not.toMatch(/landing page|Contact is a/i);
  });

  it("a cuisine named without a preset gives the menu its dishes", () => {
    const page = pageOf("Sushi counter in Vancouver with a menu");
    expect(page).not.toMatch(/flatbread|burrata|risotto/i);
    expect(page).toMatch(/C?\$\d/);
  });
});
