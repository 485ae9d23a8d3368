import { FORM_GUARD_SCRIPT } from "@/lib/server/site/form-guard";
import { RESERVED_SLUGS, slugFromName, slugSchema } from "@/lib/protocol";
import { readSiteDescription, renderPublishedDocument } from "@/lib/server/site/published-document";

test("a slug made from any name passes the slug rules", () => {
  const names = ["Crumb & Co.", "Café Ünïcode", "API", "a", "", "  --  ", "x".repeat(200), "Ana Ruiz — Photography", "日本語のサイト", "s"];
  for (const name of names) expect(slugSchema.safeParse(slugFromName(name)).success).toBe(true);
  expect(slugFromName("Crumb & Co.")).toBe("crumb-co");
  expect(slugFromName("Café Ünïcode")).toBe("cafe-unicode");
  expect(slugFromName("API")).toBe("api-site");
});

test("the rules refuse short, long, odd and reserved slugs", () => {
  for (const bad of ["ab", "x".repeat(41), "Crumb", "crumb co", "crumb--co", "-crumb", "crumb-", "crumb_co", "crümb", ...RESERVED_SLUGS]) {
    expect(slugSchema.safeParse(bad).success).toBe(false);
  }
  for (const good of ["abc", "crumb-co", "v2-site", "x".repeat(40)]) expect(slugSchema.safeParse(good).success).toBe(true);
});

test("the published head reads the page as text and escapes it into attributes", () => {
  const html = `<p class="eyebrow">Bakery · Porto</p><h1>Crumb "&amp;" <b>Co</b></h1><p>Fresh bread every morning, baked by hand in our small shop by the river.</p>`;
  expect(readSiteDescription(html)).toBe("Fresh bread every morning, baked by hand in our small shop by the river.");
  const doc = renderPublishedDocument(
    { publication: { projectId: "p", slug: "crumb", version: 1, publishedAt: "", updatedAt: "", visits: 0 }, site: { html: `${html}<p>"><script>alert(1)</script></p>`, css: "", js: "" }, prompt: "x", projectName: null },
    "https://example.test/s/crumb",
  );
  const head = doc.slice(0, doc.indexOf("</head>"));
  expect(head).toContain('<meta property="og:title" content="Crumb &quot;&amp;&quot; Co">');
  expect(head).toContain('<link rel="canonical" href="https://example.test/s/crumb">');
  // No script from the page's words: the only one in the head is the server's own form guard.
  expect(head.replace(`<script>${FORM_GUARD_SCRIPT}</script>`, "")).not.toContain("<script");
});
