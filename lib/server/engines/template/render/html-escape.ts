/**
 * Escaping helpers. Everything that comes from a prompt is untrusted text: it must never be able to
 * open a tag or break out of an attribute, so one strict escaper is used for text and attributes alike.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use in HTML text nodes and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const ENTITIES: Record<string, string> = {
  lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", apos: "'", nbsp: " ", amp: "&",
};

/** Reverses escapeHtml (and the few named entities we emit) to read text back out of a base site. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|#x27|apos|nbsp|amp);/g, (entity, name: string) => ENTITIES[name] ?? entity);
}

/** Removes tags from an HTML fragment, leaving readable text (used to analyse foreign base sites). */
export function stripTags(html: string): string {
  return unescapeHtml(html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/** An ASCII slug for e-mail addresses and ids; falls back so it is never empty. */
export function slugify(text: string, fallback = "studio"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "");
  return slug.slice(0, 24) || fallback;
}
