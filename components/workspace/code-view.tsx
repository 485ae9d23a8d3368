"use client";

import hljs from "highlight.js/lib/core";
import css from "highlight.js/lib/languages/css";
import javascript from "highlight.js/lib/languages/javascript";
import xml from "highlight.js/lib/languages/xml";
import { useMemo, useState } from "react";

hljs.registerLanguage("xml", xml);
hljs.registerLanguage("css", css);
hljs.registerLanguage("javascript", javascript);

const files = [
  { id: "html", name: "index.html", language: "xml" },
  { id: "css", name: "styles.css", language: "css" },
  { id: "js", name: "script.js", language: "javascript" },
] as const;
type FileId = (typeof files)[number]["id"];

/** The site's html / css / js with syntax highlighting (loaded only when the Code tab opens). */
export function CodeView({ html, css: cssText, js }: { html: string; css: string; js: string }) {
  const [active, setActive] = useState<FileId>("html");
  const file = files.find((f) => f.id === active)!;
  const source = active === "html" ? html : active === "css" ? cssText : js;
  // highlight.js escapes the source, so its output is safe to inject.
  const highlighted = useMemo(() => hljs.highlight(source, { language: file.language }).value, [source, file.language]);

  return (
    <div data-testid="code-view" className="flex h-full min-h-0 flex-col">
      <div role="tablist" aria-label="Files" className="flex gap-1 border-b border-zinc-200 px-2 dark:border-zinc-800">
        {files.map((f) => (
          <button
            key={f.id}
            type="button"
            role="tab"
            aria-selected={f.id === active}
            onClick={() => setActive(f.id)}
            className={`-mb-px border-b-2 px-3 py-2 font-mono text-xs ${f.id === active ? "border-indigo-500 text-zinc-900 dark:text-zinc-100" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"}`}
          >
            {f.name}
          </button>
        ))}
      </div>
      <pre className="hljs min-h-0 flex-1 overflow-auto p-4 text-xs leading-relaxed">
        {source.trim() ? (
          <code data-testid="code-content" dangerouslySetInnerHTML={{ __html: highlighted }} />
        ) : (
          <code className="text-zinc-500">{`/* ${file.name} is empty so far */`}</code>
        )}
      </pre>
    </div>
  );
}
