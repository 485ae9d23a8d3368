"use client";

import { lazy, Suspense, useState } from "react";
import type { CodeFileId } from "@/lib/client/code-draft";
import type { CodeDraft } from "@/lib/client/use-code-draft";
import { TabList } from "@/components/tab-list";
import { CODE_FILES } from "./code-files";

// CodeMirror is its own chunk, fetched when editing starts: the workspace's first paint never waits for it.
const CodeMirror = lazy(() => import("./code-mirror").then((m) => ({ default: m.CodeMirror })));

const toolButton =
  "rounded-md px-2 py-1 text-xs font-medium text-zinc-600 transition hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800";

/**
 * The Code view while editing: the three files in CodeMirror, Save (the next turn and a version)
 * and Discard. The preview follows the typing; the site's script runs again once saved.
 */
export function CodeEditorPanel({ code }: { code: CodeDraft & { draft: NonNullable<CodeDraft["draft"]> } }) {
  const [active, setActive] = useState<CodeFileId>("html");
  const [wrap, setWrap] = useState(false);
  // The text each file had when the editor opened (or the restored draft): the editor owns it from then on.
  const [initial] = useState(() => code.draft);
  const file = CODE_FILES.find((f) => f.id === active)!;

  return (
    <div data-testid="code-editor-panel" data-dirty={code.dirty} className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 border-b border-zinc-200 px-2 dark:border-zinc-800">
        <TabList
          tabs={CODE_FILES}
          active={active}
          onSelect={setActive}
          label="Files"
          className="flex gap-1"
          tabClassName={(on) =>
            `-mb-px border-b-2 px-3 py-2 font-mono text-xs ${on ? "border-indigo-500 text-zinc-900 dark:text-zinc-100" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"}`
          }
        />
        <div className="flex flex-wrap items-center gap-1 py-1">
          <span data-testid="code-draft-status" role="status" className="px-1 text-xs text-zinc-500 dark:text-zinc-400">
            {code.saving ? "Saving…" : code.dirty ? "Unsaved changes" : "No changes yet"}
          </span>
          <button type="button" data-testid="code-wrap" aria-pressed={wrap} onClick={() => setWrap((w) => !w)} className={toolButton}>
            Wrap
          </button>
          <button type="button" data-testid="code-discard" onClick={code.discard} disabled={code.saving} className={toolButton}>
            {code.dirty ? "Discard" : "Close"}
          </button>
          <button
            type="button"
            data-testid="code-save"
            aria-keyshortcuts="Control+S Meta+S"
            onClick={() => void code.save()}
            disabled={!code.dirty || code.saving}
            className="rounded-md bg-indigo-600 px-3 py-1 text-xs font-semibold text-white transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:opacity-50"
          >
            Save
          </button>
        </div>
      </div>
      {code.restored && (
        <p data-testid="code-draft-restored" role="status" className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          Unsaved draft restored from this browser. Save it as a new version, or Discard it.
        </p>
      )}
      {code.error && (
        <p role="alert" data-testid="code-save-error" className="border-b border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          Could not save: {code.error}
        </p>
      )}
      <p className="sr-only" id="code-editor-help">Tab leaves the editor. Control or Command plus S saves.</p>
      <div className="min-h-0 flex-1" aria-describedby="code-editor-help">
        <Suspense fallback={<p className="p-4 text-sm text-zinc-500">Loading the editor…</p>}>
          <CodeMirror file={active} label={file.label} initial={initial} wrap={wrap} onChange={code.change} onSave={() => void code.save()} />
        </Suspense>
      </div>
      <p className="border-t border-zinc-200 px-3 py-1 text-[11px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        The preview follows your typing; script changes run once saved.
      </p>
    </div>
  );
}
