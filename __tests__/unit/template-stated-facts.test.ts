/**
 * Facts a prompt states outright (prices, opening hours, phone, e-mail) are what the visitor reads:
 * no made-up tiers, stock hours or invented e-mail beside them, and never a name or a section made
 * of them ("Basic $49" named the business "Basic"; "open Mon–Sat 9am–6pm" became a service).
 */
import { parse, type HTMLElement } from "node-html-parser";
import { analyzePrompt } from "@/lib/server/engines/template/prompt/analyze-prompt";
import { buildStage } from "@/lib/server/engines/template/render/build-site";
import { readHours } from "@/lib/server/engines/template/prompt/read-hours";
import { readPrices } from "@/lib/server/engines/template/prompt/read-prices";

const render = (prompt: string) => parse(buildStage(analyzePrompt(prompt), "interactivity").html);
const text = (node: HTMLElement | null | undefined) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();
/** The visible words of the section whose layout is `layout` ("pricing", "services", "contact"…). */
const section = (root: HTMLElement, layout: string) => text(root.querySelector(`section.section-${layout}`));

describe("prices the prompt states", () => {
  it("reads what each price is for, its amount, 'from' and what it is per", () => {
    expect(readPrices("Yoga studio in Bristol, classes from £12 per class and a 10-class pass for £100").prices).toEqual([
      { item: "Classes", amount: 12, from: true, per: "class", service: true },
      { item: "10-class pass", amount: 100, from: false, per: null, service: true },
    ]);
    expect(readPrices("Reitschule in Köln, Einzelstunde 45 €, 10er-Karte 1.200 €").prices.map((p) => [p.item, p.amount])).toEqual([["Einzelstunde", 45], ["10er-Karte", 1200]]);
    expect(readPrices("Salão em São Paulo, corte R$ 80, escova R$ 60").prices.map((p) => p.item)).toEqual(["Corte", "Escova"]);
    expect(readPrices("Dog walking in Leeds from £12 per walk").prices).toEqual([{ item: null, amount: 12, from: true, per: "walk", service: false }]);
    expect(readPrices("Car detailing, packages Basic $49 / Full $149").prices.map((p) => [p.item, p.service])).toEqual([["Basic", false], ["Full", false]]);
    expect(readPrices("Mobile dog groomer in Bristol — full groom from £40, nail clip £10, bath & brush £25-35").prices.map((p) => [p.item, p.amount, p.from])).toEqual([["Full groom", 40, true], ["Nail clip", 10, false], ["Bath & brush", 25, true]]);
    expect(readPrices("Maths tutor, GCSE £30/hr, A-level £40 per hour").prices.map((p) => [p.item, p.per])).toEqual([["GCSE", "hr"], ["A-level", "hour"]]);
    expect(readPrices("Food truck in Austin: $10 tacos, $12 burritos").prices.map((p) => [p.item, p.amount])).toEqual([["Tacos", 10], ["Burritos", 12]]);
    expect(readPrices("Sauna in Seattle, private sauna for up to 6 for $180").prices.map((p) => p.item)).toEqual(["Private sauna"]);
    expect(readPrices("Campsite in Wales, adults £10pp, kids £5").prices.map((p) => [p.item, p.per])).toEqual([["Adults", "pp"], ["Kids", null]]);
    expect(readPrices("Escuela de manejo en Lima, curso completo S/ 850").prices.map((p) => [p.item, p.amount])).toEqual([["Curso completo", 850]]);
  });

  it("shows stated packages as the price list, not as the name or as services", () => {
    const spec = analyzePrompt("Car detailing in Austin, packages Basic $49 / Full $149, open Thu-Sun 12-9");
    expect(spec.name).toBe("Austin Car Detailing");
    const prices = section(render("Car detailing in Austin, packages Basic $49 / Full $149, open Thu-Sun 12-9"), "pricing");
    expect(prices).toMatch(/Basic \$49/);
    expect(prices).toMatch(/Full \$149/);
    expect(prices).not.toMatch(/Standard|Extended|Premium/);
  });

  it("prices the services they name, in the place's currency, with nothing invented beside them", () => {
    const root = render("Barbershop in Leeds: haircut £25, beard trim £15, open Mon–Sat 9am–6pm. Call 0113 496 0000");
    expect(section(root, "services")).toMatch(/Haircut £25 Beard trim £15/);
    expect(root.querySelector("section.section-pricing")).toBeNull();
    expect(root.querySelector("main")?.getAttribute("lang")).toBe("en");
    expect(text(root.querySelector("h1"))).toBe("Leeds Barbershop");
  });

  it("puts a kitchen's priced dishes in its menu, and a price with no item under the trade", () => {
    const menu = section(render("Pizzeria a Napoli con menù: margherita 6€, marinara 5€, diavola 8 €"), "menu");
    expect(menu).toMatch(/Margherita\s*6\s*€\s*Marinara\s*5\s*€\s*Diavola\s*8\s*€/);
    expect(menu).not.toMatch(/Burrata|Risotto/i);
    expect(section(render("Cours de piano à Lyon, 30 € la séance"), "pricing")).toMatch(/Cours de piano 30 € \/ séance/);
    expect(section(render("Fahrradwerkstatt in Köln, Reparatur ab 29,90 €, Kontaktformular"), "services")).toMatch(/Reparatur ab 29,90 €/);
  });

  it("turns the section the prompt named for its prices into the price list", () => {
    const spec = analyzePrompt("wedding photographer in Edinburgh called Jen Moss Photography, packages from £1,200, gallery and enquiry form");
    expect(spec.blocks.map((b) => [b.heading, b.layout])).toEqual([["Packages", "pricing"], ["Gallery", "gallery"], ["Enquiry", "form"]]);
    expect(section(render("wedding photographer in Edinburgh called Jen Moss Photography, packages from £1,200"), "pricing")).toMatch(/from £1,200/);
  });

  it("adds a price list when the prompt's own list of sections has no place for a fee", () => {
    const spec = analyzePrompt("Plumber in Manchester, emergency call-outs, boiler repairs, call-out fee £80");
    expect(spec.blocks.map((b) => b.layout)).toContain("pricing");
    expect(spec.blocks.map((b) => b.heading)).not.toContain("Call-out fee");
  });
});

describe("opening hours the prompt states", () => {
  it.each([
    ["open Thu-Sun 12-9", [{ days: "Thu-Sun", time: "12–9" }]],
    ["Öffnungszeiten: Mo–Fr 8–19 Uhr, Sa 9–14 Uhr, So geschlossen", [{ days: "Mo–Fr", time: "8–19 Uhr" }, { days: "Sa", time: "9–14 Uhr" }, { days: "So", time: "geschlossen" }]],
    ["abierta de lunes a viernes de 9 a 18 y sábados de 10 a 14", [{ days: "de lunes a viernes", time: "de 9 a 18" }, { days: "sábados", time: "de 10 a 14" }]],
    ["ouverte du mardi au samedi de 7h à 19h30, fermé le lundi", [{ days: "du mardi au samedi", time: "de 7h à 19h30" }, { days: "le lundi", time: "fermé" }]],
    ["aperta dal martedì alla domenica 12-15 e 19-23", [{ days: "dal martedì alla domenica", time: "12–15 e 19–23" }]],
    ["aberto de segunda a sexta das 9h às 19h", [{ days: "de segunda a sexta", time: "das 9h às 19h" }]],
    ["open 24/7", [{ days: "", time: "24/7" }]],
    ["drop off 9-5 weekdays, Sat 9-12, closed Sundays.", [{ days: "weekdays", time: "9–5" }, { days: "Sat", time: "9–12" }, { days: "Sundays", time: "closed" }]],
    ["open 8am-6pm, closed Wednesdays", [{ days: "", time: "8am–6pm" }, { days: "Wednesdays", time: "closed" }]],
    ["ouvert 7j/7 de 8h à 21h", [{ days: "7j/7", time: "de 8h à 21h" }]],
    ["8h-20h, encerrado ao domingo", [{ days: "", time: "8h–20h" }, { days: "ao domingo", time: "encerrado" }]],
  ])("reads %s", (prompt, rows) => expect(readHours(`A shop, ${prompt}`).rows.map(({ days, time }) => ({ days, time }))).toEqual(rows));

  it("keeps each row in the user's own order", () => {
    expect(readHours("cafe open daily 7am-3pm, closed Mondays").rows.map((r) => r.text)).toEqual(["daily 7am–3pm", "closed Mondays"]);
  });

  it("reads no price in a name or a count: 'K9', 'Studio 54', 'R2-D2', 'Q4', '10 KM'", () => {
    for (const prompt of ["K9 dog training in Leeds", "Studio 54 themed bar", "R2-D2 fan club", "Q4 report blog", "a 10 KM run", "founded 1998, 500 homes built"]) expect(readPrices(prompt).prices).toEqual([]);
  });

  it("reads no day without a time: 'Sun Valley', a German 'so', a count", () => {
    expect(readHours("Sun Valley ski school with 5 instructors").rows).toEqual([]);
    expect(readHours("so we do 9 people a day").rows).toEqual([]);
  });

  it("shows them in the contact block and the FAQ instead of the stock week", () => {
    const root = render("Notary public in Brooklyn, walk-ins welcome Mon-Fri 9-5, email hello@brooklynnotary.com");
    const contact = section(root, "contact");
    expect(contact).toMatch(/Mon-Fri 9–5/);
    expect(contact).toMatch(/hello@brooklynnotary\.com/);
    expect(text(root)).not.toMatch(/Monday to Saturday/);
    expect(section(render("Cours de piano à Lyon, ouvert du lundi au vendredi de 14h à 20h"), "faq")).toMatch(/Du lundi au vendredi de 14h à 20h\./);
  });

  it("shows a stated phone and e-mail, and leaves no 'Text' or 'Email' section behind", () => {
    const prompt = "DJ for hire in Miami, weddings and parties, text (305) 555-0199, email dj@miamibeats.com";
    const contact = section(render(prompt), "contact");
    expect(contact).toMatch(/\(305\) 555-0199/);
    expect(contact).toMatch(/dj@miamibeats\.com/);
    expect(analyzePrompt(prompt).blocks.map((b) => b.heading.toLowerCase())).not.toEqual(expect.arrayContaining(["text", "email"]));
    expect(analyzePrompt("Fahrschule in Berlin, Theorie und Praxis, Tel. 030 1234567").blocks.map((b) => b.heading)).not.toContain("Tel");
  });

  it("puts them in the footer too, so a page with no contact block still shows them", () => {
    const root = render("Bäckerei in Wien mit Sortiment, Öffnungszeiten und Vorbestellung. Telefon 01 234 5678, E-Mail hallo@baeckerei-wien.at");
    expect(root.querySelector("section.section-contact:not([id*='vorbestellung'])")?.querySelector(".contact-details")).toBeFalsy();
    expect(text(root.querySelector("footer"))).toMatch(/01 234 5678 · hallo@baeckerei-wien\.at/);
  });

  it("fills a requested hours section with them", () => {
    const hours = section(render("Bäckerei in Wien mit Sortiment, Öffnungszeiten und Vorbestellung. Öffnungszeiten: Mo–Fr 6–18 Uhr, Sa 7–12 Uhr"), "hours");
    expect(hours).toMatch(/Mo–Fr\s*6–18 Uhr\s*Sa\s*7–12 Uhr/);
    expect(hours).not.toMatch(/Montag bis Freitag/);
  });
});

describe("a form with the fields the prompt asks for", () => {
  const labels = (root: HTMLElement) => root.querySelectorAll("form.request-form label").map((l) => [text(l), root.querySelector(`#${l.getAttribute("for")}`)?.getAttribute("type") ?? "select"]);

  it("adds them, typed by their words, before the message box", () => {
    const fields = labels(render("Removals company in Bristol with a quote form with move date, number of rooms and moving from and to"));
    expect(fields).toEqual(expect.arrayContaining([["Move date", "date"], ["Number of rooms", "number"], ["Moving from", "text"]]));
    expect(fields.map(([label]) => label)).not.toContain("To");
    expect(labels(render("Mudanzas en Valencia, formulario de presupuesto con fecha de mudanza y número de habitaciones"))).toEqual(expect.arrayContaining([["Fecha de mudanza", "date"], ["Número de habitaciones", "number"]]));
  });

  it("reads the fields as fields, not as sections of the page", () => {
    expect(analyzePrompt("Wedding venue in Kent, enquiry form with wedding date and number of guests").blocks.map((b) => b.heading)).not.toEqual(expect.arrayContaining(["Wedding date", "Number of guests"]));
  });
});

describe("a menu with its prices", () => {
  it("is one menu, with no price plans beside it", () => {
    expect(analyzePrompt("Restaurante en Bogotá con menú con precios y reservas").blocks.map((b) => b.layout)).not.toContain("pricing");
    expect(analyzePrompt("Brasserie à Lyon, carte avec prix, réservation").blocks.map((b) => [b.heading, b.layout])).toContainEqual(["Carte", "menu"]);
  });
});

describe("the people the prompt names", () => {
  it("are the whole team: no stock colleague beside them, and a couple shares its surname", () => {
    const team = section(render("Bakery in Toronto called Crumb & Co, run by Sofia and Marco Bellini, with our team"), "team");
    expect(team).toMatch(/Sofia Bellini/);
    expect(team).toMatch(/Marco Bellini/);
    expect(team).not.toMatch(/Sam Rivera|Jordan Lee/);
  });

  it("have the role the prompt gives them: chef Marta Silva, our dentists", () => {
    const team = section(render("A supper club called Nocturne in Hackney, hosted by Ana Reyes with chef Marta Silva"), "team");
    expect(team).toMatch(/Marta Silva Chef/);
  });

  it("get a team section when the prompt names them but lists no sections of its own", () => {
    expect(section(render("Dental clinic in Leeds, our dentists Dr. Amira Khan and Dr. Tom Reed, appointments"), "team")).toMatch(/Amira Khan Dentist .*Tom Reed Dentist/);
    expect(analyzePrompt("Bakery in Toronto called Crumb & Co, run by Sofia and Marco Bellini, opening hours and a custom cake order form").blocks.map((b) => b.layout)).not.toContain("team");
  });
});

describe("what is no stated fact (a second outside check)", () => {
  it.each([
    "Apartamento turístico frente al mar 2 a 4 personas",
    "Gîte vue mer 2 à 4 personnes",
    "Pizzeria in Bristol with Tuesday 2-4-1 pizzas",
    "We do 1 to 1 maths tuition",
    "Swimming lessons for children aged 4 to 10 on Saturdays",
    "Print shop in Leeds, flyers ready in 24 hours",
  ])("reads no opening hours in %s", (prompt) => expect(readHours(prompt).rows).toEqual([]));

  it.each(["Craft beer pub with 12 real ales on tap", "Skyline R34 and Supra specialist garage", "Coffee roaster selling 1 pound and 5 pound bags"])("reads no price in %s", (prompt) => expect(readPrices(prompt).prices).toEqual([]));

  it("makes no surname up for a partner who has one ('Kate Hill and Tom Reed')", () => {
    expect(analyzePrompt("Pub in Leeds run by Kate Hill and Tom Reed").people).not.toContain("Hill Reed");
  });

  it("keeps a form's fields out of the page's sections, and a section after them in", () => {
    expect(analyzePrompt("moving company in austin tx, quote form with move date, number of rooms and moving from").blocks.map((b) => b.heading)).not.toEqual(expect.arrayContaining(["Number of rooms", "Move date"]));
    const groomer = analyzePrompt("Dog groomer in Leeds with a booking form with dog's name, breed and preferred date, reviews and a gallery");
    expect(groomer.blocks.map((b) => b.layout)).toEqual(expect.arrayContaining(["gallery", "testimonials"]));
    expect(groomer.blocks.find((b) => b.form === "booking")?.fields).toEqual(["Dog's name", "Breed", "Preferred date"]);
  });
});
