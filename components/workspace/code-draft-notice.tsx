"use client";

/** Above the preview while it shows unsaved hand edits of the code (typed now, or restored after a reload). */
export function CodeDraftNotice({ restored, onOpen, onDiscard }: { restored: boolean; onOpen: () => void; onDiscard: () => void }) {
  return (
    <div data-testid="code-draft-notice" role="status" className="flex flex-wrap items-center justify-between gap-2 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
      <span>
        {restored ? "Unsaved draft of the code, restored from this browser: the preview shows it." : "The preview shows your unsaved code edit."}
      </span>
      <span className="inline-flex gap-1">
        <button type="button" data-testid="code-draft-open" onClick={onOpen} className="rounded-md px-2 py-0.5 font-medium hover:bg-amber-100 dark:hover:bg-amber-900">
          Open the code
        </button>
        <button type="button" data-testid="code-draft-discard" onClick={onDiscard} className="rounded-md px-2 py-0.5 font-medium hover:bg-amber-100 dark:hover:bg-amber-900">
          Discard
        </button>
      </span>
    </div>
  );
}
