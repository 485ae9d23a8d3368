/** The site's three files as the Code view names them (one site is one document: html, css, js). */
export const CODE_FILES = [
  { id: "html", label: "index.html" },
  { id: "css", label: "styles.css" },
  { id: "js", label: "script.js" },
] as const;
export type CodeFileTab = (typeof CODE_FILES)[number];
