"use client";

import { useEffect, useState } from "react";
import type { SessionStatus } from "@/lib/protocol";
import { fetchSnapshot } from "@/lib/client/generation-api";
import { fetchTurns } from "@/lib/client/project-api";
import type { StoredSession } from "@/lib/client/session-storage";

export interface ProjectSummary {
  /** The name the server holds (a rename), else the current site's own name. */
  name: string | null;
  status: SessionStatus;
  /** The turn that made the current version: its `/preview/:id` is the thumbnail. */
  currentSessionId: string | null;
  turnCount: number;
  updatedAt: string;
}

/**
 * What Home shows of a project, asked of the server: its conversation with the project token (or
 * its share token), else the latest session's snapshot with that session's token. null until known.
 */
export function useProjectSummary(turns: StoredSession[]): ProjectSummary | null {
  const latest = turns[0]!;
  const projectToken = turns.find((t) => t.projectToken)?.projectToken ?? turns.find((t) => t.projectViewerToken)?.projectViewerToken;
  const sessionToken = latest.token ?? latest.viewerToken;
  const [summary, setSummary] = useState<ProjectSummary | null>(null);
  useEffect(() => {
    let current = true;
    const load: Promise<ProjectSummary | null> = projectToken
      ? fetchTurns({ projectId: latest.projectId, projectToken }).then((body) => {
          const last = body.turns.at(-1);
          const made = body.turns.findLast((t) => t.version !== null);
          return last
            ? { name: body.name ?? made?.siteName ?? last.siteName, status: last.status, currentSessionId: made?.sessionId ?? null, turnCount: body.turns.length, updatedAt: last.createdAt }
            : null;
        })
      : sessionToken
        ? fetchSnapshot({ sessionId: latest.sessionId, token: sessionToken }).then((s) => ({
            name: null, status: s.status, currentSessionId: s.preview ? latest.sessionId : null, turnCount: turns.length, updatedAt: latest.createdAt,
          }))
        : Promise.resolve(null);
    load.then(
      (value) => current && setSummary(value),
      () => undefined, // Unknown (deleted data, network): the card shows what this browser knows.
    );
    return () => {
      current = false;
    };
  }, [latest.projectId, latest.sessionId, latest.createdAt, projectToken, sessionToken, turns.length]);
  return summary;
}
