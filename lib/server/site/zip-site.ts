import { strToU8, zipSync } from "fflate";
import type { SiteFiles } from "../engines/engine";
import { escapeHtml, renderSiteDocument } from "./render-document";
import { findLogoName } from "./site-images";

/**
 * A site as a zip (index.html linking styles.css and script.js), answered as a download. Its
 * uploaded images go under `images/`, which is exactly what the markup's references name, so the
 * unpacked folder shows them as is; the logo is its icon too.
 */
export function zipSiteResponse(input: { site: SiteFiles; title: string; fileName: string; modifiedAt: string; images?: Array<{ name: string; data: Uint8Array }> }): Response {
  const { site, title, fileName, modifiedAt, images = [] } = input;
  const logo = findLogoName(site.html);
  const head = logo && images.some((i) => i.name === logo) ? `<link rel="icon" href="images/${escapeHtml(logo)}">\n` : "";
  const index = renderSiteDocument({ html: site.html, css: "", js: "" }, { title, linkAssets: true, head });
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = { "index.html": strToU8(index), "styles.css": strToU8(site.css), "script.js": strToU8(site.js) };
  // Already compressed: stored, not deflated again.
  for (const image of images) files[`images/${image.name}`] = [image.data, { level: 0 }];
  const zip = zipSync(files, { level: 6, mtime: new Date(modifiedAt) });
  return new Response(new Blob([zip.slice().buffer], { type: "application/zip" }), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
