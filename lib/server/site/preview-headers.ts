import { listAssetRefs } from "@/lib/protocol";

/**
 * The one policy every generated site runs under (`/preview/:id`, version previews, the preview
 * frame). `sandbox allow-scripts allow-forms` gives the page an opaque origin, so its scripts can
 * never act as the app; forms may submit so the page's own handler runs and shows its
 * confirmation, and `form-action 'none'` still keeps any submission from going anywhere. Beyond that, the page may load nothing from anywhere: inline styles and scripts, and
 * images and fonts only as `data:`/`blob:` URLs. `connect-src 'none'` stops fetch, XHR, WebSocket,
 * EventSource and sendBeacon, `form-action 'none'` stops form posts, and there is no remote
 * `img-src` (an image request was the channel that carried a token out): generated sites draw
 * with CSS, inline SVG and data URLs, which is what both engines write. A site that names a remote
 * image or web font shows without it. What CSP cannot stop is a page navigating itself; it then
 * carries only what it can read, and no URL it can read holds a secret (tickets, see README).
 */
export const PREVIEW_CSP = renderPreviewCsp(null);

/**
 * The policy, optionally letting the page load its own uploaded images from one same-origin
 * folder (`https://host/s/<slug>/images/`): a path-restricted source, so even then the page can
 * request nothing else, not even another path of this server.
 */
function renderPreviewCsp(imageFolder: string | null): string {
  return [
    "sandbox allow-scripts allow-forms",
    "default-src 'none'",
    "script-src 'unsafe-inline'",
    "style-src 'unsafe-inline'",
    imageFolder ? `img-src data: blob: ${imageFolder}` : "img-src data: blob:",
    "font-src data:",
    "media-src data: blob:",
    "connect-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/** Headers of every response that carries a generated site's document. */
export const PREVIEW_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": PREVIEW_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
} as const;

/**
 * The headers of a served page: PREVIEW_HEADERS, plus its image folder (an absolute URL ending in
 * "/") in `img-src` only when its files reference uploaded images at all.
 */
export function previewHeadersFor(site: { html: string; css: string }, imageFolder: string): Record<string, string> {
  return listAssetRefs(site.html, site.css).length > 0 ? previewHeadersWithImages(imageFolder) : { ...PREVIEW_HEADERS };
}

function previewHeadersWithImages(imageFolder: string): Record<string, string> {
  // Only a plain URL may go into the header; anything else keeps the page without images.
  const safe = /^https?:\/\/[A-Za-z0-9.:[\]-]+\/[A-Za-z0-9/_.-]*\/$/.test(imageFolder) ? imageFolder : null;
  return { ...PREVIEW_HEADERS, "Content-Security-Policy": renderPreviewCsp(safe) };
}
