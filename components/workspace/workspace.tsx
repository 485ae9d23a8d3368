"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { GenerationState } from "@/lib/protocol";
import { useStoredSession } from "@/lib/client/session-storage";
import { GenerationStoreProvider } from "@/stores/generation-store-provider";
import { handOverBase } from "./follow-up-handoff";
import { SessionView } from "./session-view";

export interface WorkspaceProps {
  initialGeneration: GenerationState;
  heartbeatIntervalMs: number;
  /** Viewer token from a watch link (`?view=`); wins over tokens stored in this browser. */
  viewToken: string | null;
}

/**
 * The workspace of one generation (`/g/:id`): live progress and preview, fed by the session's
 * socket. The owner is taken to the project page at once (the same turn, the whole conversation:
 * the one page where a site is built and refined); a watch link (`?view=`) stays here.
 */
export function Workspace({ initialGeneration, heartbeatIntervalMs, viewToken }: WorkspaceProps) {
  const router = useRouter();
  const { session_id: sessionId, project_id: projectId } = initialGeneration;
  const stored = useStoredSession(sessionId);
  const projectHref = !viewToken && stored?.projectToken ? `/p/${encodeURIComponent(projectId)}` : null;
  useEffect(() => {
    if (projectHref) router.replace(`${projectHref}?turn=${encodeURIComponent(sessionId)}`);
  }, [projectHref, router, sessionId]);
  // Keyed by session: another session's page must start from its own snapshot, not this one's.
  return (
    <GenerationStoreProvider key={sessionId} initialGeneration={initialGeneration}>
      <SessionView
        sessionId={sessionId}
        heartbeatIntervalMs={heartbeatIntervalMs}
        viewToken={viewToken}
        headerLink={projectHref ? <ProjectLink href={projectHref} /> : null}
        onFollowUp={(created, base) => {
          handOverBase(created.sessionId, base);
          router.push(`/p/${encodeURIComponent(created.projectId)}?turn=${encodeURIComponent(created.sessionId)}`);
        }}
      />
    </GenerationStoreProvider>
  );
}

function ProjectLink({ href }: { href: string }) {
  return (
    <Link href={href} data-testid="open-project" className="rounded-lg px-2 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-950">
      Whole conversation →
    </Link>
  );
}
