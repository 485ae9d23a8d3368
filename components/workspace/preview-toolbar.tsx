import type { ReactNode } from "react";

export interface PreviewToolbarProps {
  /** What the preview shows: the current version, or "Viewing vN" with a way back. */
  versionNote: ReactNode;
  /** Publish / Update / Unpublish (owners on the project page). */
  publish?: ReactNode;
  /**
   * Tools that act on the page itself, at the toolbar's start: issue 18's select-mode toggle and
   * image upload button go here (SessionView's `toolbarExtra`). Empty until then.
   */
  extra?: ReactNode;
}

/** The row above the preview: page tools, the version notice, and the publish controls. */
export function PreviewToolbar({ versionNote, publish, extra }: PreviewToolbarProps) {
  return (
    <div data-testid="preview-toolbar" className="flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1.5 rounded-xl border border-zinc-200 bg-white px-3 py-1.5 dark:border-zinc-800 dark:bg-zinc-900">
      {/* Slot for issue 18 (select toggle, upload): rendered only when given, so the row stays tidy. */}
      {extra && <div data-testid="preview-toolbar-extra" className="flex items-center gap-1">{extra}</div>}
      <div className="min-w-0 flex-1 text-xs">{versionNote}</div>
      {publish}
    </div>
  );
}
