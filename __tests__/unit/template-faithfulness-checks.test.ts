/**
 * The faithfulness checker can fail: each rule is fed a page that meets the ask and one that does
 * not (wrong order, heading without a nav link, a contact form where a booking was asked, a hue
 * 60° off, a light page for "dark"), so a passing suite means the pages really did what was asked.
 */
import { checkAsks } from "../../scripts/faithfulness/check-asks";
import type { PageFacts } from "../../scripts/faithfulness/page-facts";

const page: PageFacts = {
  h1: "Onda",
  brand: "O Onda Lessons Prices Booking",
  headings: ["Lessons", "Prices", "Booking"],
  navLinks: ["Lessons", "Prices", "Booking"],
  forms: ["Booking Your name Email What would you like to book? Request booking"],
  text: "Onda surf school in Lisbon: waves, boards and lessons",
  h1Font: "system-ui, sans-serif",
  background: [250, 252, 255],
  hue: 205,
  lang: "en",
  hero: "Onda Catch your first wave",
  formDetails: [{ options: ["Beginner lessons", "Not sure yet"], requiredCheckbox: false }],
  listedItems: ["Beginner lessons"],
};

const verdicts = (facts: PageFacts, asks: Parameters<typeof checkAsks>[0]) => checkAsks(asks, facts).map((r) => [r.category, r.ask, r.met]);

describe("faithfulness checks", () => {
  it("accepts a page that does what was asked", () => {
    const results = checkAsks(
      { name: "Onda", sections: ["Lessons", "Prices", "Booking"], forms: ["booking"], color: { word: "ocean blue", hue: 200 }, theme: "light", domain: ["surf", "wave"], texts: ["Lisbon"] },
      page,
    );
    expect(results.filter((r) => !r.met)).toEqual([]);
    expect(results).toHaveLength(9);
  });

  it("rejects sections out of order or missing from the navigation", () => {
    expect(verdicts({ ...page, headings: ["Prices", "Lessons", "Booking"] }, { sections: ["Lessons", "Prices"] })).toEqual([
      ["sections", "Lessons", true],
      ["sections", "Prices", false],
    ]);
    expect(verdicts({ ...page, navLinks: ["Lessons"] }, { sections: ["Prices"] })).toEqual([["sections", "Prices", false]]);
    expect(verdicts(page, { sections: ["Levels"] })).toEqual([["sections", "Levels", false]]);
  });

  it("rejects a form of the wrong kind, a hue 60° off, a light page for dark, a wrong name or font", () => {
    const contactOnly = { ...page, forms: ["Contact Your name Email Message Send message"] };
    expect(verdicts(contactOnly, { forms: ["booking"] })).toEqual([["forms", "booking form", false]]);
    expect(verdicts({ ...page, hue: 265 }, { color: { word: "ocean blue", hue: 205 } })).toEqual([["colour", "ocean blue", false]]);
    expect(verdicts({ ...page, hue: null }, { color: { word: "ocean blue", hue: 205 } })).toEqual([["colour", "ocean blue", false]]);
    expect(verdicts(page, { theme: "dark" })).toEqual([["theme", "dark", false]]);
    expect(verdicts({ ...page, h1: "Northwind", brand: "Northwind" }, { name: "Onda" })).toEqual([["name", "Onda", false]]);
    expect(verdicts(page, { font: "serif" })).toEqual([["font", "serif", false]]);
    expect(verdicts({ ...page, h1Font: 'ui-serif, Georgia, serif' }, { font: "serif" })).toEqual([["font", "serif", true]]);
  });

  it("wraps hues around the circle and needs every domain word", () => {
    expect(verdicts({ ...page, hue: 355 }, { color: { word: "red", hue: 5 } })).toEqual([["colour", "red", true]]);
    expect(verdicts(page, { domain: ["surf", "kayak"] })).toEqual([["domain", "surf, kayak", false]]);
    expect(verdicts(page, { absent: ["Prices"] })).toEqual([["removed", "Prices", false]]);
  });
});
