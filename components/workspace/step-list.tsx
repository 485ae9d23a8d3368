"use client";

import type { StepSnapshot } from "@/lib/protocol";
import { formatSeconds, secondsSince } from "@/lib/client/time";
import { useGenerationStore } from "@/stores/generation-store-provider";

/** A step's message that only repeats its title ("Styling" / "Styling…") is shown once. */
export const echoesTitle = (message: string, title: string | null | undefined) =>
  Boolean(title) && (message === title || message === `${title}…`);

const statusLabel: Record<StepSnapshot["status"], string> = {
  pending: "Pending",
  in_progress: "In progress",
  completed: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
  interrupted: "Interrupted",
};

function StepIcon({ status }: { status: StepSnapshot["status"] }) {
  const base = "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-[11px] font-bold";
  if (status === "completed") return <span aria-hidden className={`${base} bg-emerald-500 text-white`}>✓</span>;
  if (status === "failed") return <span aria-hidden className={`${base} bg-red-500 text-white`}>!</span>;
  if (status === "interrupted") return <span aria-hidden className={`${base} bg-amber-500 text-white`}>‖</span>;
  if (status === "cancelled") return <span aria-hidden className={`${base} bg-zinc-400 text-white dark:bg-zinc-600`}>×</span>;
  if (status === "in_progress") {
    return (
      <span aria-hidden className={`${base} border-2 border-indigo-500`}>
        <span className="size-2 animate-pulse rounded-full bg-indigo-500" />
      </span>
    );
  }
  return <span aria-hidden className={`${base} border-2 border-zinc-300 dark:border-zinc-700`} />;
}

function stepDuration(step: StepSnapshot, serverNow: number | null): string | null {
  if (step.duration !== null) return formatSeconds(step.duration);
  if (step.status === "in_progress" && serverNow !== null) {
    const running = secondsSince(step.started_at, serverNow);
    return running === null ? null : formatSeconds(running);
  }
  return null;
}

/** The plan's steps with their state (pending / in progress / done / failed / cancelled / interrupted) and durations. */
export function StepList({ serverNow }: { serverNow: number | null }) {
  // The reducer only replaces this array when a step changes, so previews don't re-render it.
  const steps = useGenerationStore((s) => s.generation.steps);
  if (steps.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">The plan appears as soon as the generation starts.</p>;
  }
  return (
    <ol className="space-y-1" data-testid="step-list">
      {steps.map((step) => {
        const duration = stepDuration(step, serverNow);
        return (
          <li
            key={step.step_id}
            data-testid="step-item"
            data-step-id={step.step_id}
            data-status={step.status}
            className={`flex gap-3 rounded-lg px-2 py-2 ${step.status === "in_progress" ? "bg-indigo-50 dark:bg-indigo-950/40" : ""}`}
          >
            <StepIcon status={step.status} />
            <div className="min-w-0 flex-1">
              <div className="flex items-baseline justify-between gap-2">
                <span className={`truncate text-sm font-medium ${step.status === "pending" ? "text-zinc-500 dark:text-zinc-400" : ""}`}>
                  {step.title}
                </span>
                <span className="shrink-0 text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
                  {statusLabel[step.status]}
                  {duration && <> · {duration}</>}
                </span>
              </div>
              {step.message && step.status !== "pending" && !echoesTitle(step.message, step.title) && (
                <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{step.message}</p>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
