"use client";

import { lazy, Suspense, useRef, useState } from "react";
import { usePreviewFrame } from "@/lib/client/use-preview-frame";
import { downloadZip } from "@/lib/client/version-links";
import { useGenerationStore } from "@/stores/generation-store-provider";

const CodeView = lazy(() => import("./code-view").then((m) => ({ default: m.CodeView })));

/** Path of the frame runtime document (app/preview-frame/route.ts). */
export const PREVIEW_FRAME_SRC = "/preview-frame";

const viewports = [
  { id: "mobile", label: "Mobile", width: 375 },
  { id: "tablet", label: "Tablet", width: 768 },
  { id: "desktop", label: "Desktop", width: null },
] as const;
type ViewportId = (typeof viewports)[number]["id"];

const pill = (active: boolean) =>
  `rounded-md px-2.5 py-1 text-xs font-medium transition ${active ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-700 dark:text-zinc-50" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`;
const linkClass =
  "rounded-md px-2.5 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-950";

export interface LivePreviewProps {
  sessionId: string;
  /** Token for the download link (owner or viewer); without one the link is hidden. */
  token: string | null;
}

/**
 * The generated site in a sandboxed frame (`allow-scripts` only: opaque origin, no access to the
 * app). The frame loads once; new versions are patched in by its runtime, so nothing flashes.
 */
export function LivePreview({ sessionId, token }: LivePreviewProps) {
  const preview = useGenerationStore((s) => s.generation.preview);
  const completed = useGenerationStore((s) => s.generation.status === "completed");
  const frameRef = useRef<HTMLIFrameElement>(null);
  const frame = usePreviewFrame(frameRef, { preview, runScript: completed });
  const [tab, setTab] = useState<"preview" | "code">("preview");
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
      className="flex min-h-[70vh] min-w-0 flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <div role="tablist" aria-label="View" className="flex rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
          {(["preview", "code"] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} data-testid={`tab-${t}`} onClick={() => setTab(t)} className={pill(tab === t)}>
              {t === "preview" ? "Preview" : "Code"}
            </button>
          ))}
        </div>
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
          {preview && (
            <a href={`/preview/${id}`} target="_blank" rel="noopener noreferrer" data-testid="open-preview" className={linkClass}>
              Open in new tab
            </a>
          )}
          {preview && token && (
            // Fetched with the token in a header and saved as a blob: no token in any link.
            <button type="button" onClick={() => void downloadZip({ sessionId, token }).catch(() => setDownloadFailed(true))} data-testid="download-zip" className={linkClass}>
              {downloadFailed ? "Download failed — retry" : "Download zip"}
            </button>
          )}
        </div>
      </div>

      {frame.scriptError && (
        <p data-testid="preview-script-error" className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-800 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          The site&apos;s script reported an error: {frame.scriptError}
        </p>
      )}

      {/* Kept mounted while the Code tab is open: hiding it must not reload the frame. */}
      <div className={`relative min-h-0 flex-1 overflow-x-auto bg-zinc-100 dark:bg-zinc-950 ${tab === "preview" ? "" : "hidden"}`}>
        <div className="mx-auto h-full min-h-[60vh] transition-[width] duration-300" style={{ width: width ? `${width}px` : "100%" }}>
          <iframe
            ref={frameRef}
            src={PREVIEW_FRAME_SRC}
            sandbox="allow-scripts"
            referrerPolicy="no-referrer"
            title="Live preview of the generated site"
            data-testid="preview-frame"
            className="block h-full min-h-[60vh] w-full border-0 bg-white"
          />
        </div>
        {!preview && (
          <div data-testid="preview-empty" className="absolute inset-0 flex items-center justify-center bg-zinc-50 p-6 text-center text-sm text-zinc-500 dark:bg-zinc-950 dark:text-zinc-400">
            The preview appears here as soon as the first part of the site is written.
          </div>
        )}
      </div>

      {tab === "code" && (
        // Fills the panel and scrolls inside it, instead of stretching the page by the file's length.
        <div className="relative min-h-[60vh] flex-1">
          <div className="absolute inset-0">
            {preview ? (
              <Suspense fallback={<p className="p-4 text-sm text-zinc-500">Loading code…</p>}>
                <CodeView html={preview.html_content} css={preview.css_content} js={preview.js_content} />
              </Suspense>
            ) : (
              <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">No code yet.</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
