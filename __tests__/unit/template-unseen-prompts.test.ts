/**
 * Prompts from trades and languages the engine's data files do not name, each once read wrongly
 * in an outside check: the wrong language, a country for a name, a registration form missing, a
 * surf school sold as a surf shop, and the same filler under every section it knew nothing about.
 */
import { analyzePrompt, summarizeSpec } from "@/lib/server/engines/template/prompt/analyze-prompt";
import { buildStage } from "@/lib/server/engines/template/render/build-site";
import { readLanguage } from "@/lib/server/engines/template/locale/read-language";

const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the prompt's language", () => {
  it("reads Dutch as a language it does not write, not as German, and says so", () => {
    const prompt = "Website voor een fietsenwinkel in Utrecht met reparaties";
    expect(readLanguage(prompt)).toMatchObject({ lang: "en", other: "nld" });
    const spec = analyzePrompt(prompt);
    expect(spec.lang).toBe("en");
    expect(summarizeSpec(spec)).toMatch(/Dutch/);
    // No trade read: a neutral name, never the town alone.
    expect(spec.name).not.toBe("Utrecht");
  });

  it.each([
    "Personal chef in Miami offering meal prep",
    "Mobile bike repair van serving Leeds",
    "Plumber in Manchester, emergency call-outs, boiler repairs, call-out fee £80",
    "Sun Valley ski school with 5 instructors",
    "SEO consultant in Leeds",
    "Pizzeria in London",
  ])("reads %s as English, not as a language the trigrams put first", (prompt) => {
    const spec = analyzePrompt(prompt);
    expect(spec.lang).toBe("en");
    expect(summarizeSpec(spec)).not.toMatch(/looks like/);
  });

  it("still reads Dutch in a Dutch town as Dutch", () => {
    expect(summarizeSpec(analyzePrompt("Website voor een fietsenwinkel in Utrecht met reparaties"))).toMatch(/Dutch/);
  });

  it("lets the place decide between languages that read alike", () => {
    expect(analyzePrompt("Food truck de tacos en Monterrey").lang).toBe("es");
    expect(analyzePrompt("Food truck de tacos en Monterrey").currencyCode).toBe("MXN");
  });

  it("keeps short English prompts English", () => {
    for (const prompt of ["Hair salon Bella in Milano", "Tattoo studio in Berlin", "Bakery in Leeds"]) expect(readLanguage(prompt)).toEqual({ lang: "en", other: null });
  });
});

describe("names", () => {
  it("takes no place after a preposition and an article for a name ('in the Alps')", () => {
    expect(analyzePrompt("A blog about hiking in the Alps").name).not.toMatch(/Alps/);
    expect(analyzePrompt("A website for the band The Midnight Owls").name).toBe("The Midnight Owls");
  });

  it("never takes a country or a town for the business's name", () => {
    const spec = analyzePrompt("Un sitio para una veterinaria en Córdoba, Argentina, con urgencias 24 horas, vacunación y turnos online");
    expect(spec.name).not.toMatch(/Argentina/);
    expect(spec).toMatchObject({ currencyCode: "ARS", location: "Córdoba" });
  });

  it.each([
    ["Landscape architect studio in Copenhagen", "Copenhagen Landscape Architect Studio"],
    ["Vintage bike shop in Leeds", "Leeds Vintage Bike Shop"],
    ["Acme bakery in Leeds", "Acme"],
    ["A food truck selling Korean tacos in Portland", "Portland Food Truck"],
    ["A coffee shop for remote workers in Austin", "Austin Coffee Shop"],
    ["Electrician in Leeds, 24/7 emergency callouts, NICEIC approved", "Leeds Electrician"],
    ["Accountant in Leeds, ACCA qualified", "Leeds Accountant"],
    ["Autoescuela en Zaragoza con precios y horarios", "Autoescuela Zaragoza"],
    ["Leeds Dental Clinic", "Leeds Dental Clinic"],
    ["Private chef for dinner parties in London", "London Chef"],
    ["Luna bakery in Leeds", "Luna"],
    ["Cat cafe in Osaka", "Osaka Cat Cafe"],
  ])("%s → %s", (prompt, name) => {
    // The user's words for the trade name it ("food truck", not the preset's "Fast Food"); a body that
    // vouches for it ("NICEIC approved") does not; a first word some trade is searched by, or an adjective, describes it.
    expect(analyzePrompt(prompt).name).toBe(name);
  });

  it.each([
    ["Site para uma escola de surf na Ericeira com aulas para iniciantes, aluguer de pranchas e reservas", "Escola de Surf"],
    ["Cours de piano à Lille pour enfants", "Cours de Piano de Lille"],
    ["Clases de baile en Bilbao", "Clases de Baile Bilbao"],
    ["Lezioni di chitarra a Bologna per adulti e bambini", "Lezioni di Chitarra Bologna"],
  ])("%s → %s: the user's own words for the trade, small words in lower case", (prompt, name) => {
    expect(analyzePrompt(prompt).name).toBe(name);
  });
});

describe("the trade", () => {
  it.each([
    ["A site for my pottery classes in Melbourne, beginners welcome", "Melbourne Pottery Classes"],
    ["Cooking classes in Bologna with booking", "Bologna Cooking Classes"],
  ])("%s: classes named after the trade are a service, in the user's words (%s)", (prompt, name) => {
    const spec = analyzePrompt(prompt);
    expect(spec.kind).not.toBe("shop");
    expect(spec.name).toBe(name);
    expect(text(buildStage(spec, "interactivity").html)).not.toMatch(/\ba pottery classes\b/);
  });

  it("reads a surf school as a school, not as the surf shop its modifier names", () => {
    const spec = analyzePrompt("Site para uma escola de surf na Ericeira com aulas para iniciantes, aluguer de pranchas e reservas");
    expect(spec.kind).not.toBe("shop");
    expect(spec.business?.label).toBe("Escola de surf");
  });

  it.each([
    ["Cours de piano à Lille pour enfants", /psychiat/],
    ["Web para mi taller de cerámica en Oaxaca", /motorcycle|car_repair/],
    ["Taller de bicicletas en Valencia con reparaciones y alquiler", /video/],
  ])("%s is no %s: generic words (children, workshop, rental) name no trade", (prompt, wrong) => {
    expect(analyzePrompt(prompt).business?.id ?? "").not.toMatch(wrong);
  });
});

describe("a search term several presets share", () => {
  it.each(["Fisioterapia em Lisboa com marcações online", "Fisioterapia a Milano con prenotazioni", "Fisioterapia en Sevilla"])(
    "%s is a physiotherapist, not a medical supply shop selling products",
    (prompt) => {
      const spec = analyzePrompt(prompt);
      expect(spec.business?.id).toBe("healthcare/physiotherapist");
      expect(spec.kind).not.toBe("shop");
    },
  );
});

describe("a service in software's words", () => {
  it("bookkeeping services are a bookkeeper's, not invoicing software", () => {
    const spec = analyzePrompt("Bookkeeping services for small businesses in Toronto");
    expect(spec.kind).not.toBe("saas");
    expect(text(buildStage(spec, "interactivity").html)).not.toMatch(/software|invoices in seconds|free trial|per month/i);
  });

  it("a dog grooming salon is no hair salon: a generic noun ('salon') brings no other trade's copy", () => {
    const spec = analyzePrompt("Dog grooming salon in Leeds with prices");
    expect(spec.business?.id).toBe("shop/pet_grooming");
    expect(text(buildStage(spec, "interactivity").html)).not.toMatch(/balayage|blow dry|stylist|hair/i);
  });

  it("invoicing software stays software", () => {
    expect(analyzePrompt("Invoicing software for freelancers").kind).toBe("saas");
  });
});

describe("a craft's studio", () => {
  it.each([
    "A website for my pottery studio in Leeds, with classes and prices",
    "Ceramics studio in Brighton",
    "Piano studio in Dublin offering lessons",
  ])("%s is no design agency: 'studio' alone names no trade", (prompt) => {
    const spec = analyzePrompt(prompt);
    expect(spec.kind).not.toBe("agency");
    expect(text(buildStage(spec, "interactivity").html)).not.toMatch(/Case studies|Brand strategy|senior team|Budget range/);
  });

  it("still reads a design studio as an agency", () => {
    expect(analyzePrompt("A web design studio in Berlin").kind).toBe("agency");
  });
});

describe("prices asked in German's dative ('mit Kursen und Preisen')", () => {
  it("builds the pricing block, in euros written the Austrian way", () => {
    const html = buildStage(analyzePrompt("Website für meine Hundeschule in Graz mit Kursen und Preisen"), "interactivity").html;
    expect(text(html)).toMatch(/Klare Preise, keine Überraschungen\. Basis € \d+/);
  });
});

describe("sections listed after 'with' are the business's parts", () => {
  it("a florist with weddings and events is a florist, and its events are a service, not a timetable", () => {
    const spec = analyzePrompt("A florist in Leeds with bouquets, weddings and events");
    expect(spec).toMatchObject({ kind: expect.not.stringMatching(/event/), name: "Leeds Florist" });
    expect(spec.business?.id).toBe("shop/florist");
    expect(spec.blocks.find((b) => b.heading === "Events")?.layout).toBe("cards");
  });

  it("a conference keeps its programme", () => {
    const spec = analyzePrompt("A conference in Lisbon with speakers, events and tickets");
    expect(spec.kind).toBe("event");
    expect(spec.blocks.find((b) => b.heading === "Events")?.layout).toBe("schedule");
  });
});

describe("forms in the user's words", () => {
  it.each([
    ["Website für eine Hundeschule in Köln mit Welpenkursen, Einzeltraining und Anmeldeformular", "registration"],
    ["Un sitio para una veterinaria en Córdoba, Argentina, con urgencias 24 horas, vacunación y turnos online", "appointment"],
    ["Webseite für ein Café in Graz mit Kontaktformular und Bestellformular", "order"],
  ])("%s builds a %s form", (prompt, kind) => {
    expect(analyzePrompt(prompt).forms).toContain(kind);
  });

  it("offers the sections the user asked for as the form's choices, not the neutral copy's", () => {
    const html = buildStage(analyzePrompt("Website für eine Hundeschule in Köln mit Welpenkursen, Einzeltraining und Anmeldeformular"), "interactivity").html;
    const form = /<form[^>]*data-form="registration"[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";
    expect(form).toContain("<option>Einzeltraining</option>");
    expect(form).not.toContain("Beratung");
  });
});

describe("sections the engine knows nothing about", () => {
  it.each([
    "Website für eine Hundeschule in Köln mit Welpenkursen, Einzeltraining und Anmeldeformular",
    "Un sitio para una veterinaria en Córdoba, Argentina, con urgencias 24 horas, vacunación y turnos online",
    "A website for a tutoring centre in Leeds with maths, physics and chemistry sections",
  ])("%s: each gets its own short line and a way to ask, never the same cards twice", (prompt) => {
    const spec = analyzePrompt(prompt);
    const html = buildStage(spec, "interactivity").html;
    const sections = [...html.matchAll(/<section id="[^"]+" class="section section-cards"[\s\S]*?<\/section>/g)].map((m) => text(m[0]));
    expect(sections.length).toBeGreaterThanOrEqual(2);
    const bodies = sections.map((s) => s.replace(/^.*?<\/h2>/, "").replace(spec.name, ""));
    expect(new Set(bodies).size).toBe(bodies.length);
    for (const body of sections) expect(body).not.toMatch(/Beratung|Asesoramiento|How it works/);
  });
});

describe("regions as places", () => {
  it.each([
    ["A yoga retreat in Bali with daily classes and villas", "IDR"],
    ["A website for a small winery in Tuscany with tastings", "EUR"],
    ["Ferienwohnungen in Bayern mit Buchung", "EUR"],
    ["A fishing charter in Florida", "USD"],
  ])("%s is priced in %s", (prompt, currency) => {
    expect(analyzePrompt(prompt).currencyCode).toBe(currency);
  });
});

describe("an online shop", () => {
  it("sells what it is a shop for, and has one newsletter when asked for one", () => {
    const spec = analyzePrompt("Online shop for handmade ceramics with a newsletter");
    const html = buildStage(spec, "interactivity").html;
    expect(spec.blocks.filter((b) => b.layout === "newsletter" || b.form === "subscription")).toHaveLength(1);
    expect(text(/<ul class="product-grid"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "")).toContain("Handmade ceramics");
    // "for remote workers" is an audience, not the goods.
    expect(analyzePrompt("A coffee shop for remote workers in Austin").focus).toBeNull();
  });
});

describe("a shop the engine knows nothing about", () => {
  it("with no goods named, sells its trade, not the neutral services", () => {
    const html = buildStage(analyzePrompt("Tienda online de cerámica artesanal hecha en Oaxaca, con envíos a todo México"), "interactivity").html;
    const products = /<ul class="product-grid"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
    expect(text(products)).toMatch(/Cerámica artesanal[\s\S]*Precio a consultar/);
    expect(products).not.toMatch(/Asesoramiento|Horarios flexibles/);
  });

  it("sells the user's own goods, priced on request, never another shop's mugs", () => {
    const spec = analyzePrompt("A site for a beekeeper selling raw honey and beeswax candles in Asheville with an order form");
    const html = buildStage(spec, "interactivity").html;
    const page = text(html);
    expect(spec.name).toBe("Asheville Beekeeper");
    expect(page).toMatch(/Raw honey[\s\S]*Price on request/);
    expect(page).not.toMatch(/Stoneware|tea towel|House special|Advice/);
    expect(html).not.toMatch(/data-add-to-cart="Raw honey"/);
    expect(/<form[^>]*data-form="order"[\s\S]*?<\/form>/.exec(html)?.[0]).toContain("<option>Beeswax candles</option>");
  });
});

describe("reading the trade word by word", () => {
  it.each([
    // The last word of a prompt once weighed four times ("mariages" made a pastry shop a wedding venue).
    ["Pâtisserie Lemoine à Lyon : gâteaux, macarons et commandes pour mariages", "shop/pastry", "Pâtisserie Lemoine"],
    ["Page for a tailor shop in Lagos doing alterations and bespoke suits", "shop/tailor", "Lagos Tailor Shop"],
    ["Sito per un'enoteca a Verona con degustazioni", "shop/wine", "Enoteca Verona"],
    ["Site d'un fromager à Annecy avec plateaux et commandes", "shop/cheese", "Fromager d'Annecy"],
    // The trade in the user's own word, not the preset's ("Affittacamere", "Veterinario").
    ["Sito per un B&B a Matera con camere, colazione e prenotazioni", "tourism/guest_house", "B&B Matera"],
    ["Un sitio para una veterinaria en Rosario con vacunación", "amenity/veterinary", "Veterinaria Rosario"],
    ["Cabinet d'ostéopathie à Nantes", "healthcare/alternative/osteopathy", "Cabinet d'Ostéopathie de Nantes"],
    // "B&B" is one word, the guest house's own search term.
    ["A B&B in York with rooms and breakfast", "tourism/guest_house", "York Guest House"],
  ])("%s → %s, named %s", (prompt, id, name) => {
    const spec = analyzePrompt(prompt);
    expect(spec.business?.id).toBe(id);
    expect(spec.name).toBe(name);
  });

  it.each(["A website for my bike courier business in Glasgow", "Dog walker in Bristol, daily walks and puppy visits"])(
    "%s: a trade named by a person no preset knows takes no preset from a lone word",
    (prompt) => {
      expect(analyzePrompt(prompt).business).toBeNull();
    },
  );

  it.each([
    ["A website for my bike courier business in Glasgow", "Glasgow Bike Courier"],
    ["Dog walker in Bristol, daily walks and puppy visits", "Bristol Dog Walker"],
    ["Personal trainer in Leeds with sessions and packages", "Leeds Personal Trainer"],
  ])("%s is named in the user's words for the trade: %s", (prompt, name) => {
    const spec = analyzePrompt(prompt);
    expect(spec.name).toBe(name);
    expect(spec.domainId).not.toBe("bike");
  });

  it.each(["A pizza place in Rome", "Wedding planner in Leeds"])("%s stays English: a shared small word and a foreign place are not enough", (prompt) => {
    expect(analyzePrompt(prompt).lang).toBe("en");
  });
});

describe("prompts in languages the engine does not write", () => {
  it.each([
    ["Сайт для кофейни в Москве с меню и доставкой", /Москве/],
    ["Strona internetowa dla kwiaciarni w Krakowie z ofertą i zamówieniami", /Krakowie/],
  ])("%s: one inflected capitalised word is no name", (prompt, wrong) => {
    const spec = analyzePrompt(prompt);
    expect(spec.lang).toBe("en");
    expect(spec.name).not.toMatch(wrong);
  });

  it.each([
    ["Website voor een fietsenwinkel in Utrecht met reparaties", "shop/bicycle", "EUR"],
    // Polish inflects: "kwiaciarni" is the locative of "kwiaciarnia", and no Polish place was read.
    ["Strona internetowa dla kwiaciarni w Krakowie z ofertą i zamówieniami", "shop/florist", "PLN"],
    ["Hemsida för ett bageri i Göteborg med meny och beställningar", /^shop\/(bakery|pastry)$/, "SEK"],
  ])("%s: the trade is read in the prompt's own language (%s), the page is English, prices in %s", (prompt, id, currency) => {
    const spec = analyzePrompt(prompt);
    expect(spec.lang).toBe("en");
    expect(spec.business?.id).toMatch(id);
    expect(spec.currencyCode).toBe(currency);
  });

  it("keeps a name given in corner brackets or in several capitalised words", () => {
    expect(analyzePrompt("東京のカフェ「Komorebi」のウェブサイト、メニューと営業時間").name).toBe("Komorebi");
    expect(analyzePrompt("Website voor bakkerij De Gouden Korenaar in Utrecht").name).toMatch(/Gouden Korenaar/);
  });
});

describe("English grammar from the NLP library", () => {
  it.each([
    ["A website for our two bakeries in Leeds", "bakery"],
    ["Website for a family of pharmacies in Bristol", "pharmacy"],
    ["We run three dental clinics in York", "dentist"],
  ])("%s: a plural trade is read by its singular (%s)", (prompt, id) => {
    expect(analyzePrompt(prompt).business?.id ?? "").toMatch(id);
  });

  it("names the people a prompt introduces, not the site or its place", () => {
    expect(analyzePrompt("A supper club called Nocturne in Hackney, hosted by Ana Reyes with chef Marta Silva").people).toEqual(["Ana Reyes", "Marta Silva"]);
    expect(analyzePrompt("Conference site with a keynote by Dr. Jane Goodall").people).toEqual(["Jane Goodall"]);
    expect(analyzePrompt("A bakery called Maria Rossi Bakes in San Francisco").people).toEqual([]);
  });
});

describe("dates in every page language", () => {
  it.each([
    ["Web para nuestra boda el 12 de junio de 2027 en Sevilla", "12 de junio de 2027"],
    ["Site pour le festival du 3–5 juin à Lyon", "3–5 juin"],
    ["Seite für unsere Hochzeit am 12. Juni 2027 in Köln", "12. Juni 2027"],
    ["Sito per il matrimonio il 7 settembre 2026 a Lecce", "7 settembre 2026"],
    ["A site for our conference, June 12, 2027 in Leeds", "June 12, 2027"],
  ])("%s → %s", (prompt, date) => {
    expect(analyzePrompt(prompt).date).toBe(date);
  });

  it("reads no date from a number before a word that is a month's short name in another language", () => {
    expect(analyzePrompt("A restaurant in Porto with a 10 set menu and out 5 nights").date).toBeNull();
  });
});
