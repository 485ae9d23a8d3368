/**
 * English prompts from an outside check of trades and places no data file names. Each case was
 * read wrongly before: a count, a year or a price taken for the name, the owners for the business.
 */
import { analyzePrompt } from "@/lib/server/engines/template/prompt/analyze-prompt";

describe("what is not a name", () => {
  it.each([
    ["escape room in Glasgow with 3 rooms, booking form", "3"],
    ["funeral home in Dublin, family run since 1952, contact form", "1952"],
    ["Plumber in Cape Town, emergency call-outs 24/7, call-out fee R450", "R450"],
    ["Notary public in Brooklyn, walk-ins welcome Mon-Fri 9-5", "Mon-Fri"],
    ["yoga studio in Bali, retreats on 12-18 March 2025", "March"],
    ["Community choir in Wellington rehearsing Tuesdays 7pm", "Tuesdays"],
    ["Personal trainer in Dubai, 1-on-1 sessions AED 300, bold", "AED"],
    ["Car detailing in Austin, packages Basic $49 / Full $149", "Basic"],
  ])("%s: not %s", (prompt, wrong) => {
    const spec = analyzePrompt(prompt);
    expect(spec.nameFromPrompt).toBe(false);
    expect(spec.name).not.toContain(wrong);
  });

  it("takes the people who run it for people, not for the business", () => {
    expect(analyzePrompt("farrier in Devon, shoeing and trimming horses, run by Tom Hale").name).not.toMatch(/Tom Hale/);
    expect(analyzePrompt("funeral home in Dublin, family run by the O'Connor family").name).not.toMatch(/O'Connor/);
    // A business named after its owner, or "tours by" a company, keeps that name.
    expect(analyzePrompt("Walking tours of Rome by Via Antica").name).toBe("Via Antica");
    expect(analyzePrompt("Marta Silva, wedding and portrait photographer in Porto").name).toBe("Marta Silva");
  });

  it("reads 'my name is' as the person, and keeps 'on' inside a given name", () => {
    expect(analyzePrompt("My name is Aoife Byrne and I teach horse riding in Kilkenny").nameFromPrompt).toBe(false);
    expect(analyzePrompt("Mobile dog groomer in Auckland named Suds on Wheels.").name).toBe("Suds on Wheels");
    expect(analyzePrompt("A surf school called Onda on the Algarve").name).toBe("Onda");
  });

  it("keeps no stray 's' from a possessive ('my mum's shop')", () => {
    expect(analyzePrompt("something for my mum's shop").name).not.toMatch(/^S\b/);
    expect(analyzePrompt("website for my dad's garage").topic).not.toMatch(/^s /);
  });
});

describe("what is not a section", () => {
  const headings = (prompt: string) => analyzePrompt(prompt).blocks.map((b) => b.heading);

  it("takes a stated price out of the heading (the price list shows it) and drops the trade, the owners and the named people", () => {
    expect(headings("wedding photographer in Edinburgh called Jen Moss Photography, packages from £1,200, gallery and enquiry form")).toEqual(["Packages", "Gallery", "Enquiry"]);
    expect(headings("Bakery in Toronto called Crumb & Co, run by Sofia and Marco Bellini, opening hours and a custom cake order form")).toEqual(["Opening hours", "Custom cake order"]);
    expect(headings("Tattoo studio in Melbourne called Black Lotus, artists Kai and Mira, gallery, aftercare and booking form")).toEqual(["Artists", "Gallery", "Aftercare", "Booking"]);
  });

  it("keeps a place at the end of the trade out of the sections, and a family out of the name", () => {
    expect(headings("arborist in Sydney, tree removal, pruning, stump grinding, free quote form")).toEqual(["Tree removal", "Pruning", "Stump grinding", "Free quote"]);
    expect(analyzePrompt("funeral home in Dublin, family run since 1952 by the O'Connor family").name).toBe("Dublin Funeral Home");
  });

  it("keeps acronyms and a trade-like item of an explicit list", () => {
    expect(analyzePrompt("Car repair garage in Leeds: tyre changes, MOT and servicing").offers).toContain("MOT");
    expect(headings("Sections: Menu, Our Story, Catering, Contact")).toContain("Catering");
  });

  it("reads no section from a clock time, a mood word or a form's fields", () => {
    expect(headings("Church in Lagos with Sunday services at 9am and 11am, events and giving")).not.toContain("11am");
    expect(headings("funeral home in Dublin, family run since 1952, calm and respectful, contact form").join(" ")).not.toMatch(/Respectful|1952/);
    expect(headings("Moving company in Chicago, quote form with move date and number of rooms").join(" ")).not.toMatch(/Move date|Number of rooms/);
  });
});

describe("the currency of the place", () => {
  it.each([
    ["Barber in Toronto, cuts from $30", "CAD"],
    ["A bar in Sydney, cocktails 20 dollars", "AUD"],
    ["10k race in Austin, entry fee $80", "USD"],
    ["Personal trainer in Dubai, 1-on-1 sessions AED 300", "AED"],
    ["Yoga studio in Zurich", "CHF"],
    ["Bakery in Sao Paulo", "BRL"],
  ])("%s → %s", (prompt, code) => expect(analyzePrompt(prompt).currencyCode).toBe(code));
});

describe("the trade the prompt names before its place", () => {
  const read = (prompt: string) => {
    const spec = analyzePrompt(prompt);
    return { kind: spec.kind, business: spec.business?.id ?? null, domain: spec.domainId, topic: spec.topic, name: spec.name };
  };

  it("is not replaced by what it makes or serves (a wedding, bookkeeping software, hospitals)", () => {
    expect(read("calligrapher in Kyoto doing wedding invitations and name cards, contact form, elegant")).toMatchObject({ kind: "landing", domain: null, topic: "calligrapher" });
    expect(read("Accountant in Johannesburg for small businesses, tax returns and bookkeeping, consultation booking form")).toMatchObject({ kind: "landing", business: "office/accountant", domain: null });
    expect(read("Sign language interpreter in Cape Town offering interpreting for courts and hospitals").business).toBeNull();
  });

  it("is not a preset that one of its nouns names ('tree', 'community', 'inspections')", () => {
    expect(read("Pest control in Brisbane, termite inspections, free quote form")).toMatchObject({ business: null, topic: "pest control", name: "Brisbane Pest Control" });
    expect(read("Tree surgeon in Cardiff, free quote")).toMatchObject({ business: null, topic: "tree surgeon" });
    expect(read("Community choir in Wellington rehearsing Tuesdays 7pm")).toMatchObject({ business: null, name: "Wellington Community Choir" });
  });

  it("reads a wedding venue as a venue, not as a wedding", () => {
    expect(read("Barn wedding venue in the Cotswolds, venue tours booking form, rustic and warm")).toMatchObject({ kind: "landing", domain: null });
    expect(read("A website for our wedding in Lecce")).toMatchObject({ kind: "event", domain: "wedding" });
  });

  it("keeps a preset an adjective describes, and reads no trade past the opening words", () => {
    expect(read("Dental clinic in Leeds, appointments").business).toBe("amenity/dentist");
    expect(read("Summer music festival Sunwave, 20-22 July on the beach in Brighton: lineup, tickets").kind).toBe("event");
  });
});

describe("nothing made up, nothing another trade's", () => {
  const page = (prompt: string) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildStage } = require("@/lib/server/engines/template/render/build-site") as typeof import("@/lib/server/engines/template/render/build-site");
    return buildStage(analyzePrompt(prompt), "interactivity").html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  };

  it("invents no street address: the place, or 'on request'", () => {
    expect(page("Pest control in Brisbane, termite inspections, booking form")).not.toMatch(/High Street|Harbour Street/);
    expect(page("Pest control in Brisbane with services, FAQ and a contact form")).toMatch(/Where Brisbane/);
    expect(page("A bakery called Golden Crust with a menu")).toMatch(/Address on request/);
  });

  it("offers no 'Advice' or 'Appointments that suit you' in a form", () => {
    expect(page("Tree surgeon in Cardiff, booking form")).not.toMatch(/Advice|Appointments that suit you/);
  });

  it("writes 'a … service' for what a business does and 'the place for' a plural trade", () => {
    expect(page("Pest control in Brisbane, free quote form")).toMatch(/is a pest control service in Brisbane/);
    expect(page("Pottery classes in Asheville")).toMatch(/is the place for pottery classes in Asheville/);
    expect(page("Calligrapher in Kyoto")).toMatch(/is a calligrapher in Kyoto/);
  });

  it("gives a funeral home reviews about care, not 'easy to book, I will be back'", () => {
    expect(page("funeral home in Dublin, family run since 1952, contact form")).not.toMatch(/easy to book|I will be back|clear prices/);
    expect(page("Bestattungsinstitut in Graz mit Kontakt")).not.toMatch(/einfach zu buchen|Ich komme wieder/);
    expect(page("Bestattungsinstitut in Graz mit Kontakt")).toMatch(/schwerste Woche/);
  });

  it("reserves tables only in a kitchen", () => {
    expect(page("B&B a Matera con camere, colazione e prenotazioni")).not.toMatch(/Prenota un tavolo|b&b/);
    expect(page("Un sito per la mia pizzeria a Napoli con menù e prenotazioni")).toMatch(/Prenota un tavolo/);
  });
});
