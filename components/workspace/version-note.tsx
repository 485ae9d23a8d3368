export interface VersionNoteProps {
  /** The version opened inline from Versions, if any. */
  viewing: number | null;
  /** The project's current (newest) version, once known. */
  newest: number | null;
  comparing: boolean;
  onBack: () => void;
}

/** The toolbar's word on what the preview shows: the current version, or "Viewing vN" with a way back. */
export function VersionNote({ viewing, newest, comparing, onBack }: VersionNoteProps) {
  if (comparing || (viewing !== null && viewing !== newest)) {
    return (
      <span data-testid="viewing-notice" role="status" className="inline-flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-2 py-1 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
        <span>{comparing ? "Comparing versions" : <>Viewing <strong>v{viewing}</strong>{newest !== null && <> · current is v{newest}</>}</>}</span>
        <button type="button" data-testid="viewing-back" onClick={onBack} className="rounded px-1.5 font-medium underline-offset-2 hover:underline">
          Back to current
        </button>
      </span>
    );
  }
  return (
    <span data-testid="current-version-note" className="text-zinc-500 dark:text-zinc-400">
      {newest !== null ? <><span className="hidden sm:inline">Current version </span><strong className="font-semibold text-zinc-800 dark:text-zinc-200">v{newest}</strong></> : "Preview"}
    </span>
  );
}
