import type { ElementTarget, PlannedStep, SiteFiles, SiteImage } from "../engine";
import type { CodeKind } from "./extract-code";
import type { ChatMessage } from "./stream-chat";

/*
 * One prompt per pass. Each pass returns exactly one file (body markup, stylesheet or script), so
 * the site stays three plain files. A pass sees what earlier passes wrote (`site`) and, for a
 * follow-up edit, its own file as it was before the edit (`baseSite`) — never a half-written file
 * from a failed attempt, so a retried step starts clean.
 */

const ROLE = `You are OpenV0, a senior web designer and front-end developer. You build one self-contained, responsive single-page website in three passes: body markup (HTML), then the stylesheet (CSS), then the script (JavaScript). This pass writes one file only.`;

const RULES: Record<CodeKind, string> = {
  html: `Output format: HTML
Return only the markup that goes inside <body>: no <!DOCTYPE>, <html>, <head> or <body> tags, no <style> or <script> elements, no style or on* attributes. No Markdown fences, no commentary.
- Use semantic elements (header, nav, main, section, footer), descriptive class names and an id on every section, so the stylesheet and the script can target them.
- Keep every data-ov-id attribute of the current markup exactly as it is (the editor finds elements by it).
- Write specific, realistic copy for the request; never lorem ipsum.
- No external resources (remote images, fonts, scripts): draw visuals with inline SVG or emoji.`,
  css: `Output format: CSS
Return only the stylesheet: no <style> tags, no Markdown fences, no commentary.
- Style every element and class the markup uses; mobile-first, with a breakpoint for wide screens.
- Put the palette in CSS custom properties; use system font stacks; no @import and no remote url().`,
  js: `Output format: JavaScript
Return only the script: no <script> tags, no Markdown fences, no commentary.
- Plain browser JavaScript without modules, imports or libraries; it runs at the end of <body>.
- Enhance the existing markup (menu toggle, smooth scrolling, tabs, form feedback); check every element you look up for null.
- No network requests, no alert/confirm/prompt, no cookies or storage (the page runs sandboxed).`,
};

const NAMES: Record<CodeKind, string> = { html: "body markup", css: "stylesheet", js: "script" };

const block = (tag: string, content: string) => `<${tag}>\n${content}\n</${tag}>`;

export interface StepPromptInput {
  prompt: string;
  step: PlannedStep;
  kind: CodeKind;
  site: SiteFiles;
  baseSite?: SiteFiles;
  target?: ElementTarget;
  images?: SiteImage[];
}

/** The project's uploads, for the markup pass: the only pictures a page can show besides inline SVG and data URLs. */
function describeImages(images: SiteImage[] | undefined): string | null {
  if (!images?.length) return null;
  const lines = images.slice(0, 50).map((i) => `- images/${i.name} (${i.role}, ${i.width}×${i.height})${i.alt ? `: ${i.alt.replace(/\s+/g, " ")}` : ""}`);
  return `The site owner's uploaded images. Where a picture fits, use them, written exactly as src="images/<name>" (the page can load no other URL); put a logo in the header's brand as <img data-ov-logo src="images/<name>" alt="…">:\n${block("images", lines.join("\n"))}`;
}

/** The chat for one pass; a follow-up edit includes the current file and asks for all of it back. */
export function buildStepMessages({ prompt, step, kind, site, baseSite, target, images }: StepPromptInput): ChatMessage[] {
  const parts: string[] = [];
  const uploads = kind === "html" ? describeImages(images) : null;
  if (target && kind === "html") {
    // Only the element travels: the rest of the page is kept as it is, so it is not rewritten.
    parts.push(`The element to edit, at ${target.path}:\n${block("element", target.html)}`);
    if (uploads) parts.push(uploads);
    parts.push(`Edit request: ${prompt}`);
    parts.push(`Return only this element's edited markup: one element, with its data-ov-id attribute and those inside it kept, nothing before or after it.`);
    return [
      { role: "system", content: `${ROLE}\n${RULES[kind]}` },
      { role: "user", content: parts.join("\n\n") },
    ];
  }
  if (kind !== "html") parts.push(`The page's body markup:\n${block("markup", site.html)}`);
  if (uploads) parts.push(uploads);
  if (baseSite) {
    parts.push(`The current ${NAMES[kind]}, before this edit:\n${block("current", baseSite[kind])}`);
    parts.push(`Edit request: ${prompt}`);
    parts.push(`This pass: ${step.title}`);
    parts.push(`Return the complete edited ${NAMES[kind]}: everything, including the parts that do not change.`);
  } else {
    parts.push(`Website request: ${prompt}`);
    parts.push(`This pass: ${step.title}`);
    parts.push(`Write the complete ${NAMES[kind]} now.`);
  }
  return [
    { role: "system", content: `${ROLE}\n${RULES[kind]}` },
    { role: "user", content: parts.join("\n\n") },
  ];
}

/** Typical size of each file, to turn streamed characters into a rough fraction of the step. */
export function expectedLength(kind: CodeKind, baseSite?: SiteFiles): number {
  const typical = { html: 9000, css: 5000, js: 1500 }[kind];
  return Math.max(typical, baseSite?.[kind].length ?? 0);
}
