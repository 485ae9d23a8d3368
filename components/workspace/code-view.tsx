"use client";

import hljs from "highlight.js/lib/core";
import css from "highlight.js/lib/languages/css";
import javascript from "highlight.js/lib/languages/javascript";
import xml from "highlight.js/lib/languages/xml";
import { useMemo, useState } from "react";
import { TabList } from "@/components/tab-list";

hljs.registerLanguage("xml", xml);
hljs.registerLanguage("css", css);
hljs.registerLanguage("javascript", javascript);

const files = [
  { id: "html", label: "index.html", language: "xml", testId: "code-file-html" },
  { id: "css", label: "styles.css", language: "css", testId: "code-file-css" },
  { id: "js", label: "script.js", language: "javascript", testId: "code-file-js" },
] as const;
type FileId = (typeof files)[number]["id"];

const toolButton =
  "rounded-md px-2 py-1 text-xs font-medium text-zinc-600 transition hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300 dark:hover:bg-zinc-800";

export interface CodeViewProps {
  html: string;
  css: string;
  js: string;
  /** The code is still being written (a streaming engine): say so above the code. */
  streaming?: boolean;
  /** Opens the editor (the owner, on a finished turn); absent, the code is read-only. */
  onEdit?: () => void;
}

/**
 * The site's html / css / js with syntax highlighting, line numbers, wrapping and a copy button
 * (loaded only when the Code tab opens). It follows the live preview, so a streaming engine's code
 * appears here as it is written. The owner of a finished turn can open it in the editor (Edit code).
 */
export function CodeView({ html, css: cssText, js, streaming = false, onEdit }: CodeViewProps) {
  const [active, setActive] = useState<FileId>("html");
  const [wrap, setWrap] = useState(false);
  const [copied, setCopied] = useState<FileId | null>(null);
  const file = files.find((f) => f.id === active)!;
  const source = active === "html" ? html : active === "css" ? cssText : js;
  // highlight.js escapes the source, so its output is safe to inject.
  const highlighted = useMemo(() => hljs.highlight(source, { language: file.language }).value, [source, file.language]);
  const lineCount = source.split("\n").length;

  async function copy() {
    try {
      await navigator.clipboard.writeText(source);
      setCopied(active);
    } catch {
      setCopied(null);
    }
  }

  return (
    <div data-testid="code-view" className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-2 dark:border-zinc-800">
        <TabList
          tabs={files}
          active={active}
          onSelect={(id) => {
            setActive(id);
            setCopied(null);
          }}
          label="Files"
          className="flex gap-1"
          tabClassName={(on) =>
            `-mb-px border-b-2 px-3 py-2 font-mono text-xs ${on ? "border-indigo-500 text-zinc-900 dark:text-zinc-100" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"}`
          }
        />
        <div className="flex items-center gap-1 py-1">
          {streaming && <span data-testid="code-streaming" className="px-2 text-xs text-indigo-600 dark:text-indigo-400">Writing…</span>}
          <button type="button" data-testid="code-wrap" aria-pressed={wrap} onClick={() => setWrap((w) => !w)} className={toolButton}>
            Wrap
          </button>
          {onEdit && (
            <button type="button" data-testid="code-edit" onClick={onEdit} className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-semibold text-white transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
              Edit code
            </button>
          )}
          <button type="button" data-testid="code-copy" onClick={() => void copy()} className={toolButton}>
            {copied === active ? "Copied" : `Copy ${file.label}`}
          </button>
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {source.trim() ? (
          <div className="flex min-w-fit text-xs leading-relaxed">
            {/* Numbers in their own column, so selecting and copying the code leaves them out;
                hidden while wrapping, where one line may take several rows. */}
            {!wrap && <pre aria-hidden data-testid="code-line-numbers" className="sticky left-0 shrink-0 select-none border-r border-zinc-200 bg-zinc-50 py-4 pr-2 pl-3 text-right text-zinc-400 dark:border-zinc-800 dark:bg-zinc-900">
              {Array.from({ length: lineCount }, (_, i) => i + 1).join("\n")}
            </pre>}
            <pre className={`hljs min-w-0 flex-1 p-4 ${wrap ? "whitespace-pre-wrap break-all" : ""}`}>
              <code data-testid="code-content" data-wrap={wrap} dangerouslySetInnerHTML={{ __html: highlighted }} />
            </pre>
          </div>
        ) : (
          <pre className="p-4 text-xs">
            <code className="text-zinc-500">{`/* ${file.label} is empty so far */`}</code>
          </pre>
        )}
      </div>
    </div>
  );
}
