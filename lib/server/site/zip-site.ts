import { strToU8, zipSync } from "fflate";
import type { SiteFiles } from "../engines/engine";
import { renderSiteDocument } from "./render-document";

/** A site as a zip (index.html linking styles.css and script.js), answered as a download. */
export function zipSiteResponse(input: { site: SiteFiles; title: string; fileName: string; modifiedAt: string }): Response {
  const { site, title, fileName, modifiedAt } = input;
  const index = renderSiteDocument({ html: site.html, css: "", js: "" }, { title, linkAssets: true });
  const zip = zipSync(
    { "index.html": strToU8(index), "styles.css": strToU8(site.css), "script.js": strToU8(site.js) },
    { level: 6, mtime: new Date(modifiedAt) },
  );
  return new Response(new Blob([zip.slice().buffer], { type: "application/zip" }), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
