"use client";

import { useEffect } from "react";
import { useShallow } from "zustand/react/shallow";
import { terminalStatuses, type ProjectTurn, type SessionStatus } from "@/lib/protocol";
import { formatSeconds } from "@/lib/client/time";
import { useGenerationStore } from "@/stores/generation-store-provider";

const statusWords: Record<SessionStatus, string> = {
  queued: "Queued",
  running: "Working",
  completed: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
  interrupted: "Interrupted",
};
const statusTone: Record<SessionStatus, string> = {
  queued: "text-zinc-600 dark:text-zinc-400",
  running: "text-indigo-700 dark:text-indigo-300",
  completed: "text-emerald-700 dark:text-emerald-400",
  failed: "text-red-700 dark:text-red-400",
  cancelled: "text-zinc-600 dark:text-zinc-400",
  interrupted: "text-amber-700 dark:text-amber-400",
};

export interface TurnListProps {
  turns: ProjectTurn[];
  activeId: string;
  onSelect: (sessionId: string) => void;
  /** The active turn stopped: the list's summaries and versions are out of date. */
  onActiveSettled: () => void;
}

/**
 * The project's conversation: every prompt and follow-up as a turn with its status, summary,
 * duration and version. The active turn's card follows its live state from the store.
 */
export function TurnList({ turns, activeId, onSelect, onActiveSettled }: TurnListProps) {
  const live = useGenerationStore(
    useShallow((s) => ({ status: s.generation.status, total: s.generation.total_time, message: s.generation.message, code: s.generation.error?.code ?? null })),
  );
  const settled = terminalStatuses.includes(live.status);
  // Back online after an outage: what the list says (or its load error) may be out of date.
  const online = useGenerationStore((s) => s.connection.status === "live");
  useEffect(() => {
    if (settled || online) onActiveSettled();
  }, [settled, online, onActiveSettled]);

  return (
    <section aria-labelledby="thread-heading" data-testid="thread" data-count={turns.length} className="rounded-xl border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="thread-heading" className="px-2 pt-1 pb-2 text-sm font-semibold">Conversation</h2>
      <ol className="space-y-1">
        {turns.map((turn, index) => {
          const active = turn.sessionId === activeId;
          const status = active ? live.status : turn.status;
          const total = active ? live.total : turn.totalTime;
          const summary = active && !settled ? live.message : turn.summary;
          // A follow-up that changed nothing is an answer, not a failure: said in plain words, not red.
          const notApplied = status === "failed" && (active ? live.code : turn.errorCode) === "NOT_APPLIED";
          return (
            <li key={turn.sessionId}>
              <button
                type="button"
                data-testid="turn"
                data-session-id={turn.sessionId}
                data-status={status}
                aria-current={active ? "true" : undefined}
                onClick={() => onSelect(turn.sessionId)}
                className={`w-full rounded-lg px-2 py-2 text-left transition focus-visible:outline-2 focus-visible:outline-indigo-500 ${active ? "bg-indigo-50 dark:bg-indigo-950/40" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/60"}`}
              >
                <span className="flex items-baseline justify-between gap-2 text-xs">
                  <span className="text-zinc-500 dark:text-zinc-400">{index === 0 ? "First prompt" : `Follow-up ${index}`}</span>
                  <span className="flex shrink-0 items-baseline gap-2 tabular-nums">
                    {turn.version !== null && (
                      <span data-testid="turn-version" className="rounded bg-zinc-100 px-1 font-mono font-semibold text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">v{turn.version}</span>
                    )}
                    <span data-testid="turn-status" data-outcome={notApplied ? "not-applied" : undefined} className={`font-medium ${notApplied ? statusTone.cancelled : statusTone[status]}`}>
                      {notApplied ? "Not applied" : statusWords[status]}
                    </span>
                    {total !== null && total > 0 && <span data-testid="turn-duration" className="text-zinc-500">{formatSeconds(total)}</span>}
                  </span>
                </span>
                <span data-testid="turn-prompt" className="mt-0.5 line-clamp-2 block text-sm break-words text-zinc-900 dark:text-zinc-100">{turn.prompt}</span>
                <span data-testid="turn-summary" className={`mt-0.5 block text-xs ${notApplied ? "" : "truncate"} text-zinc-500 dark:text-zinc-400`}>{summary}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
