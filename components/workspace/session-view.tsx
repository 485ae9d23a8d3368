"use client";

import Link from "next/link";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { buildFixPrompt, readSiteName, type CreateGenerationResponse, type ProjectTurnNotice, type ProjectVersionInfo } from "@/lib/protocol";
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
import { SelectionProvider } from "./selection-context";
import { ShareButton } from "./share-button";
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
}

type Viewing = { version: number; view: Omit<VersionView, "onClose"> } | { version: number; error: string };

/** One turn's workspace: progress and edit box on the left (Chat), the live preview on the right. */
export function SessionView(props: SessionViewProps) {
  const { sessionId, heartbeatIntervalMs, viewToken, thread, headerLink, basePreview, onFollowUp, onProjectTurn, canShareSession = true } = props;
  const stored = useStoredSession(sessionId);
  // undefined while localStorage is unknown (server render, hydration); null when there is none.
  const token = viewToken ?? (stored === undefined ? undefined : (stored?.token ?? stored?.viewerToken ?? null));
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
  const [viewing, setViewing] = useState<Viewing | null>(null);
  // A version opened inline (or just restored) is what the tab and header name, while it shows.
  const viewHtml = viewing && "view" in viewing ? viewing.view.files.html : undefined;
  const viewName = useMemo(() => readSiteName(viewHtml), [viewHtml]);
  const siteName = viewName ?? ownName ?? baseName;
  const projectId = useGenerationStore((s) => s.generation.project_id);
  const isViewer = useGenerationStore((s) => s.role === "viewer") || (viewToken !== null && !stored?.token);
  const isOwner = useGenerationStore((s) => s.role === "owner");
  const ownerToken = viewToken ? null : (stored?.token ?? null);
  // A watch link never edits the project, even in the browser that owns it.
  const projectToken = viewToken ? null : (stored?.projectToken ?? null);
  const lastSeq = useGenerationStore((s) => s.generation.last_seq);
  const refused = useGenerationStore((s) => s.connection.status === "refused");
  const [pane, setPane] = useState<PhonePane>("chat");
  const [fixError, setFixError] = useState<string | null>(null);
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

  return (
    <div data-testid="workspace" data-last-seq={lastSeq} data-session-id={sessionId} className="mx-auto flex min-h-screen w-full max-w-[1600px] flex-col">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
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
      {/* Chat column first in the DOM (so Versions come before the iframe in tab order); on a
          phone only one of the two panes shows, the other one tap away. */}
      <main className="grid flex-1 gap-4 p-4 lg:grid-cols-[minmax(280px,380px)_minmax(0,1fr)]">
        <div data-testid="chat-pane" className={`min-w-0 space-y-4 ${pane === "chat" ? "" : "hidden lg:block"}`}>
          {thread}
          <AccessNotice hasToken={token === undefined ? null : token !== null} isViewer={isViewer} />
          <div className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <GenerationProgress
              onCancel={ownerToken ? () => cancelGeneration({ sessionId, token: ownerToken }) : undefined}
              onRetry={ownerToken ? () => retryGeneration({ sessionId, token: ownerToken }) : undefined}
            />
          </div>
          <FollowUpForm projectToken={projectToken} onStarted={startedFollowUp} />
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
                void view(info, label);
                setPane("preview");
              }}
            />
          )}
        </div>
        <div data-testid="preview-pane" className={`min-w-0 ${pane === "preview" ? "grid" : "hidden lg:grid"}`}>
          <LivePreview
            sessionId={sessionId}
            token={token ?? null}
            basePreview={basePreview}
            view={versionView}
            onFixSiteError={isOwner && projectToken ? (message) => void fixSiteError(message) : undefined}
          />
        </div>
      </main>
      </SelectionProvider>
    </div>
  );
}
