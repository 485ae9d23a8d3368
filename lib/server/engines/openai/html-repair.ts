/*
 * Makes a prefix of streamed body markup renderable: a half-written tag, comment or entity at the
 * end is dropped, an unfinished <script>/<style> element is held back (running half a script only
 * throws), and every element still open is closed. The repairer is incremental — each call scans
 * only the text added since the last one — so streaming a page costs linear time overall.
 */

/** Elements that never take a closing tag. */
const VOID_ELEMENTS = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
]);
/** Elements whose content is raw text up to their closing tag. */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title"]);

/** Opening one of these implicitly ends an open <p>, as the HTML parser does. */
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure", "footer", "form",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
]);
/** Siblings that end the previous open one of the same family (a new <li> ends the last <li>, ...). */
const SIBLING_FAMILY: Record<string, string[]> = {
  li: ["li"], dt: ["dt", "dd"], dd: ["dt", "dd"], option: ["option"], tr: ["tr", "td", "th"], td: ["td", "th"], th: ["td", "th"],
};

const NAME_START = /[A-Za-z]/;

/** Index just past the `>` ending the tag whose `<` is at `from`, honouring quoted values; -1 if unfinished. */
function findTagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return i + 1;
    }
  }
  return -1;
}

function readTagName(text: string, from: number): string {
  let end = from;
  while (end < text.length && /[\w:-]/.test(text[end]!)) end++;
  return text.slice(from, end).toLowerCase();
}

export interface HtmlRepairer {
  /** Feeds the whole text so far (normally the previous text plus more) and returns it repaired. */
  update(text: string): string;
}

/** An incremental repairer for one growing document. */
export function createHtmlRepairer(): HtmlRepairer {
  let seen = "";
  /** Everything before `pos` is complete markup; scanning resumes there. */
  let pos = 0;
  const open: string[] = [];

  const reset = () => {
    seen = "";
    pos = 0;
    open.length = 0;
  };

  /** Pops what opening `name` ends implicitly, so no stray end tags get appended later. */
  function closeImplied(name: string) {
    if (CLOSES_P.has(name) && open.at(-1) === "p") open.pop();
    const family = SIBLING_FAMILY[name];
    while (family && family.includes(open.at(-1) ?? "")) open.pop();
  }

  /** Consumes one complete token at `pos`; false when the text ends inside it. */
  function consumeToken(text: string): boolean {
    const lt = text.indexOf("<", pos);
    if (lt === -1) {
      pos = text.length;
      return true;
    }
    if (lt > pos) {
      pos = lt;
      return true;
    }
    if (text.startsWith("<!--", pos) || (text.length - pos < 4 && "<!--".startsWith(text.slice(pos)))) {
      const end = text.indexOf("-->", pos + 4);
      if (end === -1) return false;
      pos = end + 3;
      return true;
    }
    const next = text[pos + 1];
    if (next === undefined) return false;
    if (next === "!" || next === "?") {
      const end = text.indexOf(">", pos);
      if (end === -1) return false;
      pos = end + 1;
      return true;
    }
    const closing = next === "/";
    const nameAt = closing ? pos + 2 : pos + 1;
    if (nameAt >= text.length) return false;
    if (!NAME_START.test(text[nameAt]!)) {
      // A bare "<" in text (e.g. "a < b"): not a tag, keep it as text.
      pos += 1;
      return true;
    }
    const end = findTagEnd(text, pos);
    if (end === -1) return false;
    const name = readTagName(text, nameAt);
    if (closing) {
      const index = open.lastIndexOf(name);
      if (index !== -1) open.length = index;
      pos = end;
      return true;
    }
    const selfClosing = text[end - 2] === "/";
    if (RAW_TEXT_ELEMENTS.has(name) && !selfClosing) {
      const closer = new RegExp(`</${name}`, "gi");
      closer.lastIndex = end;
      const close = closer.exec(text);
      const closeEnd = close ? findTagEnd(text, close.index) : -1;
      if (closeEnd === -1) return false;
      pos = closeEnd;
      return true;
    }
    closeImplied(name);
    if (!VOID_ELEMENTS.has(name) && !selfClosing) open.push(name);
    pos = end;
    return true;
  }

  return {
    update(text) {
      if (!text.startsWith(seen)) reset();
      seen = text;
      while (pos < text.length && consumeToken(text)) {
        // consumeToken advances pos; it stops at an unfinished token.
      }
      let kept = text.slice(0, pos);
      // A half-typed character reference ("&am") would render as literal text for a moment.
      kept = kept.replace(/&#?[A-Za-z0-9]{0,31}$/, "");
      return kept + [...open].reverse().map((name) => `</${name}>`).join("");
    },
  };
}

/** Repairs one prefix of body markup (see createHtmlRepairer). */
export function repairPartialHtml(text: string): string {
  return createHtmlRepairer().update(text);
}
