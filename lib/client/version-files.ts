import { ApiError, bearer } from "./generation-api";

/*
 * A project version's files in the browser, for viewing it inline and comparing it. The version's document is fetched with the project token in the Authorization header (never
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
