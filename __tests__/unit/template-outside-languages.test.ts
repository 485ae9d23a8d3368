/**
 * Prompts in other languages from an outside check, each once read wrongly: Italian and German
 * written as English, R$ as dollars, Roma or Genf unknown, forms headed in English, mood words and
 * "Dra." taken for sections and names.
 */
import { analyzePrompt } from "@/lib/server/engines/template/prompt/analyze-prompt";
import { readLanguage } from "@/lib/server/engines/template/locale/read-language";

describe("the prompt's language", () => {
  it.each([
    ["Pizzeria da Gennaro a Roma, menù, asporto, prenota un tavolo", "it"],
    ["Sartoria su misura a Napoli, abiti da uomo, appuntamento, stile elegante", "it"],
    ["Fahrradwerkstatt in Köln, Reparatur ab 29,90 €, Kontaktformular", "de"],
    ["Hufschmied in Oberbayern, mobile Hufbearbeitung, Terminanfrage", "de"],
    // A compound no preset names, whose head German preset terms share ("Tauchschule", "Yoga-Schule").
    ["Hundeschule in Hamburg", "de"],
    // The trigrams' pick gives way to the language the place speaks and the small words are in.
    ["Estudio de tatuajes en Buenos Aires, tatuajes desde $30.000, abierto martes a sábado de 14 a 21", "es"],
    ["Peluquería en Santiago de Chile, corte $12.000, tintura desde $35.000", "es"],
    ["Personal trainer no Rio de Janeiro, aula avulsa R$ 120, pacote mensal a partir de R$ 800", "pt"],
    ["Fahrradwerkstatt in Zürich, Service ab CHF 89, Di-Sa 9:00-18:30", "de"],
    ["Pizzeria Due Mondi a Napoli, forno a legna dal 1965", "it"],
    ["A pizza place in Napoli", "en"],
  ])("%s is written in %s", (prompt, lang) => expect(analyzePrompt(prompt).lang).toBe(lang));

  it("finds no Portuguese 'da' inside a Turkish word, and still tells Dutch from German", () => {
    expect(analyzePrompt("İstanbul'da berber dükkanı, fiyatlar, randevu").lang).toBe("en");
    expect(readLanguage("Website voor een fietsenwinkel in Utrecht met reparaties")).toMatchObject({ lang: "en", other: "nld" });
  });
});

describe("the place and its currency", () => {
  it.each([
    // A state after the town says its country; a code two countries share is the town's own.
    ["Pizza place in Naples FL, open 11am-10pm", "USD"],
    ["Coffee shop in Cambridge, MA", "USD"],
    ["Bike shop in Paris, Texas", "USD"],
    ["Cafe in Perth WA", "AUD"],
    ["Diner in London, Ontario", "CAD"],
    ["Bakery in Paris", "EUR"],
    // A town written in lower case after "in".
    ["plumber in manchester", "GBP"],
    ["yoga studio in lisbon, classes and booking", "EUR"],
    ["available in person or online", "USD"],
    ["Campsite open from spring to autumn, pitches and booking", "USD"],
    // A country's own code after its town is no state.
    ["Vegan bakery in Toronto, CA", "CAD"],
    ["Ferienwohnung in Kiel, DE mit Blick auf die Förde", "EUR"],
    ["Therapist in Leeds, Jane Doe MA, sessions online", "GBP"],
    // A town that is also a word, opening the prompt, is the word.
    ["Wedding venue in the Cotswolds", "USD"],
    ["Escola de surf em Florianópolis, aulas a partir de R$ 120, reservas", "BRL"],
    ["Taquería El Güero en Monterrey, tacos desde $25", "MXN"],
    ["Trattoria a Firenze, menù, prenotazioni", "EUR"],
    ["Friseur in Genf", "CHF"],
    ["Fleuriste à Bruxelles", "EUR"],
    ["京都の和菓子屋のウェブサイト", "JPY"],
    ["İstanbul'da berber dükkanı, fiyatlar, randevu", "TRY"],
  ])("%s → %s", (prompt, code) => expect(analyzePrompt(prompt).currencyCode).toBe(code));

  it("reads a Spanish prompt's Valencia as Spain's, and a country the prompt names decides", () => {
    expect(analyzePrompt("Peluquería en Valencia").locale).toBe("es-ES");
    expect(analyzePrompt("Bar de tapas en Córdoba, España").locale).toBe("es-ES");
    expect(analyzePrompt("Un sitio para una veterinaria en Córdoba, Argentina").locale).toBe("es-AR");
  });
});

describe("sections and names in the page's language", () => {
  const headings = (prompt: string) => analyzePrompt(prompt).blocks.map((b) => b.heading);

  it("heads an asked-for form in the page's language", () => {
    expect(headings("Academia de baile flamenco La Sole en Granada, clases y horarios. Formulario de inscripción.")).not.toContain("Registration");
    expect(headings("Cabinet de kinésithérapie à Lyon avec soins et prise de rendez-vous en ligne").join(" ")).not.toMatch(/Appointments/);
  });

  it("takes no mood word or 'Quiero' for a section", () => {
    expect(headings("Crêperie à Liège, carte, réservations, ambiance chaleureuse")).toEqual(["Carte", "Réservations"]);
    expect(headings("Churrascaria em Porto Alegre, rodízio, reservas, estilo rústico")).toEqual(["Rodízio", "Reservas"]);
    expect(headings("Estudio de tatuajes en Buenos Aires. Quiero galería, precios y reservas")).toEqual(["Galería", "Precios", "Reservas"]);
  });

  it("keeps the trade and its 'da' or 'chez' in a name", () => {
    expect(analyzePrompt("Pizzeria da Gennaro a Roma, menù, asporto, prenota un tavolo").name).toBe("Pizzeria da Gennaro");
    expect(analyzePrompt("Boulangerie chez Marie à Lyon").name).toBe("Boulangerie chez Marie");
    expect(analyzePrompt("Salão de beleza da Joana em São Paulo").name).toBe("Salão de beleza da Joana");
  });

  it("takes no title, single letter or list label for a name", () => {
    expect(analyzePrompt("Consultorio de fonoaudiología de la Dra. Camila Rojas en Santiago").name).not.toBe("Dra");
    expect(analyzePrompt("Autoescuela en Lima, carnet A y B, clases y precios").name).not.toBe("B");
    expect(analyzePrompt("Physiotherapiepraxis in München. Leistungen: Krankengymnastik, Massage").name).not.toMatch(/Leistungen/);
  });
});

it("shows a town written in lower case as its name is written", () => {
  expect(analyzePrompt("plumber in manchester")).toMatchObject({ location: "Manchester", name: "Manchester Plumber" });
});

it("leaves the state code out of a neutral name, and keeps the place as written", () => {
  expect(analyzePrompt("Locksmith in Tampa FL")).toMatchObject({ name: "Tampa Locksmith", currencyCode: "USD" });
});

describe("Brazil's own Portuguese", () => {
  const page = (prompt: string) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildStage } = require("@/lib/server/engines/template/render/build-site") as typeof import("@/lib/server/engines/template/render/build-site");
    return buildStage(analyzePrompt(prompt), "interactivity").html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  };

  it("writes a page in Brazil with Brazil's words, and one in Portugal with Portugal's", () => {
    const brazil = page("Salão de beleza em São Paulo, cortes, manicure e agendamento");
    expect(brazil).toMatch(/Pular para o conteúdo/);
    expect(brazil).toMatch(/O que você gostaria de agendar\?/);
    expect(brazil).not.toMatch(/Saltar para o conteúdo|marcar|Pergunte-nos/);
    const portugal = page("Salão de beleza em Lisboa, cortes, manicure e marcações");
    expect(portugal).toMatch(/Saltar para o conteúdo/);
    expect(portugal).not.toMatch(/Pular para o conteúdo/);
  });
});
