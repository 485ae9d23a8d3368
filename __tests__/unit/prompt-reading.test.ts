/**
 * Prompt reading on its own: listed sections (order and the user's headings), implied forms,
 * colours with shades and "X on Y", theme, names wherever they stand, domains (including software
 * about a domain), places, dates and people. No rendering involved.
 */
import { analyzePrompt, summarizeSpec } from "../../lib/server/engines/template/prompt/analyze-prompt";
import { extractNames } from "../../lib/server/engines/template/prompt/extract-name";
import { detectFormKind, detectFormsInText } from "../../lib/server/engines/template/content/form-kinds";
import { findColorMentions } from "../../lib/server/engines/template/prompt/named-colors";
import { readDomain } from "../../lib/server/engines/template/prompt/read-domain";
import { readSectionList } from "../../lib/server/engines/template/prompt/read-section-list";
import { toHsl } from "../../lib/server/engines/template/palette/color-math";
import { buildStage } from "../../lib/server/engines/template/render/build-site";

const headings = (prompt: string) => readSectionList(prompt).items.map((i) => i.heading);
const hueOf = (hex: string) => Math.round(toHsl(hex).h);

describe("listed sections", () => {
  it.each([
    ["A surf school called Onda, ocean blue, with lessons, prices and booking", ["Lessons", "Prices", "Booking"]],
    ["A clinic. Sections: treatments, our team, opening hours and appointments.", ["Treatments", "Our team", "Opening hours", "Appointments"]],
    ["My flower shop Petal & Stem: bouquets, weddings, same-day delivery, and an order form.", ["Bouquets", "Weddings", "Same-day delivery", "Order"]],
    ["Hotel Azul — rooms, breakfast, experiences and reservations", ["Rooms", "Breakfast", "Experiences", "Reservations"]],
    ["Grooming packages, price list, before and after gallery and appointments.", ["Grooming packages", "Price list", "Before and after gallery", "Appointments"]],
    ["Bike shop in Utrecht. Repairs, servicing prices, bikes for sale and book a repair.", ["Repairs", "Servicing prices", "Bikes for sale", "Book a repair"]],
  ])("%s", (prompt, expected) => {
    expect(headings(prompt)).toEqual(expected);
  });

  it("leaves colours, moods and the site's own name out of the list", () => {
    expect(headings("Tattoo studio. Dark theme with neon pink. Show artists, portfolio and aftercare.")).toEqual(["Artists", "Portfolio", "Aftercare"]);
    expect(headings("A bakery with menu, gallery and contact. Mint green, clean and minimal.")).toEqual(["Menu", "Gallery", "Contact"]);
    expect(headings("Wine bar with a menu, wine list and events")).toContain("Wine list");
  });

  it("splits every “and”, keeps known pairs, and drops places and colours", () => {
    expect(headings("A bakery called Crumb & Co with a menu and a contact form, in green")).toEqual(["Menu", "Contact"]);
    expect(headings("A hotel with rooms, bed and breakfast and spa")).toEqual(["Rooms", "Bed and breakfast", "Spa"]);
  });

  it("never repeats an element id, even with several forms and contact-like sections", () => {
    for (const prompt of [
      "A bakery called Crumb & Co with a menu and a contact form, in green",
      "Hotel Azul: rooms, location, visit us, contact, reservations and a newsletter",
      "A gym with classes, booking, registration, sign-up and an enquiry form",
    ]) {
      const html = buildStage(analyzePrompt(prompt), "interactivity").html;
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      const contactBlocks = analyzePrompt(prompt).blocks.filter((b) => b.layout === "contact");
      expect(contactBlocks.length).toBeLessThanOrEqual(prompt.includes("visit us") ? 3 : 1);
    }
  });

  it("is exhaustive only when the prompt clearly enumerates the page", () => {
    expect(readSectionList("A bakery with a gallery").exhaustive).toBe(false);
    expect(readSectionList("A bakery with a gallery, menu and reviews").exhaustive).toBe(true);
    expect(readSectionList("Make the example: a photographer portfolio, dark").items).toEqual([]);
  });

  it("builds the page in the asked order, with the asked headings and nothing dropped", () => {
    const spec = analyzePrompt("Italian trattoria Nonna Rosa in Naples with menu, wine list, our chefs and table reservations.");
    expect(spec.blocks.map((b) => b.heading)).toEqual(["Menu", "Wine list", "Our chefs", "Table reservations"]);
    expect(spec.blocks.map((b) => b.layout)).toEqual(["menu", "menu", "team", "form"]);
    expect(new Set(spec.blocks.map((b) => b.id)).size).toBe(4);
  });
});

describe("forms", () => {
  it.each([
    ["booking", "booking"],
    ["a booking form", "booking"],
    ["let people book a consultation", "booking"],
    ["table reservations", "reservation"],
    ["book a table", "reservation"],
    ["online appointments", "appointment"],
    ["registration", "registration"],
    ["volunteer sign-up", "signup"],
    ["start a free trial", "signup"],
    ["newsletter signup", "subscription"],
    ["an enquiry form", "enquiry"],
    ["request a quote form", "quote"],
    ["a free valuation", "quote"],
    ["an order form", "order"],
    ["donate", "donation"],
  ])("“%s” is a %s form", (phrase, kind) => {
    expect(detectFormKind(phrase)).toBe(kind);
  });

  it("does not read a book club or a bookshop as a booking", () => {
    expect(detectFormKind("book club")).toBeNull();
    expect(detectFormKind("second-hand bookshop")).toBeNull();
    expect(detectFormsInText("A bakery with no reservations, just walk in")).toEqual([]);
  });

  it("adds a form the prompt implies outside any list", () => {
    const spec = analyzePrompt("A yoga studio in Bath where people can book classes online");
    expect(spec.forms).toContain("booking");
    expect(spec.blocks.some((b) => b.layout === "form" && b.form === "booking")).toBe(true);
  });
});

describe("colours and theme", () => {
  it("reads compound and shaded colours", () => {
    const [ocean] = findColorMentions("ocean blue");
    expect(ocean?.word).toBe("ocean blue");
    expect(hueOf(ocean?.hex ?? "#000")).toBeGreaterThan(190);
    const [pastel] = findColorMentions("pastel pink, playful");
    expect(pastel?.word).toBe("pastel pink");
    expect(toHsl(pastel?.hex ?? "#000").l).toBeGreaterThan(0.7);
    const [neon] = findColorMentions("neon green");
    expect(toHsl(neon?.hex ?? "#000").s).toBeGreaterThan(0.95);
    const [muted] = findColorMentions("muted teal");
    expect(toHsl(muted?.hex ?? "#000").s).toBeLessThan(0.5);
  });

  it("keeps words that only sometimes mean a colour in their place", () => {
    expect(findColorMentions("a coffee shop with lemon cake")).toEqual([]);
    expect(findColorMentions("features and pricing. Lime.").map((c) => c.word)).toEqual(["lime"]);
  });

  it("reads “X on Y” as accent on background", () => {
    const light = analyzePrompt("A bookshop, navy on cream");
    expect(light.palette.mode).toBe("light");
    expect(hueOf(light.palette.accent)).toBeGreaterThan(200);
    const dark = analyzePrompt("A jazz bar, gold on navy");
    expect(dark.palette.mode).toBe("dark");
    expect(hueOf(dark.palette.accent)).toBeLessThan(60);
  });

  it("reads dark as a mood, but not inside a colour name", () => {
    expect(analyzePrompt("A photographer portfolio, dark and minimal").palette.mode).toBe("dark");
    expect(analyzePrompt("A dance studio. Vivid magenta on dark.").palette.mode).toBe("dark");
    expect(analyzePrompt("A florist in dark green").palette.mode).toBe("light");
    expect(analyzePrompt("A bakery, playful").tone).toBe("playful");
    expect(analyzePrompt("A law firm, elegant").headingFont).toBe("serif");
  });
});

describe("names", () => {
  const generic = ["bakery", "studio", "software", "coworking", "space", "band", "tours", "school"];
  it.each([
    ["Acme, project software for builders", "Acme"],
    ["Acme bakery in Leeds", "Acme"],
    ["Hive — a coworking space in Austin", "Hive"],
    ["Inkwell is a tattoo studio in Berlin", "Inkwell"],
    ["Dance studio Tempo in Montreal", "Tempo"],
    ["Website for the band The Midnight Owls: tour dates", "The Midnight Owls"],
    ["Walking tours of Rome by Via Antica", "Via Antica"],
    ["A surf school called Onda", "Onda"],
  ])("%s → %s", (prompt, name) => {
    expect(extractNames(prompt, generic).name).toBe(name);
  });

  it("finds the place, dates and people", () => {
    expect(extractNames("A landing page for a Lisbon surf school called Onda", generic).location).toBe("Lisbon");
    const spec = analyzePrompt("Supper club run by chef Tomás Rivera called Mesa Larga, 12–15 June in Galway");
    expect(spec.location).toBe("Galway");
    expect(spec.date).toBe("12–15 June");
    expect(spec.people).toEqual(["Tomás Rivera"]);
  });
});

describe("domains", () => {
  it("tells a domain from a product about it", () => {
    const school = analyzePrompt("A landing page for a Lisbon surf school called Onda");
    expect(school.domainId).toBe("surf-school");
    expect(school.kind).toBe("fitness");
    const saas = analyzePrompt("A small SaaS called Tidepool that schedules surf lessons");
    expect(saas.kind).toBe("saas");
    expect(saas.domainId).toBe("surf-school");
    expect(saas.topic).toBe("software for surf schools");
    expect(saas.purpose).toBe("schedules surf lessons");
  });

  it("lets the head noun win: a wedding photographer is photography", () => {
    const spec = analyzePrompt("A portfolio for a wedding photographer, dark and minimal");
    expect(spec.kind).toBe("photography");
    expect(spec.domainId).toBeNull();
  });

  it("names unknown trades in the prompt's own words", () => {
    expect(readDomain("Website for a small veterinary practice in York", { kind: "landing", score: 0 }).topic).toBe("veterinary practice");
    expect(analyzePrompt("An escape room venue called Lockdown").topic).toBe("escape room venue");
    expect(analyzePrompt("Acme, project software for builders").audience).toBe("builders");
  });

  it("summarises what was understood", () => {
    const summary = summarizeSpec(analyzePrompt("A landing page for a Lisbon surf school called Onda, ocean blue, with lessons, prices and booking"));
    expect(summary).toBe("Surf school “Onda” in Lisbon · Sections: lessons, prices, booking · ocean blue, calm tone · booking form · prices in EUR");
  });
});
