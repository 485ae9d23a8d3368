"use client";

import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import type { SessionStatus } from "@/lib/protocol";
import { describeApiError } from "@/lib/client/generation-api";
import { countDown, formatSeconds, secondsSince, useNow } from "@/lib/client/time";
import { useGenerationStore } from "@/stores/generation-store-provider";
import { echoesTitle, StepList } from "./step-list";

const statusText: Record<SessionStatus, string> = {
  queued: "Queued",
  running: "Generating",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
  interrupted: "Interrupted",
};

const statusTone: Record<SessionStatus, string> = {
  queued: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  running: "bg-indigo-100 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300",
  completed: "bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300",
  cancelled: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  interrupted: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
};

const errorTone = {
  neutral: "border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200",
  error: "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200",
} as const;

/**
 * A stop in plain words. Cancel and interruption are not failures: no red, no raw code, and the
 * server's wording of the moment ("The server is restarting…") is replaced by what is true now.
 */
export function plainError(code: string, message: string): { title: string; detail: string | null; tone: keyof typeof errorTone } {
  if (code === "CANCELLED") return { title: "Cancelled", detail: "You stopped this generation. Retry continues from the step that was running.", tone: "neutral" };
  if (code === "INTERRUPTED") {
    return { title: "Interrupted", detail: "The server stopped while this was running. Retry continues from the step that was interrupted.", tone: "warning" };
  }
  // An edit the engine could not make is an answer, not a breakage: what it understood, and what it can do.
  if (code === "NOT_APPLIED") return { title: "Not applied", detail: message.replace(/^Not applied:\s*/, ""), tone: "neutral" };
  return { title: "The generation stopped", detail: message, tone: "error" };
}

export interface GenerationProgressProps {
  /** Owner actions; buttons only show for the owner role and when a handler is given. */
  onCancel?: () => Promise<unknown>;
  onRetry?: () => Promise<unknown>;
}

const buttonClass =
  "rounded-lg px-3 py-1.5 text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500";

/** Progress of the generation: bar, current step, step list, elapsed/ETA, cancel and retry. */
export function GenerationProgress({ onCancel, onRetry }: GenerationProgressProps) {
  const g = useGenerationStore(
    useShallow((s) => ({
      status: s.generation.status,
      progress: s.generation.progress,
      message: s.generation.message,
      currentTitle: s.generation.steps.find((step) => step.step_id === s.generation.current_step_id)?.title ?? null,
      error: s.generation.error,
      estimate: s.generation.estimated_remaining,
      updatedAt: s.generation.updated_at,
      // A model engine's planning step runs before the run announces itself: count from it.
      startedAt: s.generation.started_at,
      totalTime: s.generation.total_time,
    })),
  );
  const isOwner = useGenerationStore((s) => s.role === "owner");
  const offset = useGenerationStore((s) => s.clockOffsetMs);
  // Count time only while updates can arrive; once the link is lost the clocks stop where it was
  // lost (nothing is known after that), and a page that never had live updates shows no clock.
  const counting = useGenerationStore((s) => s.connection.status === "connecting" || s.connection.status === "live");
  const lostAt = useGenerationStore((s) => s.connection.lostAt);
  const now = useNow();
  const clientNow = counting ? now : lostAt;
  const serverNow = clientNow === null ? null : clientNow - offset;
  const [busy, setBusy] = useState<"cancel" | "retry" | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const running = g.status === "running" || g.status === "queued";
  const connectionLost = running && lostAt !== null && !counting;
  const elapsed = g.totalTime ?? (running && serverNow !== null ? secondsSince(g.startedAt, serverNow) : null);
  const eta = g.status === "running" && serverNow !== null ? countDown(g.estimate, g.updatedAt, serverNow) : null;
  const percent = Math.round(g.progress);
  const stopped = g.error !== null && !running;
  const plain = g.error ? plainError(g.error.code, g.error.message) : null;
  const notApplied = g.status === "failed" && g.error?.code === "NOT_APPLIED";
  const showMessage = !stopped && !connectionLost;
  const canCancel = isOwner && onCancel && running;
  const canRetry = isOwner && onRetry && !running && g.status !== "completed" && g.error?.retry_available === true;

  async function act(kind: "cancel" | "retry", action: () => Promise<unknown>) {
    setBusy(kind);
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(describeApiError(error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="progress-heading" data-testid="generation-progress" data-status={g.status} data-connection-lost={connectionLost} className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <h2 id="progress-heading" className="text-sm font-semibold">Progress</h2>
        <span data-testid="generation-status" className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${connectionLost ? statusTone.interrupted : notApplied ? statusTone.cancelled : statusTone[g.status]}`}>
          {connectionLost ? "Connection lost" : notApplied ? "Not applied" : statusText[g.status]}
        </span>
      </div>

      <div>
        <div
          role="progressbar"
          aria-label="Generation progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          data-testid="progress-bar"
          className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div
            className={`h-full rounded-full transition-[width] duration-500 ease-out ${notApplied ? "bg-zinc-400" : g.status === "failed" ? "bg-red-500" : g.status === "interrupted" ? "bg-amber-500" : g.status === "cancelled" ? "bg-zinc-400" : g.status === "completed" ? "bg-emerald-500" : "bg-indigo-500"}`}
            style={{ width: `${percent}%` }}
          />
        </div>
        <div className="mt-2 flex items-center justify-between text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
          <span data-testid="progress-percent" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{percent}%</span>
          <span>
            <span data-testid="elapsed">Elapsed {elapsed === null ? "—" : formatSeconds(elapsed)}</span>
            {eta !== null && !connectionLost && <span data-testid="eta"> · about {formatSeconds(eta)} left</span>}
            {connectionLost && <span data-testid="eta-paused"> · paused until the connection is back</span>}
          </span>
        </div>
      </div>

      <div aria-live="polite" data-testid="progress-live" className="text-sm">
        {g.currentTitle && <p className="font-medium">{showMessage && echoesTitle(g.message, g.currentTitle) ? g.message : g.currentTitle}</p>}
        {/* Once stopped, the message is the error's, shown (and announced) in the box below. */}
        {showMessage && !echoesTitle(g.message, g.currentTitle) && <p className="text-zinc-600 dark:text-zinc-400">{g.message}</p>}
        {connectionLost && (
          <p data-testid="connection-lost-note" className="text-amber-800 dark:text-amber-300">
            Connection to the server lost. The generation goes on without you; what happened meanwhile appears when the connection is back.
          </p>
        )}
      </div>

      {stopped && g.error && plain && (
        <div
          data-testid="generation-error"
          data-code={g.error.code}
          role={plain.tone === "neutral" ? "status" : "alert"}
          className={`rounded-lg border p-3 text-sm ${errorTone[plain.tone]}`}
        >
          <p className="font-medium">{plain.title}</p>
          {plain.detail && <p className="mt-1">{plain.detail}</p>}
          {/* A code helps only when something broke; "cancelled" needs no code. */}
          {plain.tone === "error" && <p className="mt-1 font-mono text-xs opacity-70">{g.error.code}</p>}
        </div>
      )}

      {(canCancel || canRetry || actionError) && (
        <div className="flex flex-wrap items-center gap-2">
          {canCancel && (
            <button
              type="button"
              data-testid="cancel-button"
              disabled={busy !== null}
              onClick={() => void act("cancel", onCancel)}
              className={`${buttonClass} border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800`}
            >
              {busy === "cancel" ? "Cancelling…" : "Cancel"}
            </button>
          )}
          {canRetry && (
            <button
              type="button"
              data-testid="retry-button"
              disabled={busy !== null}
              onClick={() => void act("retry", onRetry)}
              className={`${buttonClass} bg-indigo-600 text-white hover:bg-indigo-500`}
            >
              {busy === "retry" ? "Retrying…" : "Retry"}
            </button>
          )}
          {actionError && (
            <p role="alert" data-testid="action-error" className="text-sm text-red-600 dark:text-red-400">
              {actionError}
            </p>
          )}
        </div>
      )}

      <StepList serverNow={serverNow} />
    </section>
  );
}
