import { readSiteName } from "@/lib/protocol";

test("the hero's h1 names the site, entities decoded and tags dropped", () => {
  expect(readSiteName('<header></header><h1 id="hero-title">Crumb &amp; Co <em>bakery</em></h1>')).toBe("Crumb & Co bakery");
});

test("falls back to <title>, and to null when there is nothing to show", () => {
  expect(readSiteName("<title>Ledgerly</title><p>x</p>")).toBe("Ledgerly");
  expect(readSiteName("<p>no heading</p>")).toBeNull();
  expect(readSiteName("<h1>  </h1>")).toBeNull();
  expect(readSiteName(null)).toBeNull();
});

test("hostile markup comes out as short plain text", () => {
  const name = readSiteName(`<h1><script>alert(1)</script>${"A".repeat(200)}\u0007</h1>`)!;
  expect(name).not.toMatch(/[<>\u0007]/);
  expect(name.length).toBeLessThanOrEqual(60);
  expect(name.endsWith("…")).toBe(true);
});
