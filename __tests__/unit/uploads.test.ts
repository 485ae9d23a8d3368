import { listAssetRefs, replaceAssetRefs, siteEditSchema } from "@/lib/protocol";
import { buildStepMessages } from "@/lib/server/engines/openai/step-prompts";
import { isOversizedPicture, sniffImage } from "@/lib/server/assets/sniff-image";
import { applySiteEdit, describeSiteEdit } from "@/lib/server/site/apply-edit";
import { ImagePlaceError } from "@/lib/server/site/image-edits";
import { findLogoName } from "@/lib/server/site/site-images";
import { GIF_1X1, SVG_WITH_SCRIPT, makeExecutable, makeJpegHeader, makePng, makeWebpHeader } from "../helpers/image-bytes";

/* The upload's type check (bytes, not names), image references, and the two image edits. */

const NAME = "0123456789abcdef.png";

test("the type is read from the bytes: PNG, JPEG, WebP and GIF pass with their size, anything else is refused", () => {
  expect(sniffImage(makePng(3, 2))).toEqual({ extension: "png", width: 3, height: 2 });
  expect(sniffImage(makeJpegHeader(640, 480))).toEqual({ extension: "jpg", width: 640, height: 480 });
  expect(sniffImage(makeWebpHeader(300, 200))).toEqual({ extension: "webp", width: 300, height: 200 });
  expect(sniffImage(GIF_1X1)).toEqual({ extension: "gif", width: 1, height: 1 });
  for (const bad of [makeExecutable(), SVG_WITH_SCRIPT, Buffer.from("<html><script>x</script>"), Buffer.alloc(0), makePng(3, 2).subarray(0, 20), Buffer.from("\x7fELF\x02\x01\x01")]) {
    expect(sniffImage(bad)).toBeNull();
  }
  // A PNG signature on garbage (no IHDR first) is no PNG.
  const forged = Buffer.concat([makePng(1, 1).subarray(0, 8), Buffer.from("not a chunk at all, just text....")]);
  expect(sniffImage(forged)).toBeNull();
  expect(isOversizedPicture({ extension: "png", width: 100_000, height: 10 })).toBe(true);
  expect(isOversizedPicture({ extension: "png", width: 10_000, height: 10_000 })).toBe(true);
  expect(isOversizedPicture({ extension: "png", width: 4000, height: 3000 })).toBe(false);
});

test("references are found in markup and CSS and resolved per renderer", () => {
  const html = `<img src="images/${NAME}"><div style="background:url(images/aaaaaaaaaaaaaaaa.webp)"></div><img src="images/short.png">`;
  expect(listAssetRefs(html)).toEqual([NAME, "aaaaaaaaaaaaaaaa.webp"]);
  expect(replaceAssetRefs(html, (n) => `/s/x/images/${n}`)).toContain(`src="/s/x/images/${NAME}"`);
  expect(replaceAssetRefs(html, (n) => `/s/x/images/${n}`)).toContain(`src="images/short.png"`);
});

test("a logo goes into the header's brand (replacing a drawn mark), then is replaced in place; alt is escaped", () => {
  const site = { html: `<header data-ov-id="h"><a class="brand" href="#top" data-ov-id="b"><span class="brand-mark">C</span><span>Crumb</span></a></header><main></main>`, css: "", js: "" };
  const once = applySiteEdit(site, { kind: "logo", asset: NAME, alt: `Crumb "&" <Co>` });
  expect(once.html).toContain(`<img data-ov-logo class="ov-logo" src="images/${NAME}" alt="Crumb &quot;&amp;&quot; &lt;Co&gt;"`);
  expect(once.html).not.toContain("brand-mark");
  expect(findLogoName(once.html)).toBe(NAME);
  const other = "fedcba9876543210.webp";
  const twice = applySiteEdit(once, { kind: "logo", asset: other, alt: "Crumb" });
  expect(findLogoName(twice.html)).toBe(other);
  expect(twice.html.match(/data-ov-logo/g)).toHaveLength(1);
  expect(() => applySiteEdit({ html: "<main><p>no header</p></main>", css: "", js: "" }, { kind: "logo", asset: NAME, alt: "" })).toThrow(ImagePlaceError);
  expect(describeSiteEdit(site.html, { kind: "logo", asset: NAME, alt: "" })).toBe("Set the logo");
});

test("replacing an image points it at the upload, drops its srcset and keeps the rest of the page byte for byte", () => {
  const before = `<p>keep</p>\n<section class="hero"><figure data-ov-id="f"><img data-ov-id="i" src="data:image/svg+xml,x" srcset="a.png 2x" alt="old" width="640" height="420"></figure></section>\n<p>tail</p>`;
  const after = applySiteEdit({ html: before, css: "", js: "" }, { kind: "image", id: "i", asset: NAME, alt: "Our shop front" }).html;
  expect(after).toContain(`src="images/${NAME}"`);
  expect(after).toContain(`alt="Our shop front"`);
  expect(after).not.toContain("srcset");
  expect(after.startsWith("<p>keep</p>\n<section")).toBe(true);
  expect(after.endsWith("</section>\n<p>tail</p>")).toBe(true);
  // The figure around one image stands for it.
  expect(applySiteEdit({ html: before, css: "", js: "" }, { kind: "image", id: "f", asset: NAME, alt: "x" }).html).toContain(`src="images/${NAME}"`);
  expect(() => applySiteEdit({ html: `<p data-ov-id="p">text</p>`, css: "", js: "" }, { kind: "image", id: "p", asset: NAME, alt: "" })).toThrow(ImagePlaceError);
  expect(describeSiteEdit(before, { kind: "image", id: "i", asset: NAME, alt: "" })).toBe("Replaced the hero image");
});

test("the edit schema admits only an asset name, never a URL or markup", () => {
  for (const asset of ["https://evil.example/x.png", "../x.png", "0123456789abcdef.svg", "javascript:alert(1)", `${NAME}"><script>`]) {
    expect(siteEditSchema.safeParse({ kind: "logo", asset, alt: "" }).success).toBe(false);
  }
  expect(siteEditSchema.safeParse({ kind: "logo", asset: NAME, alt: "x".repeat(301) }).success).toBe(false);
});

test("the model engine's markup pass is told the project's images, by reference only", () => {
  const images = [{ name: NAME, alt: "Crumb & Co logo", role: "logo" as const, width: 40, height: 40 }];
  const step = { id: "html", title: "Writing the markup" };
  const site = { html: "", css: "", js: "" };
  const html = buildStepMessages({ prompt: "a bakery", step, kind: "html", site, images }).map((m) => m.content).join("\n");
  expect(html).toContain(`images/${NAME} (logo, 40×40): Crumb & Co logo`);
  expect(html).toContain("data-ov-logo");
  const css = buildStepMessages({ prompt: "a bakery", step, kind: "css", site, images }).map((m) => m.content).join("\n");
  expect(css).not.toContain(NAME);
  expect(buildStepMessages({ prompt: "a bakery", step, kind: "html", site }).map((m) => m.content).join("\n")).not.toContain("uploaded images");
});
