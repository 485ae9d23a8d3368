import { readSiteName } from "@/lib/protocol";
import type { PublishedSite } from "../storage/store";
import { escapeHtml, renderSiteDocument } from "./render-document";
import { findLogoName } from "./site-images";

const DESCRIPTION_MAX_CHARS = 160;
const FALLBACK_ACCENT = "#4f46e5";

/** Text of a markup fragment (tags dropped, whitespace collapsed); still to be escaped by the caller. */
const plainText = (fragment: string) => fragment.replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/gi, " ").replace(/\s+/g, " ").trim();

/** The page's own summary: its first paragraph that reads as a sentence (not an eyebrow or a label), cut to a search-result length. */
export function readSiteDescription(html: string): string | null {
  const paragraphs = [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].slice(0, 12).map((m) => plainText(m[1] ?? ""));
  const words = (text: string) => text.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const text = paragraphs.find((p) => words(p) >= 8) ?? paragraphs.find((p) => words(p) >= 3);
  if (!text) return null;
  return text.length <= DESCRIPTION_MAX_CHARS ? text : `${text.slice(0, DESCRIPTION_MAX_CHARS - 1).trimEnd()}…`;
}

/** The site's accent colour as its stylesheet declares it, for the icon. */
function readAccent(css: string): string {
  const declared = /--(?:accent|primary|brand)[\w-]*\s*:\s*(#[0-9a-f]{6}|#[0-9a-f]{3})\b/i.exec(css)?.[1];
  return declared ?? FALLBACK_ACCENT;
}

/** A favicon drawn from the name's first letter on the accent colour: a `data:` URL, which the CSP allows. */
function renderIcon(name: string, accent: string): string {
  const letter = escapeHtml((/[\p{L}\p{N}]/u.exec(name)?.[0] ?? "S").toUpperCase());
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${accent}"/><text x="32" y="44" font-family="system-ui,sans-serif" font-size="36" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * The published version as a real page: its name as the title, its first paragraph as the
 * description, Open Graph and Twitter cards for link previews, a canonical address and an icon.
 * Every value read from the (hostile) generated markup is plain text, escaped into attributes.
 */
export function renderPublishedDocument(published: PublishedSite, absoluteUrl: string, imageBase = "images/"): string {
  const { site, prompt, projectName } = published;
  const title = projectName ?? readSiteName(site.html) ?? "Untitled site";
  const description = readSiteDescription(site.html) ?? plainText(prompt).slice(0, DESCRIPTION_MAX_CHARS);
  const attr = escapeHtml;
  // The uploaded logo is the icon when the header shows one; else the name's letter.
  const logo = findLogoName(site.html);
  const icon = logo ? `${imageBase}${logo}` : renderIcon(title, readAccent(site.css));
  const head = [
    `<meta name="description" content="${attr(description)}">`,
    `<link rel="canonical" href="${attr(absoluteUrl)}">`,
    `<link rel="icon" href="${attr(icon)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${attr(title)}">`,
    `<meta property="og:description" content="${attr(description)}">`,
    `<meta property="og:url" content="${attr(absoluteUrl)}">`,
    `<meta name="twitter:card" content="summary">`,
    `<meta name="twitter:title" content="${attr(title)}">`,
    `<meta name="twitter:description" content="${attr(description)}">`,
    `<meta name="generator" content="OpenV0">`,
  ].join("\n");
  return renderSiteDocument(site, { title, head: `${head}\n`, imageBase });
}
