"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { buildFixPrompt, readSiteName, type CreateGenerationResponse, type ProjectTurnNotice, type ProjectVersionInfo, type QueuePromptResponse } from "@/lib/protocol";
import { cancelGeneration, describeApiError, retryGeneration } from "@/lib/client/generation-api";
import { startFollowUp } from "@/lib/client/project-api";
import { rememberCreatedSession, useStoredSession } from "@/lib/client/session-storage";
import { useWebSocket } from "@/lib/client/use-web-socket";
import { fetchVersionFiles } from "@/lib/client/version-files";
import { downloadVersionZip } from "@/lib/client/version-links";
import { useGenerationStore, useGenerationStoreApi } from "@/stores/generation-store-provider";
import { AccessNotice } from "./access-notice";
import { ConnectionStatus } from "./connection-status";
import { FollowUpForm, isReadyForFollowUp } from "./follow-up-form";
import { GenerationProgress } from "./generation-progress";
import { LivePreview, type BasePreview, type VersionView } from "./live-preview";
import { PhoneSwitch, type PhonePane } from "./phone-switch";
import { PreviewToolbar } from "./preview-toolbar";
import { SelectionProvider } from "./selection-context";
import { ShareButton } from "./share-button";
import { VersionCompare } from "./version-compare";
import { VersionNote } from "./version-note";
import { VersionsPanel } from "./versions-panel";

export interface SessionViewProps {
  sessionId: string;
  heartbeatIntervalMs: number;
  /** Viewer token from a watch link (`?view=`); wins over tokens stored in this browser. */
  viewToken: string | null;
  /** The project's conversation, shown above this turn's progress (the project page). */
  thread?: ReactNode;
  headerLink?: ReactNode;
  basePreview?: BasePreview | null;
  /** A follow-up (typed, or "Fix it") was started: show it as the next turn, on top of `base`. */
  onFollowUp: (created: CreateGenerationResponse, base: BasePreview | null) => void;
  /** The project's conversation changed elsewhere (another tab, the owner seen from a share link). */
  onProjectTurn?: (notice: ProjectTurnNotice, base: BasePreview | null) => void;
  /**
   * Whether "Share watch link" (one generation) is offered: on /g. The project page offers its
   * conversation's share instead (from a share link, a "watch link" would carry the project's token).
   */
  canShareSession?: boolean;
  /** The project page's project token: it owns every turn, also the ones the server started (queue, restore). */
  ownerProjectToken?: string | null;
  /** Issue 18's page tools (select toggle, upload), at the start of the preview toolbar. */
  toolbarExtra?: ReactNode;
  /** Publish / Update / Unpublish, at the end of the preview toolbar. */
  publishControls?: ReactNode;
  /** Prompts wait in the project's queue already (a new one goes behind them). */
  queueWaiting?: boolean;
  /** A prompt was queued; with `startedSessionId` the server started it at once. */
  onQueued?: (queued: QueuePromptResponse, base: BasePreview | null) => void;
  /** A restore became the newest turn (the project page opens it). */
  onRestored?: (restored: ProjectVersionInfo, base: BasePreview | null) => void;
}

type Viewing = { version: number; view: Omit<VersionView, "onClose"> } | { version: number; error: string };

/** One turn's workspace: progress and edit box on the left (Chat), the live preview on the right. */
export function SessionView(props: SessionViewProps) {
  const { sessionId, heartbeatIntervalMs, viewToken, thread, headerLink, basePreview, onFollowUp, onProjectTurn, canShareSession = true } = props;
  const { ownerProjectToken = null, toolbarExtra, publishControls, queueWaiting, onQueued, onRestored } = props;
  const stored = useStoredSession(sessionId);
  // undefined while localStorage is unknown (server render, hydration); null when there is none.
  // The project page's token comes before the turn's own: it reads every turn, and a turn opened
  // from the project's `project:turn` notice (it often beats the HTTP answer that stores the turn's
  // token) would otherwise reconnect a moment later with that token, closing a socket still
  // upgrading from long-polling (a polling request of it then met "Session ID unknown", a 400).
  const token = viewToken ?? ownerProjectToken ?? (stored === undefined ? undefined : (stored?.token ?? stored?.viewerToken ?? null));
  const store = useGenerationStoreApi();
  /** What is on screen now: this turn's site, or the base it showed. The next turn starts on top of it. */
  const currentBase = (): BasePreview | null => {
    const preview = store.getState().generation.preview;
    return preview ? { sessionId, preview } : (basePreview ?? null);
  };
  const { reconnect } = useWebSocket({
    sessionId, token: token ?? null, heartbeatIntervalMs,
    onProjectTurn: onProjectTurn && ((notice) => onProjectTurn(notice, currentBase())),
  });
  const prompt = useGenerationStore((s) => s.prompt) ?? stored?.prompt ?? null;
  const ownName = useGenerationStore((s) => readSiteName(s.generation.preview?.html_content));
  // Until this turn writes its own site, the one on screen (the version it edits) names the tab.
  const baseHtml = basePreview?.preview.html_content;
  const baseName = useMemo(() => readSiteName(baseHtml), [baseHtml]);
  // Kept with its turn: the project page swaps turns without remounting (the frame stays), and
  // what was viewed belongs to the turn it was opened in.
  const [viewingState, setViewingState] = useState<{ sessionId: string; value: Viewing } | null>(null);
  const viewing = viewingState?.sessionId === sessionId ? viewingState.value : null;
  const setViewing = (value: Viewing | null) => setViewingState(value ? { sessionId, value } : null);
  // A version opened inline (or just restored) is what the tab and header name, while it shows.
  const viewHtml = viewing && "view" in viewing ? viewing.view.files.html : undefined;
  const viewName = useMemo(() => readSiteName(viewHtml), [viewHtml]);
  const siteName = viewName ?? ownName ?? baseName;
  const projectId = useGenerationStore((s) => s.generation.project_id);
  const isViewer = useGenerationStore((s) => s.role === "viewer") || (viewToken !== null && !stored?.token);
  const isOwner = useGenerationStore((s) => s.role === "owner");
  const ownerToken = viewToken ? null : (stored?.token ?? ownerProjectToken);
  // A watch link never edits the project, even in the browser that owns it.
  const projectToken = viewToken ? null : (stored?.projectToken ?? ownerProjectToken);
  const lastSeq = useGenerationStore((s) => s.generation.last_seq);
  const refused = useGenerationStore((s) => s.connection.status === "refused");
  const [pane, setPane] = useState<PhonePane>("chat");
  const [fixError, setFixError] = useState<string | null>(null);
  const [versions, setVersions] = useState<ProjectVersionInfo[]>([]);
  const [compare, setCompare] = useState<ProjectVersionInfo[] | null>(null);
  const progressRef = useRef<HTMLDivElement>(null);

  // The open turn's progress is what the chat shows when a turn opens; the box below stays pinned.
  useEffect(() => {
    progressRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [sessionId]);
  const finished = useGenerationStore((s) => isReadyForFollowUp(s.generation));

  useEffect(() => {
    document.title = `${siteName ?? "New site"} — OpenV0`;
  }, [siteName]);

  async function view(info: ProjectVersionInfo, label: string) {
    if (!projectToken) return;
    try {
      const files = await fetchVersionFiles({ previewUrl: info.previewUrl, projectToken });
      const download = () => downloadVersionZip({ projectId, version: info.version, projectToken });
      setViewing({ version: info.version, view: { epoch: `version-${info.version}`, label, files, download } });
    } catch (error) {
      setViewing({ version: info.version, error: describeApiError(error).message });
    }
  }

  async function fixSiteError(message: string) {
    if (!projectToken) return;
    setFixError(null);
    const fix = buildFixPrompt(message);
    try {
      const created = await startFollowUp({ prompt: fix, projectId, projectToken });
      rememberCreatedSession(created, fix);
      startedFollowUp(created);
    } catch (error) {
      setFixError(describeApiError(error).message);
    }
  }

  const startedFollowUp = (created: CreateGenerationResponse) => onFollowUp(created, currentBase());

  const versionView = viewing && "view" in viewing ? { ...viewing.view, onClose: () => setViewing(null) } : null;

  const newest = versions.at(-1)?.version ?? null;
  const onVersions = useCallback((list: ProjectVersionInfo[]) => setVersions(list), []);

  return (
    <div data-testid="workspace" data-last-seq={lastSeq} data-session-id={sessionId} className="mx-auto flex h-dvh w-full max-w-[1600px] flex-col overflow-hidden">
      <header className="flex shrink-0 flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <Link href="/" className="text-base font-semibold tracking-tight">
          Open<span className="text-indigo-600 dark:text-indigo-400">V0</span>
        </Link>
        <p className="min-w-0 flex-1 basis-40 truncate text-sm text-zinc-600 dark:text-zinc-400" title={prompt ?? undefined}>
          {siteName && <span data-testid="site-name" className="mr-2 font-medium text-zinc-900 dark:text-zinc-100">{siteName}</span>}
          <span data-testid="workspace-prompt">{prompt ?? "Generation"}</span>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {headerLink}
          {isViewer && (
            <span data-testid="viewer-badge" className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
              View only
            </span>
          )}
          <ConnectionStatus onReconnect={reconnect} hasToken={token === undefined ? null : token !== null} />
          {!refused && canShareSession && <ShareButton sessionId={sessionId} viewerToken={viewToken ?? stored?.viewerToken ?? null} />}
        </div>
      </header>

      <PhoneSwitch pane={pane} onChange={setPane} />

      <SelectionProvider projectId={projectId} projectToken={isOwner ? projectToken : null} ready={finished} onStarted={startedFollowUp}>
      {/* One screen high: the chat scrolls inside its column above the pinned prompt box, and the
          preview column stays in view. Chat first in the DOM (so Versions come before the iframe in
          tab order); on a phone only one of the two panes shows, the other one tap away. */}
      <main className="grid min-h-0 flex-1 gap-4 p-3 sm:p-4 lg:grid-cols-[minmax(300px,400px)_minmax(0,1fr)]">
        <div data-testid="chat-pane" className={`min-h-0 min-w-0 flex-col gap-3 ${pane === "chat" ? "flex" : "hidden lg:flex"}`}>
          <div data-testid="chat-scroll" className="min-h-0 flex-1 space-y-4 overflow-y-auto overscroll-contain">
            {thread}
            <AccessNotice hasToken={token === undefined ? null : token !== null} isViewer={isViewer} />
            <div ref={progressRef} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
              <GenerationProgress
                onCancel={ownerToken ? () => cancelGeneration({ sessionId, token: ownerToken }) : undefined}
                onRetry={ownerToken ? () => retryGeneration({ sessionId, token: ownerToken }) : undefined}
              />
            </div>
            {fixError && (
              <p role="alert" data-testid="fix-error" className="text-sm text-red-700 dark:text-red-300">
                Could not start the fix: {fixError}
              </p>
            )}
            {viewing && "error" in viewing && (
              <p role="alert" data-testid="version-view-error" className="text-sm text-red-700 dark:text-red-300">
                Could not show v{viewing.version}: {viewing.error}
              </p>
            )}
            {projectToken && (
              <VersionsPanel
                projectToken={projectToken}
                viewing={versionView ? viewing!.version : null}
                onView={(info, label) => {
                  setCompare(null);
                  void view(info, label);
                  setPane("preview");
                }}
                onVersions={onVersions}
                onRestored={onRestored && ((restored) => {
                  onRestored(restored, currentBase());
                  setPane("preview");
                })}
                onCompare={(list) => {
                  setCompare(list);
                  setPane("preview");
                }}
              />
            )}
          </div>
          <div className="shrink-0">
            <FollowUpForm
              projectToken={projectToken}
              onStarted={startedFollowUp}
              queueWaiting={queueWaiting}
              onQueued={onQueued && ((queued) => onQueued(queued, currentBase()))}
            />
          </div>
        </div>
        <div data-testid="preview-pane" className={`min-h-0 min-w-0 flex-col gap-2 ${pane === "preview" ? "flex" : "hidden lg:flex"}`}>
          <PreviewToolbar
            extra={toolbarExtra}
            publish={publishControls}
            versionNote={<VersionNote viewing={versionView ? viewing!.version : null} newest={newest} comparing={compare !== null} onBack={() => { setViewing(null); setCompare(null); }} />}
          />
          {/* Hidden, never unmounted, while comparing: the frame must not reload. */}
          {/* A one-row grid: the preview stretches to the column's height (it scrolls when the column is shorter). */}
          <div className={`min-h-0 flex-1 grid-rows-[minmax(0,1fr)] overflow-y-auto ${compare ? "hidden" : "grid"}`}>
            <LivePreview
              sessionId={sessionId}
              token={token ?? null}
              basePreview={basePreview}
              view={versionView}
              onFixSiteError={isOwner && projectToken ? (message) => void fixSiteError(message) : undefined}
            />
          </div>
          {compare && projectToken && (
            <div className="min-h-0 flex-1 overflow-y-auto">
              <VersionCompare versions={compare} projectToken={projectToken} onClose={() => setCompare(null)} />
            </div>
          )}
        </div>
      </main>
      </SelectionProvider>
    </div>
  );
}
