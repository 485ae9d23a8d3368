import type { SiteFiles } from "../engines/engine";

/** Keeps generated text from closing the element it is embedded in. */
const guardStyle = (css: string) => css.replace(/<\/style/gi, "<\\/style");
const guardScript = (js: string) => js.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");

/** One standalone HTML document of a generated site (what `/preview/:id` serves and the zip's index). */
export function renderSiteDocument(site: SiteFiles, { title = "OpenV0 preview" }: { title?: string } = {}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[<>&"]/g, "")}</title>
<style>
${guardStyle(site.css)}
</style>
</head>
<body>
${site.html}
<script>
${guardScript(site.js)}
</script>
</body>
</html>
`;
}
