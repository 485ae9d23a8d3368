"use client";

import { lazy, Suspense, useMemo, useRef, useState } from "react";
import { previewFilesOf, type PreviewSnapshot } from "@/lib/protocol";
import { useCodeDraft } from "@/lib/client/use-code-draft";
import { usePreviewFrame } from "@/lib/client/use-preview-frame";
import { useFrameSelection, type SelectionHandler } from "@/lib/client/use-frame-selection";
import { useFrameAssets } from "@/lib/client/use-frame-assets";
import { downloadZip } from "@/lib/client/version-links";
import type { SiteFiles } from "@/lib/client/version-files";
import { useGenerationStore } from "@/stores/generation-store-provider";
import { TabList } from "@/components/tab-list";
import { CodeDraftNotice } from "./code-draft-notice";
import { EditPanel } from "./edit-panel";
import { ImageDropZone, ImageUploadButton, ImageUploadPanel } from "./image-upload";
import { SelectToggle } from "./select-toggle";
import { useSelection } from "./selection-context";
import { SiteReports } from "./site-reports";
import { useImageUpload } from "./use-image-upload";

const CodeView = lazy(() => import("./code-view").then((m) => ({ default: m.CodeView })));
const CodeEditorPanel = lazy(() => import("./code-editor-panel").then((m) => ({ default: m.CodeEditorPanel })));

/** Path of the frame runtime document (app/preview-frame/route.ts). */
export const PREVIEW_FRAME_SRC = "/preview-frame";

const viewports = [
  { id: "mobile", label: "Mobile", width: 375 },
  { id: "tablet", label: "Tablet", width: 768 },
  { id: "desktop", label: "Desktop", width: null },
] as const;
type ViewportId = (typeof viewports)[number]["id"];

const viewTabs = [
  { id: "preview", label: "Preview", testId: "tab-preview" },
  { id: "code", label: "Code", testId: "tab-code" },
] as const;

const pill = (active: boolean) =>
  `rounded-md px-2.5 py-1 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-indigo-500 ${active ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-700 dark:text-zinc-50" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`;
const linkClass =
  "rounded-md px-2.5 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-950";

/** The site a new turn starts from, shown until the turn writes its own (and the session that wrote it). */
export interface BasePreview {
  sessionId: string;
  preview: PreviewSnapshot;
}

/** A project version shown in place of the live session (opened from Versions, or just restored). */
export interface VersionView {
  /** Frame lineage id, unique per version shown. */
  epoch: string;
  /** "v2", "v3 (restored from v1)". */
  label: string;
  files: SiteFiles;
  /** Downloads this version's zip (fetched with the project token in a header, never in a URL). */
  download: () => Promise<void>;
  onClose: () => void;
}

export interface LivePreviewProps {
  sessionId: string;
  /** Token for the download link (owner or viewer); without one the link is hidden. */
  token: string | null;
  /**
   * What to show until this session writes its first preview: the project's current version
   * during a follow-up, so the frame never goes blank while the edit starts.
   */
  basePreview?: BasePreview | null;
  /** Starts a follow-up that asks for a fix of an error the site's script reported (owners only). */
  onFixSiteError?: (message: string) => void;
  /** A project version to show instead of the live session; preview, code and download follow it. */
  view?: VersionView | null;
}

/**
 * The generated site in a sandboxed frame (`allow-scripts allow-forms`, never same-origin: no access to the
 * app). The frame loads once; new versions are patched in by its runtime, so nothing flashes.
 */
export function LivePreview({ sessionId, token, basePreview = null, onFixSiteError, view = null }: LivePreviewProps) {
  const own = useGenerationStore((s) => s.generation.preview);
  const completed = useGenerationStore((s) => s.generation.status === "completed");
  const running = useGenerationStore((s) => s.generation.status === "running" || s.generation.status === "queued");
  const previewError = useGenerationStore((s) => s.generation.preview_error ?? null);
  const viewed = useMemo<PreviewSnapshot | null>(
    () => (view ? { version: 1, step_id: "version", html_content: view.files.html, css_content: view.files.css, js_content: view.files.js, updated_at: new Date(0).toISOString() } : null),
    [view],
  );
  const live = own ?? basePreview?.preview ?? null;
  const preview = viewed ?? live;
  const frameRef = useRef<HTMLIFrameElement>(null);
  // The base is shown still (no script): the edit's first markup is then morphed in on top of it.
  const epoch = view ? view.epoch : own || !basePreview ? sessionId : basePreview.sessionId;
  const selection = useSelection();
  // Select mode works on the project's current version, not on an old one opened from Versions.
  const selectionHandler = useRef<SelectionHandler | null>(null);
  // Hand edits of the code: the owner's, on the project's current version (never an old one opened inline).
  const projectId = useGenerationStore((s) => s.generation.project_id);
  const editable = !view && live !== null && (selection?.canEdit ?? false);
  const codeBase = useMemo(() => (editable && live ? previewFilesOf(live) : null), [editable, live]);
  const code = useCodeDraft({
    projectId, versionKey: epoch, base: codeBase,
    onSave: (files) => selection?.applyEdit({ kind: "code", ...files }, "the code by hand") ?? Promise.resolve("Only the project's owner can edit it."),
  });
  // The draft is patched into the same frame as a newer rendering of this version: no reload, no blank.
  const drafting = !view && live !== null && code.frame !== null;
  const shown = useMemo<PreviewSnapshot | null>(
    () => (drafting && live && code.frame
      ? { ...live, version: live.version + code.frame.seq, html_content: code.frame.files.html, css_content: code.frame.files.css, js_content: code.frame.files.js }
      : preview),
    [drafting, live, code.frame, preview],
  );
  const frame = usePreviewFrame(frameRef, { epoch, preview: shown, runScript: viewed !== null || (own !== null && completed), draft: drafting, onSelection: selectionHandler });
  const frameSelection = useFrameSelection(frameRef, {
    selection: view ? null : selection, html: view ? null : (preview?.html_content ?? null), loads: frame.loads, handlerRef: selectionHandler,
  });
  // Uploaded images: the frame gets their bytes from here (it can fetch nothing itself).
  useFrameAssets(frameRef, { projectId: projectId || null, sessionId, token, html: preview?.html_content ?? null, css: preview?.css_content ?? null, loads: frame.loads });
  const upload = useImageUpload();
  const [tab, setTab] = useState<"preview" | "code">("preview");
  const editing = editable && code.draft !== null;
  // On a wide screen the editor and the frame sit side by side, so the typing is seen as it lands.
  const split = editing && tab === "code";
  const [viewport, setViewport] = useState<ViewportId>("desktop");
  const [downloadFailed, setDownloadFailed] = useState(false);
  const width = viewports.find((v) => v.id === viewport)?.width ?? null;
  const id = encodeURIComponent(sessionId);

  return (
    <section
      aria-label="Live preview"
      data-testid="live-preview"
      data-frame-loads={frame.loads}
      data-rendered-version={frame.renderedVersion}
      data-script-ran={frame.scriptRan}
      data-assets-shown={frame.assetsShown}
      data-showing={view ? "version" : own ? "own" : preview ? "base" : "none"}
      className="flex min-h-[70vh] min-w-0 flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <TabList tabs={viewTabs} active={tab} onSelect={setTab} label="View" className="flex rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800" tabClassName={pill} />
        {tab === "preview" && (
          <div role="group" aria-label="Viewport" className="hidden rounded-lg bg-zinc-100 p-0.5 sm:flex dark:bg-zinc-800">
            {viewports.map((v) => (
              <button key={v.id} type="button" aria-pressed={viewport === v.id} data-testid={`viewport-${v.id}`} onClick={() => setViewport(v.id)} className={pill(viewport === v.id)}>
                {v.label}
                {v.width && <span className="ml-1 opacity-60">{v.width}</span>}
              </button>
            ))}
          </div>
        )}
        <div className="flex items-center gap-1">
          {tab === "preview" && !view && <SelectToggle />}
          {tab === "preview" && !view && <ImageUploadButton upload={upload} />}
          {view && (
            <button type="button" data-testid="download-version" onClick={() => void view.download().catch(() => setDownloadFailed(true))} className={linkClass}>
              {downloadFailed ? "Download failed — retry" : "Download zip"}
            </button>
          )}
          {own && !view && (
            <a href={`/preview/${id}`} target="_blank" rel="noopener noreferrer" data-testid="open-preview" className={linkClass}>
              Open in new tab
            </a>
          )}
          {own && token && !view && (
            // Fetched with the token in a header and saved as a blob: no token in any link.
            <button type="button" onClick={() => void downloadZip({ sessionId, token }).catch(() => setDownloadFailed(true))} data-testid="download-zip" className={linkClass}>
              {downloadFailed ? "Download failed — retry" : "Download zip"}
            </button>
          )}
        </div>
      </div>

      {view && (
        <div data-testid="version-view-banner" role="status" className="flex flex-wrap items-center justify-between gap-2 border-b border-indigo-200 bg-indigo-50 px-3 py-1.5 text-xs text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-200">
          <span>
            Viewing <strong data-testid="version-view-label">{view.label}</strong> — preview, code and download show this version.
          </span>
          <button type="button" data-testid="version-view-close" onClick={view.onClose} className="rounded-md px-2 py-0.5 font-medium hover:bg-indigo-100 dark:hover:bg-indigo-900">
            Back to the live session
          </button>
        </div>
      )}

      {!own && !view && preview && (
        <p data-testid="preview-base-note" role="status" className="border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-400">
          Showing the current version; the edit lands on top of it as soon as it is written.
        </p>
      )}

      {tab === "preview" && !view && <ImageUploadPanel upload={upload} />}
      {tab === "preview" && !view && <EditPanel onEditText={frameSelection.editText} onReplaceImage={() => upload.show({ use: "replace" })} />}

      {tab === "preview" && editing && (code.dirty || code.restored) && (
        <CodeDraftNotice restored={code.restored} onOpen={() => setTab("code")} onDiscard={code.discard} />
      )}

      <SiteReports reports={frame.siteReports} onFix={onFixSiteError} />

      <div data-testid="code-split" data-split={split} className={split ? "flex min-h-0 flex-1 flex-col xl:flex-row-reverse" : "contents"}>
      {/* Kept mounted while the Code tab is open: hiding it must not reload the frame. */}
      <div className={`relative min-h-0 flex-1 overflow-x-auto bg-zinc-100 dark:bg-zinc-950 ${tab === "preview" ? "" : split ? "hidden xl:block xl:basis-1/2" : "hidden"}`}>
        <div className="mx-auto h-full min-h-[60vh] transition-[width] duration-300" style={{ width: width ? `${width}px` : "100%" }}>
          <iframe
            ref={frameRef}
            src={PREVIEW_FRAME_SRC}
            // Forms run the page's own submit handler; the CSP's form-action 'none' keeps them from sending anything.
            sandbox="allow-scripts allow-forms"
            data-select-mode={selection?.on && !view ? "on" : "off"}
            referrerPolicy="no-referrer"
            title="Live preview of the generated site"
            data-testid="preview-frame"
            className="block h-full min-h-[60vh] w-full border-0 bg-white"
          />
        </div>
        {!view && <ImageDropZone upload={upload} />}
        {!preview && (
          <div data-testid="preview-empty" className="absolute inset-0 flex items-center justify-center bg-zinc-50 p-6 text-center text-sm text-zinc-500 dark:bg-zinc-950 dark:text-zinc-400">
            {previewError ? (
              <span data-testid="preview-error" role="status">{previewError.message}</span>
            ) : (
              "The preview appears here as soon as the first part of the site is written."
            )}
          </div>
        )}
      </div>

      {tab === "code" && (
        // Fills the panel and scrolls inside it, instead of stretching the page by the file's length.
        <div className={`relative min-h-[60vh] flex-1 ${split ? "xl:basis-1/2 xl:border-r xl:border-zinc-200 dark:xl:border-zinc-800" : ""}`}>
          <div className="absolute inset-0">
            {editing && code.draft ? (
              <Suspense fallback={<p className="p-4 text-sm text-zinc-500">Loading the editor…</p>}>
                <CodeEditorPanel key={epoch} code={{ ...code, draft: code.draft }} />
              </Suspense>
            ) : preview ? (
              <Suspense fallback={<p className="p-4 text-sm text-zinc-500">Loading code…</p>}>
                <CodeView html={preview.html_content} css={preview.css_content} js={preview.js_content} streaming={!view && running && own !== null} onEdit={editable ? code.open : undefined} />
              </Suspense>
            ) : (
              <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">No code yet.</p>
            )}
          </div>
        </div>
      )}
      </div>
    </section>
  );
}
