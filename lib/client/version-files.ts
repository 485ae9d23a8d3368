import { zipSync, strToU8 } from "fflate";
import { ApiError, bearer } from "./generation-api";

/*
 * A project version's files in the browser, for viewing it inline, comparing it and downloading
 * it. The version's document is fetched with the project token in the Authorization header (never
 * in a URL the site or the history could read), then taken apart with DOMParser, which runs no
 * script and loads nothing.
 */

export interface SiteFiles {
  html: string;
  css: string;
  js: string;
}

/** Splits a document rendered by the server (`<style>` in head, body markup, then one `<script>`) into its files. */
export function parseSiteDocument(documentHtml: string): SiteFiles {
  const doc = new DOMParser().parseFromString(documentHtml, "text/html");
  const css = [...doc.head.querySelectorAll("style")].map((s) => s.textContent ?? "").join("\n").trim();
  const scripts = [...doc.body.querySelectorAll(":scope > script")];
  const last = scripts.at(-1);
  const js = (last?.textContent ?? "").trim();
  last?.remove();
  return { html: doc.body.innerHTML.trim(), css, js };
}

/** GET the version's document with the project token as Bearer and return its files. */
export async function fetchVersionFiles(input: { previewUrl: string; projectToken: string }): Promise<SiteFiles> {
  let res: Response;
  try {
    res = await fetch(input.previewUrl, { headers: bearer(input.projectToken), cache: "no-store" });
  } catch {
    throw new ApiError("NETWORK", "Could not reach the server. Check your connection and try again.", 0);
  }
  if (!res.ok) throw new ApiError(res.status === 404 ? "NOT_FOUND" : "BAD_RESPONSE", `Could not load this version (${res.status}).`, res.status);
  return parseSiteDocument(await res.text());
}

/** The files as a zip Blob: index.html linking styles.css and script.js, like the server's download. */
export function zipSiteFiles(files: SiteFiles, title: string): Blob {
  const safeTitle = title.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] ?? "");
  const index = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${safeTitle}</title>\n<link rel="stylesheet" href="styles.css">\n</head>\n<body>\n${files.html}\n<script src="script.js"></script>\n</body>\n</html>\n`;
  const zip = zipSync({ "index.html": strToU8(index), "styles.css": strToU8(files.css), "script.js": strToU8(files.js) });
  return new Blob([zip], { type: "application/zip" });
}
