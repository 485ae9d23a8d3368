"use client";

import Link from "next/link";
import type { GenerationState } from "@/lib/protocol";
import { cancelGeneration, retryGeneration } from "@/lib/client/generation-api";
import { useStoredSession } from "@/lib/client/session-storage";
import { useWebSocket } from "@/lib/client/use-web-socket";
import { GenerationStoreProvider, useGenerationStore } from "@/stores/generation-store-provider";
import { AccessNotice } from "./access-notice";
import { ConnectionStatus } from "./connection-status";
import { FollowUpForm } from "./follow-up-form";
import { GenerationProgress } from "./generation-progress";
import { LivePreview } from "./live-preview";
import { ShareButton } from "./share-button";
import { VersionsPanel } from "./versions-panel";

export interface WorkspaceProps {
  initialGeneration: GenerationState;
  heartbeatIntervalMs: number;
  /** Viewer token from a watch link (`?view=`); wins over tokens stored in this browser. */
  viewToken: string | null;
}

/** The workspace of one generation: live progress and preview, fed by the session's socket. */
export function Workspace({ initialGeneration, heartbeatIntervalMs, viewToken }: WorkspaceProps) {
  // Keyed by session: a follow-up navigates from /g/A to /g/B, which may reuse this component,
  // and the store must start from B's snapshot instead of carrying A's state over.
  return (
    <GenerationStoreProvider key={initialGeneration.session_id} initialGeneration={initialGeneration}>
      <WorkspaceBody sessionId={initialGeneration.session_id} heartbeatIntervalMs={heartbeatIntervalMs} viewToken={viewToken} />
    </GenerationStoreProvider>
  );
}

function WorkspaceBody({ sessionId, heartbeatIntervalMs, viewToken }: { sessionId: string; heartbeatIntervalMs: number; viewToken: string | null }) {
  const stored = useStoredSession(sessionId);
  // undefined while localStorage is unknown (server render, hydration); null when there is none.
  const token = viewToken ?? (stored === undefined ? undefined : (stored?.token ?? stored?.viewerToken ?? null));
  const { reconnect } = useWebSocket({ sessionId, token: token ?? null, heartbeatIntervalMs });
  const prompt = useGenerationStore((s) => s.prompt) ?? stored?.prompt ?? null;
  const isViewer = useGenerationStore((s) => s.role === "viewer") || (viewToken !== null && !stored?.token);
  const ownerToken = viewToken ? null : (stored?.token ?? null);
  // A watch link never edits the project, even in the browser that owns it.
  const projectToken = viewToken ? null : (stored?.projectToken ?? null);
  const lastSeq = useGenerationStore((s) => s.generation.last_seq);
  const refused = useGenerationStore((s) => s.connection.status === "refused");

  return (
    <div data-testid="workspace" data-last-seq={lastSeq} className="mx-auto flex min-h-screen w-full max-w-[1600px] flex-col">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <Link href="/" className="text-base font-semibold tracking-tight">
          Open<span className="text-indigo-600 dark:text-indigo-400">V0</span>
        </Link>
        <p data-testid="workspace-prompt" className="min-w-0 flex-1 basis-40 truncate text-sm text-zinc-600 dark:text-zinc-400" title={prompt ?? undefined}>
          {prompt ?? "Generation"}
        </p>
        <div className="flex items-center gap-2">
          {isViewer && (
            <span data-testid="viewer-badge" className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
              View only
            </span>
          )}
          <ConnectionStatus onReconnect={reconnect} hasToken={token === undefined ? null : token !== null} />
          {!refused && <ShareButton sessionId={sessionId} viewerToken={viewToken ?? stored?.viewerToken ?? null} />}
        </div>
      </header>

      {/* Two rows on wide screens (sidebar, then versions; the preview spans both) so that on a
          phone the single column reads: progress and edit box, the preview, then the versions. */}
      <main className="grid flex-1 gap-4 p-4 lg:grid-cols-[minmax(280px,380px)_minmax(0,1fr)] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 space-y-4">
          <AccessNotice hasToken={token === undefined ? null : token !== null} isViewer={isViewer} />
          <div className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <GenerationProgress
              onCancel={ownerToken ? () => cancelGeneration({ sessionId, token: ownerToken }) : undefined}
              onRetry={ownerToken ? () => retryGeneration({ sessionId, token: ownerToken }) : undefined}
            />
          </div>
          <FollowUpForm projectToken={projectToken} />
        </div>
        {/* A grid of one, so the preview still stretches to the full height of its cell. */}
        <div className="grid min-w-0 lg:row-span-2">
          <LivePreview sessionId={sessionId} token={token ?? null} />
        </div>
        {projectToken && (
          <div className="min-w-0 lg:col-start-1 lg:row-start-2 lg:self-start">
            <VersionsPanel projectToken={projectToken} />
          </div>
        )}
      </main>
    </div>
  );
}
