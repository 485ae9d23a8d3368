import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { clearCodeDraft, describeOversizedFile, readCodeDraft, sameFiles, writeCodeDraft, type CodeFileId } from "./code-draft";
import type { SiteFiles } from "./version-files";

/** How long typing may pause before the frame and the stored draft follow it. */
export const DRAFT_DEBOUNCE_MS = 250;

export interface CodeDraft {
  /** The code being edited; null while the editor is closed. */
  draft: SiteFiles | null;
  /** The draft differs from the version it was opened on. */
  dirty: boolean;
  /** The draft came back from this browser's storage (a reload): say so, offer Discard. */
  restored: boolean;
  saving: boolean;
  error: string | null;
  /**
   * What the frame shows instead of the version, numbered so each one is newer than the last:
   * the draft, or the version itself again after a discard. Null until the editor changed anything.
   */
  frame: { seq: number; files: SiteFiles } | null;
  open: () => void;
  /** A file's whole new text (from the editor, on every change; the rest follows debounced). */
  change: (file: CodeFileId, text: string) => void;
  discard: () => void;
  save: () => Promise<void>;
}

const subscribeNever = () => () => {};

interface DraftState {
  key: string;
  draft: SiteFiles | null;
  restored: boolean;
}

/**
 * The code editor's draft of one version of a project: follows the typing (debounced) into the
 * frame and into localStorage, warns before a reload or close loses it, restores it after one,
 * and saves it as the next turn (`onSave` answers an error message, or null once the turn started).
 */
export function useCodeDraft({ projectId, versionKey, base, onSave }: {
  projectId: string | null;
  /** The version on screen (the turn that wrote it): a draft belongs to it. */
  versionKey: string;
  base: SiteFiles | null;
  onSave: (files: SiteFiles) => Promise<string | null>;
}): CodeDraft {
  const key = `${projectId ?? ""}:${versionKey}`;
  const [state, setState] = useState<DraftState>({ key: "", draft: null, restored: false });
  const [frame, setFrame] = useState<{ key: string; seq: number; files: SiteFiles } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The latest text, ahead of the debounced state; it belongs to the version it was typed on.
  const pending = useRef<{ key: string; files: SiteFiles } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Storage exists only after hydration (the server render has none): false until then.
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  if (hydrated && state.key !== key) {
    // A new version on screen (or the first render in the browser): its stored draft comes back,
    // and the frame shows it again, as it did before the reload.
    const stored = projectId ? readCodeDraft(projectId, versionKey) : null;
    setState({ key, draft: stored, restored: stored !== null });
    if (stored) setFrame((f) => ({ key, seq: (f?.key === key ? f.seq : 0) + 1, files: stored }));
    setError(null);
  }
  const current = state.key === key ? state : null;
  const draft = current?.draft ?? null;
  const dirty = draft !== null && base !== null && !sameFiles(draft, base);
  const latest = useCallback(() => (pending.current?.key === key ? pending.current.files : null), [key]);

  const showInFrame = useCallback((files: SiteFiles) => {
    setFrame((f) => ({ key, seq: (f?.key === key ? f.seq : 0) + 1, files }));
  }, [key]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const files = latest();
    if (!files) return;
    setState((s) => (s.key === key ? { ...s, draft: files } : s));
    showInFrame(files);
    if (!projectId || !base) return;
    if (sameFiles(files, base)) clearCodeDraft(projectId, versionKey);
    else writeCodeDraft(projectId, versionKey, files);
  }, [key, projectId, versionKey, base, showInFrame, latest]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // While the draft is unsaved, leaving the page asks first (the stored draft survives a reload anyway).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const open = useCallback(() => {
    if (!base) return;
    pending.current = { key, files: { ...base } };
    setState({ key, draft: { ...base }, restored: false });
    setError(null);
  }, [base, key]);

  const change = useCallback((file: CodeFileId, text: string) => {
    const from = latest() ?? draft;
    if (!from) return;
    pending.current = { key, files: { ...from, [file]: text } };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, DRAFT_DEBOUNCE_MS);
  }, [flush, latest, draft, key]);

  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    if (projectId) clearCodeDraft(projectId, versionKey);
    setState({ key, draft: null, restored: false });
    setError(null);
    // The frame showed the draft: it goes back to the version (as a newer rendering, so it is taken).
    if (base && frame?.key === key) showInFrame(base);
  }, [base, frame, key, projectId, versionKey, showInFrame]);

  const save = useCallback(async () => {
    flush();
    const files = latest() ?? draft;
    if (!files || !base || sameFiles(files, base)) return;
    const oversized = describeOversizedFile(files);
    if (oversized) return setError(oversized);
    setSaving(true);
    setError(null);
    const failure = await onSave(files);
    setSaving(false);
    if (failure) return setError(failure);
    // Saved: the turn that makes the version has started. The frame keeps showing this code until it lands.
    pending.current = null;
    if (projectId) clearCodeDraft(projectId, versionKey);
    setState({ key, draft: null, restored: false });
  }, [flush, latest, draft, base, onSave, projectId, versionKey, key]);

  const shown = frame?.key === key ? frame : null;
  const frameValue = useMemo(() => (shown ? { seq: shown.seq, files: shown.files } : null), [shown]);
  return { draft, dirty, restored: current?.restored ?? false, saving, error, frame: frameValue, open, change, discard, save };
}
