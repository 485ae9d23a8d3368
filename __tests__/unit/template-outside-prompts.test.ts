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
