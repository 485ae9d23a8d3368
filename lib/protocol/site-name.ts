/*
 * A site's display name, read from its own markup (the hero's <h1>, else its <title>), for tab
 * titles and the project thread. The markup is generated, hence hostile: the result is plain,
 * short text that callers still render as text, never as HTML.
 */

const NAME_MAX_CHARS = 60;
const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

/** Text of an HTML fragment: tags dropped, the common entities decoded, whitespace collapsed. */
function toPlainText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => entities[name] ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The site's name from its markup, or null when it has none worth showing. */
export function readSiteName(html: string | null | undefined): string | null {
  if (!html) return null;
  const source = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1] ?? /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  if (!source) return null;
  const text = toPlainText(source);
  if (!text) return null;
  return text.length <= NAME_MAX_CHARS ? text : `${text.slice(0, NAME_MAX_CHARS - 1).trimEnd()}…`;
}
