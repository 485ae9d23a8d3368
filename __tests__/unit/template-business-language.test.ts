/**
 * Business, place and language come from data packages (OSM presets, a gazetteer, franc): trades
 * and cities no file of the engine names are still read, the page is written in the prompt's
 * language, and prices are in the place's currency.
 */
import { analyzePrompt, summarizeSpec } from "@/lib/server/engines/template/prompt/analyze-prompt";
import { buildStage } from "@/lib/server/engines/template/render/build-site";
import { readBusiness } from "@/lib/server/engines/template/locale/read-business";
import { readLanguage } from "@/lib/server/engines/template/locale/read-language";
import { getLocale } from "@/lib/server/engines/template/locale/locales";
import { renderSiteDocument } from "@/lib/server/site/render-document";

const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("reading the business from the OSM presets", () => {
  it.each([
    ["A website for a dental clinic in Leeds with treatments and our dentists", "en", "amenity/dentist"],
    ["Eine Website für unsere Kletterhalle in München", "de", "leisure/sports_centre/climbing"],
    ["Un sito per la mia pizzeria a Napoli", "it", "amenity/restaurant/pizza"],
    ["locksmith in Dublin", "en", "shop/locksmith"],
  ] as const)("%s → %s", (prompt, lang, id) => {
    expect(readBusiness(prompt, lang)?.id).toBe(id);
  });

  // Each of these once took another trade's preset, or a list item or a town for the name.
  it.each([
    ["Beauty salon in Leeds", "shop/beauty", "Leeds Beauty Salon", "landing"],
    ["Car repair garage in Leeds: tyre changes, MOT and servicing", "shop/car_repair", "Leeds Car Repair Garage", "landing"],
    ["Dog groomer in Brighton", "shop/pet_grooming", "Brighton Dog Groomer", "landing"],
    ["Accountant in Glasgow", "office/accountant", "Glasgow Accountant", "landing"],
    ["Law firm in Edinburgh", "office/lawyer", "Edinburgh Law Firm", null],
    ["Estate agent in Reading", "office/estate_agent", "Reading Estate Agent", null],
    ["Bike shop in Cambridge", "shop/bicycle", "Cambridge Bike Shop", "shop"],
    ["Wine bar in Soho", "amenity/bar", "Soho Wine Bar", "restaurant"],
    ["Tattoo parlour in Camden", "shop/tattoo", "Camden Tattoo Parlour", "landing"],
    ["Laverie à Nantes", "shop/laundry", "Laverie de Nantes", "landing"],
    ["Kfz-Werkstatt in Hamburg, Reifenwechsel und Inspektion", "shop/car_repair", "Kfz-Werkstatt Hamburg", "landing"],
    ["Bäckerei Müller in Köln mit Brot und Kuchen", "shop/bakery", "Bäckerei Müller", "bakery"],
    // "encomendas" (orders) is no parcel locker, and São Paulo after "em" is the place, in reais.
    ["Página de uma padaria em São Paulo com produtos e encomendas", "shop/bakery", "Padaria São Paulo", "bakery"],
  ] as const)("%s → %s, named %s", (prompt, id, name, kind) => {
    const spec = analyzePrompt(prompt);
    expect(spec.business?.id).toBe(id);
    expect(spec.name).toBe(name);
    // A service is booked, not put in a basket: no product grid for a garage or a laundry.
    if (kind) expect(spec.kind).toBe(kind);
  });

  it("writes a beauty salon's own services, not a hair salon's", () => {
    const spec = analyzePrompt("Beauty salon in Leeds with nails and lashes");
    expect(spec.domainId).toBe("beauty");
    expect(analyzePrompt("Hair salon in Bristol").domainId).toBe("salon");
  });

  it("reads a trade's portfolio as its gallery, never as a software designer's portfolio site", () => {
    const spec = analyzePrompt("Website for a tattoo studio in Berlin, dark and edgy, with portfolio, aftercare and booking");
    expect(spec.kind).not.toBe("portfolio");
    expect(spec.business?.id).toBe("shop/tattoo");
  });

  it("prices a São Paulo bakery in reais", () => {
    expect(analyzePrompt("Página de uma padaria em São Paulo com produtos e encomendas").currencyCode).toBe("BRL");
  });

  it("takes no preset for a trade none fits, and writes it in the user's words", () => {
    const spec = analyzePrompt("Piano teacher in Boston");
    expect(spec.business).toBeNull();
    expect(spec.name).toBe("Boston Piano Teacher");
  });

  it("does not mistake website words for a trade", () => {
    expect(readBusiness("a landing page with a menu, reservations and prices", "en")).toBeNull();
  });
});

describe("the prompt's language", () => {
  it.each([
    ["Una web para mi panadería en Sevilla con carta y pedidos", "es"],
    ["Site pour une boulangerie à Lyon avec nos pains et horaires", "fr"],
    ["Site para um café em Lisboa com menu e reservas", "pt"],
    ["tattoo studio in Berlin", "en"],
    ["A seafood restaurant in Porto", "en"],
  ] as const)("%s → %s", (prompt, lang) => {
    expect(readLanguage(prompt)).toEqual({ lang, other: null });
  });

  it("a language the engine does not write gives an English page, and the summary says so", () => {
    expect(readLanguage("京都の着物屋のウェブサイト、営業時間と地図付き")).toEqual({ lang: "en", other: "jpn" });
    expect(summarizeSpec(analyzePrompt("京都の着物屋のウェブサイト、営業時間と地図付き"))).toMatch(/Japanese, which this engine does not write yet, so the page is in English/);
  });

  it("every locale file has every key of the English one", () => {
    const keys = (o: object, at = ""): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" && !Array.isArray(v) ? keys(v as object, `${at}${k}.`) : [`${at}${k}`]));
    const english = keys(getLocale("en")).filter((k) => !k.startsWith("notice."));
    for (const lang of ["es", "fr", "de", "pt", "it"] as const) expect(english.filter((k) => !keys(getLocale(lang)).includes(k))).toEqual([]);
  });
});

describe("a Spanish bakery in Seville", () => {
  const spec = analyzePrompt("Una web para mi panadería en Sevilla, La Miga, con carta, pedidos y horario");
  const site = buildStage(spec, "interactivity");
  const page = text(site.html);

  it("is written in Spanish, with the user's own name and sections", () => {
    expect(spec).toMatchObject({ name: "La Miga", lang: "es", currencyCode: "EUR", location: "Sevilla" });
    expect(renderSiteDocument(site)).toContain('<html lang="es">');
    expect(page).toMatch(/Carta[\s\S]*Pedidos[\s\S]*Horario/);
    expect(page).toContain("Todos los derechos reservados");
    for (const english of ["Skip to content", "Your name", "Back to top", "Get in touch", "Place order"]) expect(page).not.toContain(english);
  });

  it("prices in euros, the Spanish way, and an order form that lists the bread", () => {
    expect(page).toMatch(/Pan de masa madre 4,50 €/);
    expect(site.html).not.toMatch(/\$\d/);
    expect(site.html).toMatch(/<form class="card request-form" data-form="order"[\s\S]*<option>Pan de masa madre<\/option>/);
  });
});

describe("content that fits", () => {
  it("a dentist in Leeds gets no software copy, pounds, and a name of its own trade", () => {
    const spec = analyzePrompt("A website for a dental clinic in Leeds with treatments, our dentists, prices and appointments");
    const page = text(buildStage(spec, "interactivity").html);
    expect(spec.name).toBe("Leeds Dental Clinic");
    expect(page).toMatch(/£\d/);
    expect(page).not.toMatch(/\$\d|per month|\/ month|Core features|Community support|Consulting|Lead designer/);
  });

  it("a ramen bar in Kyoto lists ramen in yen, not another kitchen's dishes", () => {
    const page = text(buildStage(analyzePrompt("ramen shop in Kyoto with a menu"), "interactivity").html);
    expect(page).toMatch(/Tonkotsu ramen ¥1,680/);
    expect(page).not.toMatch(/burrata|risotto|flatbread/i);
  });

  it("a climbing gym's waiver has its agreement, and style words stay styles", () => {
    const spec = analyzePrompt("A climbing gym with a waiver form, bold and energetic");
    const html = buildStage(spec, "interactivity").html;
    expect(spec.name).not.toMatch(/yoga|forge|balance/i);
    expect(html).toMatch(/data-form="waiver"[\s\S]*type="checkbox" required/);
    expect(spec.blocks.map((b) => b.heading.toLowerCase())).not.toContain("energetic");
    expect(spec.tone).toBe("bold");
  });
});
