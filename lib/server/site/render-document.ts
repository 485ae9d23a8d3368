import { replaceAssetRefs } from "@/lib/protocol";
import type { SiteFiles } from "../engines/engine";
import { FORM_GUARD_SCRIPT } from "./form-guard";

/** Keeps generated text from closing the element it is embedded in. */
export const guardStyle = (css: string) => css.replace(/<\/style/gi, "<\\/style");
export const guardScript = (js: string) => js.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text as HTML character data: the title "Crumb & Co" stays "Crumb & Co" in the browser tab. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

interface DocumentOptions {
  title?: string;
  /** Link `styles.css` and `script.js` (the zip download) instead of inlining the css and js. */
  linkAssets?: boolean;
  /** More of the head, already escaped (a published site's description, social meta and icon). */
  head?: string;
  /**
   * Where this document finds its uploaded images (`images/<name>` in the markup): a served page
   * names its same-origin image folder; left out, the references stay relative (the zip's files).
   */
  imageBase?: string;
  /** Appended to each image URL (a version document's `?ticket=`, which its images need too). */
  imageQuery?: string;
}

/** The page's language as its <main> declares it (the built-in engine writes six), else English. */
const pageLang = (html: string) => /<main\b[^>]*\slang="([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)"/.exec(html)?.[1] ?? "en";

/** One standalone HTML document of a generated site (what `/preview/:id` serves and the zip's index). */
export function renderSiteDocument(files: SiteFiles, { title = "OpenV0 preview", linkAssets = false, head = "", imageBase, imageQuery = "" }: DocumentOptions = {}): string {
  const url = (name: string) => `${imageBase}${name}${imageQuery}`;
  const site = imageBase === undefined ? files : { ...files, html: replaceAssetRefs(files.html, url), css: replaceAssetRefs(files.css, url) };
  const style = linkAssets ? '<link rel="stylesheet" href="styles.css">' : `<style>\n${guardStyle(site.css)}\n</style>`;
  const script = linkAssets ? '<script src="script.js"></script>' : `<script>\n${guardScript(site.js)}\n</script>`;
  const formGuard = linkAssets ? "" : `<script>${FORM_GUARD_SCRIPT}</script>\n`;
  return `<!DOCTYPE html>
<html lang="${pageLang(site.html)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${head}${formGuard}${style}
</head>
<body>
${site.html}
${script}
</body>
</html>
`;
}
