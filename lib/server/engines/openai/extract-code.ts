/*
 * Models are told to answer with bare code, but many still wrap it in Markdown fences, add a line
 * of prose, or send a whole HTML document. These helpers pull out the one file a step asked for.
 */

export type CodeKind = "html" | "css" | "js";

const FENCE = "```";

/**
 * The answer without a leading `<think>…</think>` block, which some reasoning models served over
 * the compatible API (e.g. deepseek-r1 on Ollama) put in the content; "" while it is unfinished.
 */
export function stripThinking(raw: string): string {
  if (!raw.trimStart().startsWith("<think>")) return raw;
  const end = raw.indexOf("</think>");
  return end === -1 ? "" : raw.slice(end + "</think>".length);
}

/** The code so far of a streaming answer; grows only by appending while the answer streams. */
export function extractStreamingCode(answer: string, kind: CodeKind): string {
  const raw = stripThinking(answer);
  const fence = raw.indexOf(FENCE);
  if (fence !== -1) {
    const lineEnd = raw.indexOf("\n", fence);
    if (lineEnd === -1) return "";
    const body = raw.slice(lineEnd + 1);
    const close = body.indexOf(`\n${FENCE}`);
    return close === -1 ? holdBackFenceStart(body) : body.slice(0, close);
  }
  // A fence may be arriving a backtick at a time: show nothing of it yet.
  const text = holdBackFenceStart(raw);
  if (kind !== "html") return text.trimStart();
  // Prose before the first tag ("Sure! Here is…") is not part of the page.
  const firstTag = text.indexOf("<");
  return firstTag === -1 ? "" : text.slice(firstTag);
}

/** Drops trailing backticks that may be the start of a fence. */
function holdBackFenceStart(text: string): string {
  const match = /`{1,3}$/.exec(text);
  return match ? text.slice(0, match.index) : text;
}

/** The complete file from a finished answer, unwrapped from fences, documents and tags. */
export function extractFinalCode(answer: string, kind: CodeKind): string {
  const raw = stripThinking(answer);
  let code = raw;
  const fenced = /```[^\n]*\n([\s\S]*?)(?:\n```|$)/.exec(raw);
  if (fenced) code = fenced[1]!;
  code = code.trim();
  if (kind === "html") return unwrapDocument(code);
  if (kind === "css") return code.replace(/^<style[^>]*>/i, "").replace(/<\/style>\s*$/i, "").trim();
  return code.replace(/^<script[^>]*>/i, "").replace(/<\/script>\s*$/i, "").trim();
}

/** Body markup from a whole document; markup that is already a body fragment is returned as is. */
function unwrapDocument(code: string): string {
  const firstTag = code.indexOf("<");
  let html = firstTag === -1 ? code : code.slice(firstTag);
  const body = /<body[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html);
  if (body) return body[1]!.trim();
  html = html
    .replace(/^<!doctype[^>]*>/i, "")
    .replace(/<\/?html[^>]*>/gi, "")
    .replace(/<head[^>]*>[\s\S]*?<\/head>/i, "");
  return html.trim();
}
