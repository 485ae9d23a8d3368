import { previewFileSchema, type PreviewOp } from "./events";

/*
 * Applying and building `preview:delta` ops: pure text operations shared by the server (which
 * builds them) and every client (which applies them), so both always agree.
 */

/** The files a preview consists of (the same shape as the server's SiteFiles). */
export interface PreviewFiles {
  html: string;
  css: string;
  js: string;
}

/** The files of anything shaped like a preview (a snapshot, a `preview:updated` event's data). */
export const previewFilesOf = (preview: { html_content: string; css_content: string; js_content: string }): PreviewFiles => ({
  html: preview.html_content,
  css: preview.css_content,
  js: preview.js_content,
});

/** Applies a delta's ops in order; null when an op does not fit (the client is out of step). */
export function applyPreviewOps(files: PreviewFiles, ops: readonly PreviewOp[]): PreviewFiles | null {
  const next = { ...files };
  for (const op of ops) {
    const current = next[op.file];
    if (op.op === "append") {
      next[op.file] = current + op.text;
      continue;
    }
    if (op.start + op.delete_count > current.length) return null;
    next[op.file] = current.slice(0, op.start) + op.text + current.slice(op.start + op.delete_count);
  }
  return next;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single edit per file that turns `from` into `to`, keeping their common prefix and
 * suffix: a streamed page whose closing-tag suffix changed costs the new text plus that suffix.
 * Never splits a surrogate pair, so every op's text is well-formed UTF-16.
 */
export function diffPreviewFiles(from: PreviewFiles, to: PreviewFiles): PreviewOp[] {
  const ops: PreviewOp[] = [];
  for (const file of previewFileSchema.options) {
    const a = from[file];
    const b = to[file];
    if (a === b) continue;
    const shorter = Math.min(a.length, b.length);
    let start = 0;
    while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
    if (start > 0 && isHighSurrogate(a.charCodeAt(start - 1))) start--;
    let end = 0;
    while (end < shorter - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
    if (end > 0 && isLowSurrogate(a.charCodeAt(a.length - end))) end--;
    const deleteCount = a.length - start - end;
    const text = b.slice(start, b.length - end);
    ops.push(
      deleteCount === 0 && start === a.length
        ? { file, op: "append", text }
        : { file, op: "splice", start, delete_count: deleteCount, text },
    );
  }
  return ops;
}
