"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createInitialState, type CreateGenerationResponse, type GenerationState, type ProjectTurn, type ProjectTurnNotice } from "@/lib/protocol";
import { describeApiError, fetchSnapshot } from "@/lib/client/generation-api";
import { fetchTurns } from "@/lib/client/project-api";
import { useStoredSessions, type StoredSession } from "@/lib/client/session-storage";
import { GenerationStoreProvider } from "@/stores/generation-store-provider";
import type { BasePreview } from "@/components/workspace/live-preview";
import { readHandedOverBase } from "@/components/workspace/follow-up-handoff";
import { SessionView } from "@/components/workspace/session-view";
import { ProjectShareButton } from "./project-share-button";
import { PromptQueue } from "./prompt-queue";
import { PublishControls } from "./publish-controls";
import { TurnList } from "./turn-list";
import { usePromptQueue } from "./use-prompt-queue";

export interface ProjectWorkspaceProps {
  projectId: string;
  heartbeatIntervalMs: number;
  /** `?turn=`: the turn to open (a reload keeps the one that was open). */
  initialTurn: string | null;
  /** `?view=`: the project's read-only share token; the page then only watches, in any browser. */
  viewToken: string | null;
  /**
   * The `?turn=` session's folded state, server-rendered so a reload paints the progress and preview
   * so far at once (no flash back to 0) before this browser's tokens are read.
   */
  initialTurnState?: GenerationState | null;
}

type Load = { state: "loading" } | { state: "ready"; turns: ProjectTurn[] } | { state: "error"; message: string };

/** A turn as this browser first knows it, before the server lists it. */
const localTurn = (record: StoredSession): ProjectTurn => ({
  sessionId: record.sessionId, prompt: record.prompt, status: "queued", createdAt: record.createdAt,
  baseVersion: null, version: null, totalTime: null, summary: "Starting…", siteName: null,
});

/**
 * The project page: the whole conversation on one page. Each prompt and follow-up is a turn; the
 * open turn has the full workspace (live progress, preview, versions). A follow-up becomes the
 * next turn here, started on top of the current site, without leaving the page.
 */
export function ProjectWorkspace({ projectId, heartbeatIntervalMs, initialTurn, viewToken, initialTurnState = null }: ProjectWorkspaceProps) {
  const all = useStoredSessions(Infinity);
  const records = useMemo(() => all?.filter((r) => r.projectId === projectId), [all, projectId]);
  // A share link never writes, even in the browser that owns the project.
  const projectToken = viewToken ? null : (records?.find((r) => r.projectToken)?.projectToken ?? null);
  const accessToken = viewToken ?? projectToken;
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [reloads, setReloads] = useState(0);
  const [active, setActive] = useState<string | null>(initialTurn);
  const [base, setBase] = useState<BasePreview | null>(() => readHandedOverBase(initialTurn));

  useEffect(() => {
    if (!accessToken) return;
    let current = true;
    fetchTurns({ projectId, projectToken: accessToken }).then(
      (body) => {
        if (!current) return;
        setLoad({ state: "ready", turns: body.turns });
        // The newest turn is opened once, then kept: a turn added later (in another tab) is opened
        // by useFollowNewTurns, which carries the site on screen over, never by this default.
        setActive((open) => open ?? body.turns.at(-1)?.sessionId ?? null);
      },
      (error: unknown) => current && setLoad({ state: "error", message: describeApiError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [projectId, accessToken, reloads]);

  // The server's list, plus turns this browser started that it does not list yet.
  const turns = useMemo(() => {
    const listed = load.state === "ready" ? load.turns : [];
    const known = new Set(listed.map((t) => t.sessionId));
    const extra = viewToken ? [] : (records ?? []).filter((r) => !known.has(r.sessionId)).map(localTurn);
    return [...listed, ...extra].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }, [load, records, viewToken]);
  const activeId = active ?? turns.at(-1)?.sessionId ?? null;
  useBaseFromPreviousTurn({ turns, activeId, records, viewToken: viewToken ?? projectToken, base, setBase });
  const queue = usePromptQueue(projectId, accessToken, reloads);

  const select = useCallback((sessionId: string, nextBase: BasePreview | null = null) => {
    setActive(sessionId);
    setBase(nextBase);
    // Keeps `?view=` (a share link stays one after a click) and sets the open turn.
    const query = new URLSearchParams(window.location.search);
    query.set("turn", sessionId);
    window.history.replaceState(null, "", `?${query.toString()}`);
  }, []);
  const onFollowUp = useCallback(
    (created: Pick<CreateGenerationResponse, "sessionId">, nextBase: BasePreview | null) => {
      select(created.sessionId, nextBase);
      setReloads((n) => n + 1);
    },
    [select],
  );
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  // A turn the server started (a queued prompt, a restore) opens at once: the project token reads it.
  const onProjectTurn = useFollowNewTurns({ activeId, latestId: turns.at(-1)?.sessionId ?? null, records, viewToken: viewToken ?? projectToken, select, reload });

  // Before this browser's tokens are read (the server render, the first paint), the turn opened by
  // `?turn=` shows its server-rendered state; everything that needs a token comes after hydration.
  const early = initialTurnState !== null && initialTurnState.session_id === activeId;
  if (!early && (records === undefined || (viewToken && load.state === "loading"))) {
    return <p className="p-6 text-sm text-zinc-500">Loading the conversation…</p>;
  }
  if (viewToken && load.state === "error") return <ShareLinkRefused message={load.message} />;
  if (!early && (!accessToken || !activeId)) return <NotInThisBrowser />;
  if (!activeId) return <NotInThisBrowser />;

  return (
    // Not keyed by turn: a new turn swaps the store, and the preview frame stays loaded (never blank).
    <GenerationStoreProvider storeKey={activeId} initialGeneration={early ? initialTurnState : createInitialState(activeId, projectId)}>
      <SessionView
        sessionId={activeId}
        ownerProjectToken={projectToken}
        publishControls={projectToken ? <PublishControls projectId={projectId} projectToken={projectToken} /> : undefined}
        queueWaiting={queue.length > 0}
        onQueued={(queued, nextBase) => (queued.startedSessionId ? onFollowUp({ sessionId: queued.startedSessionId }, nextBase) : reload())}
        onRestored={(restored, nextBase) => onFollowUp({ sessionId: restored.sessionId }, nextBase)}
        heartbeatIntervalMs={heartbeatIntervalMs}
        viewToken={viewToken}
        onProjectTurn={onProjectTurn}
        // The owner may also share one turn's watch link; from a project share link it would
        // carry the project's read-only token, so it is not offered there.
        canShareSession={!viewToken}
        headerLink={projectToken && records ? <ProjectShareButton projectId={projectId} projectToken={projectToken} records={records} /> : undefined}
        basePreview={base?.sessionId === activeId ? null : base}
        onFollowUp={onFollowUp}
        thread={
          <>
            <TurnList turns={turns} activeId={activeId} onSelect={(id) => select(id)} onActiveSettled={reload} />
            <PromptQueue items={queue} projectId={projectId} projectToken={projectToken} onChanged={reload} />
            {load.state === "error" && (
              <p role="alert" data-testid="thread-error" className="text-sm text-red-700 dark:text-red-300">
                Could not load the conversation: {load.message}
              </p>
            )}
          </>
        }
      />
    </GenerationStoreProvider>
  );
}

/**
 * The thread stays live when the conversation moves on elsewhere (the owner in another tab, or
 * seen from a share link): every `project:turn` notice reloads the turn list, and a new turn is
 * opened, on top of what is on screen, if the newest turn was the one open (like a chat that
 * follows its last message). It opens once this page can read it: at once with a share link
 * (its token reads every turn), or once the other tab has stored the new turn's token here.
 */
function useFollowNewTurns(input: {
  activeId: string | null;
  latestId: string | null;
  records: StoredSession[] | undefined;
  viewToken: string | null;
  select: (sessionId: string, base: BasePreview | null) => void;
  reload: () => void;
}) {
  const { activeId, latestId, records, viewToken, select, reload } = input;
  const pending = useRef<{ sessionId: string; base: BasePreview | null } | null>(null);
  const [noticed, setNoticed] = useState(0);
  useEffect(() => {
    const next = pending.current;
    if (!next || !(viewToken !== null || records?.some((r) => r.sessionId === next.sessionId && r.token))) return;
    pending.current = null;
    select(next.sessionId, next.base);
  }, [noticed, records, viewToken, select]);
  return useCallback(
    (notice: ProjectTurnNotice, base: BasePreview | null) => {
      reload();
      const following = activeId !== null && activeId === latestId;
      if (notice.change !== "started" || !following || notice.session_id === activeId) return;
      pending.current = { sessionId: notice.session_id, base };
      setNoticed((n) => n + 1);
    },
    [reload, activeId, latestId],
  );
}

/**
 * A turn that has not written its own site yet shows the previous turn's (the version it edits),
 * loaded with that turn's token kept in this browser; so opening a just-started follow-up, or
 * arriving from `/g`, never shows an empty frame.
 */
function useBaseFromPreviousTurn(input: {
  turns: ProjectTurn[];
  activeId: string | null;
  records: StoredSession[] | undefined;
  viewToken: string | null;
  base: BasePreview | null;
  setBase: (base: BasePreview) => void;
}) {
  const { turns, activeId, records, viewToken, base, setBase } = input;
  const index = turns.findIndex((t) => t.sessionId === activeId);
  const previous = index > 0 ? turns[index - 1] : undefined;
  // The project's share token reads every turn of the project as a viewer.
  const token = previous && (viewToken ?? records?.find((r) => r.sessionId === previous.sessionId)?.token);
  const needed = previous !== undefined && token !== undefined && base === null;
  useEffect(() => {
    if (!needed || !previous || !token) return;
    let current = true;
    fetchSnapshot({ sessionId: previous.sessionId, token }).then(
      (snapshot) => {
        if (current && snapshot.preview) setBase({ sessionId: previous.sessionId, preview: snapshot.preview });
      },
      () => undefined, // Without a base the frame shows its empty state until the turn writes.
    );
    return () => {
      current = false;
    };
  }, [needed, previous, token, setBase]);
}

function ShareLinkRefused({ message }: { message: string }) {
  return (
    <main data-testid="project-unavailable" className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-lg font-semibold">This link does not open the conversation</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{message} A newer link may have replaced it; ask its owner for the current one.</p>
      <Link href="/" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Go to OpenV0
      </Link>
    </main>
  );
}

function NotInThisBrowser() {
  return (
    <main data-testid="project-unavailable" className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-lg font-semibold">This conversation is not in this browser</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A project opens in the browser that started it (its key is kept there). A watch link shared with you opens one generation.
      </p>
      <Link href="/" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Go to OpenV0
      </Link>
    </main>
  );
}
