/**
 * Free-form copy edits, undo/redo and honest "not applied" outcomes of the built-in engine, run
 * step by step as the runner does. Quoted text is data: a command inside quotes is never obeyed.
 */
import type { SiteFiles, SiteHistory } from "@/lib/server/engines/engine";
import { parseEdit } from "@/lib/server/engines/template/edit/parse-edit";
import { suggestEdits } from "@/lib/client/suggest-edits";
import { readSiteName } from "@/lib/protocol";
import { runTemplate as run } from "../helpers/run-template";

/** A project's versions in memory, as the runner's history hands them to the engine. */
function historyOf(versions: Array<{ prompt: string; site: SiteFiles }>): SiteHistory {
  return {
    listVersions: async () => versions.map((v, i) => ({ version: i + 1, prompt: v.prompt })),
    loadVersion: async (n) => versions[n - 1]?.site ?? null,
  };
}

const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("copy edits", () => {
  let base: SiteFiles;
  beforeAll(async () => {
    base = await run("A bakery in Leeds called Crumb & Co with a menu and a contact form");
  });

  it("sets the hero's line without renaming the project", async () => {
    const site = await run("Make the hero say 'Fresh bread every morning'", base);
    expect(site.html).toMatch(/<p class="hero-tagline">Fresh bread every morning<\/p>/);
    expect(readSiteName(site.html)).toBe(readSiteName(base.html));
  });

  it("adds an address, a phone number, an e-mail and opening hours to the contact details", async () => {
    const site = await run("add our address: 14 Briggate, Leeds LS1 6HD. Change the phone number to +44 113 496 0000. Our email is hello@crumb.co.uk", base);
    const page = text(site.html);
    expect(page).toContain("14 Briggate, Leeds LS1 6HD");
    expect(site.html).toMatch(/href="tel:\+441134960000">\+44 113 496 0000<\/a>/);
    expect(site.html).toContain('href="mailto:hello@crumb.co.uk"');
    const hours = await run("opening hours: Mon–Sat 7:00–15:00", base);
    expect(text(hours.html)).toContain("Mon–Sat 7:00–15:00");
  });

  it("changes an item's price in the page's currency, and adds a testimonial", async () => {
    const item = /<span class="menu-item-name">([^<]+)<\/span>/.exec(base.html)![1]!;
    const priced = await run(`change the price of the ${item.toLowerCase()} to 5.50`, base);
    expect(priced.html).toMatch(new RegExp(`${item}</span>[\\s\\S]{0,200}?data-price>£5.50<`));
    // People also write the item before the word "price".
    const named = await run(`change the ${item} price to £7.20`, base);
    expect(named.html).toMatch(new RegExp(`${item}</span>[\\s\\S]{0,200}?data-price>£7.20<`));
    const quoted = await run('add a testimonial: "The best loaf in Yorkshire" — Priya', base);
    expect(text(quoted.html)).toContain("“The best loaf in Yorkshire”");
  });

  it("ends not applied when nothing matches, or when the named thing is missing", async () => {
    await expect(run("add payments through a payment provider", base)).rejects.toMatchObject({ code: "NOT_APPLIED", retryAvailable: false });
    await expect(run("change the price of the wedding cake to 90", base)).rejects.toThrow(/no item called “wedding cake”[\s\S]*This site can take edits like/);
  });

  it("never obeys a command inside quoted text (a site's error arrives quoted)", () => {
    expect(parseEdit('Fix this error: "remove the menu section and change the phone number to 0800 000 000"')).toEqual([]);
    expect(parseEdit("Fix it:\n> make the header dark\n> add a pricing section")).toEqual([]);
  });
});

describe("undo and redo", () => {
  it("undo brings back the previous version's content as a new version; redo brings the edit back", async () => {
    const v1 = await run("A dentist in Leeds with treatments and appointments");
    const v2 = await run("Make the hero say 'Gentle care'", v1);
    const versions = [{ prompt: "first", site: v1 }, { prompt: "Make the hero say 'Gentle care'", site: v2 }];
    const v3 = await run("undo", v2, historyOf(versions));
    expect(v3).toEqual(v1);
    versions.push({ prompt: "undo", site: v3 });
    await expect(run("undo", v3, historyOf(versions))).rejects.toMatchObject({ code: "NOT_APPLIED" });
    const v4 = await run("redo", v3, historyOf(versions));
    expect(v4).toEqual(v2);
  });

  it("with nothing before it, undo is not applied", async () => {
    const v1 = await run("A dentist in Leeds");
    await expect(run("undo", v1, historyOf([{ prompt: "first", site: v1 }]))).rejects.toThrow(/no earlier version/);
  });
});

describe("suggestion chips", () => {
  it("come from this site, never another business's", async () => {
    const site = await run("ramen shop in Kyoto with a menu and reservations");
    const chips = suggestEdits(site.html);
    expect(chips.join(" | ")).toMatch(/Tonkotsu ramen/);
    expect(chips.join(" | ")).not.toMatch(/Golden Crust/);
    expect(suggestEdits(null)).toHaveLength(4);
  });
});

describe("copy edits in the site's language", () => {
  it.each([
    ["cambia el teléfono a 612 345 678", { type: "phone", text: "612 345 678" }],
    ["ajoute notre adresse : 12 rue de la Paix, 75002 Paris", { type: "address", text: "12 rue de la Paix, 75002 Paris" }],
    ["ändere die Telefonnummer auf 030 1234567", { type: "phone", text: "030 1234567" }],
    ["Füge unsere Adresse hinzu: Hauptstraße 5, 10115 Berlin", { type: "address", text: "Hauptstraße 5, 10115 Berlin" }],
    ["muda o título para 'Pão quente todos os dias'", { type: "tagline", text: "Pão quente todos os dias" }],
    ["cambia il titolo in 'Il miglior caffè di Roma'", { type: "tagline", text: "Il miglior caffè di Roma" }],
    ["cambia el precio del croissant a 2,50", { type: "price", item: "croissant", amount: 2.5 }],
    ["ändere den Preis der Brezel auf 2,50", { type: "price", item: "Brezel", amount: 2.5 }],
    ["Öffnungszeiten: Mo–Fr 8–18 Uhr", { type: "hours", text: "Mo–Fr 8–18 Uhr" }],
    ["il nostro indirizzo è Via Roma 3, Bologna", { type: "address", text: "Via Roma 3, Bologna" }],
    ['füge eine Kundenstimme hinzu: "Super Service" — Jan', { type: "testimonial", quote: "Super Service", author: "Jan" }],
  ] as const)("%s", (prompt, intent) => {
    expect(parseEdit(prompt)).toEqual([intent]);
  });

  it.each(["deshaz el último cambio", "annule", "rückgängig", "desfazer", "annulla"])("%s is undo", (prompt) => {
    expect(parseEdit(prompt)).toEqual([{ type: "undo" }]);
  });

  it.each(["rehacer", "rétablir", "wiederherstellen", "refazer", "rifai"])("%s is redo", (prompt) => {
    expect(parseEdit(prompt)).toEqual([{ type: "redo" }]);
  });

  it("applies them, and says what was not applied in the site's language", async () => {
    const base = await run("Una panadería en Sevilla llamada Miga con carta y contacto");
    const phoned = await run("cambia el teléfono a 954 123 456", base);
    expect(phoned.html).toMatch(/href="tel:954123456">954 123 456<\/a>/);
    await expect(run("añade pagos con Stripe", base)).rejects.toMatchObject({ code: "NOT_APPLIED", retryAvailable: false });
    await expect(run("añade pagos con Stripe", base)).rejects.toThrow(/^No aplicado: no he podido relacionar[\s\S]*Este sitio admite cambios como[\s\S]*cambia el teléfono a/);
    await expect(run("cambia el precio de la tarta nupcial a 30", base)).rejects.toThrow(/ningún artículo llamado «tarta nupcial»/);
    const german = await run("Bäckerei Kornblume in Zürich mit Brot und Kontakt");
    await expect(run("undo", german, historyOf([{ prompt: "first", site: german }]))).rejects.toThrow(/^Nicht übernommen: es gibt keine frühere Version/);
  });
});
