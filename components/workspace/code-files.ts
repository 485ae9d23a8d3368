/** The site's three files as the Code view names them (one site is one document: html, css, js). */
export const CODE_FILES = [
  { id: "html", label: "index.html", testId: "code-file-html" },
  { id: "css", label: "styles.css", testId: "code-file-css" },
  { id: "js", label: "script.js", testId: "code-file-js" },
] as const;
export type CodeFileTab = (typeof CODE_FILES)[number];
