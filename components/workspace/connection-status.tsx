"use client";

import { useShallow } from "zustand/react/shallow";
import { useNow } from "@/lib/client/time";
import { useGenerationStore } from "@/stores/generation-store-provider";
import type { ConnectionStatus as Status } from "@/stores/generation-store";

const tone: Record<Status, string> = {
  idle: "bg-zinc-400",
  connecting: "bg-sky-500 animate-pulse",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500 animate-pulse",
  offline: "bg-zinc-500",
  refused: "bg-red-500",
};

function describe(status: Status, attempt: number, retryInSeconds: number | null): string {
  switch (status) {
    case "idle":
      return "Not connected";
    case "connecting":
      return "Connecting…";
    case "live":
      return "Live";
    case "reconnecting":
      return retryInSeconds === null
        ? `Reconnecting · attempt ${attempt}…`
        : `Reconnecting · attempt ${attempt} in ${retryInSeconds} s`;
    case "offline":
      return "Offline";
    case "refused":
      return "Access refused";
  }
}

/** Live / Reconnecting (attempt, next retry) / Offline, driven by the socket and its heartbeat. */
export function ConnectionStatus({ onReconnect, hasToken = true }: { onReconnect?: () => void; hasToken?: boolean | null }) {
  const { status: stored, attempt, nextRetryAt } = useGenerationStore(
    useShallow((s) => ({ status: s.connection.status, attempt: s.connection.attempt, nextRetryAt: s.connection.nextRetryAt })),
  );
  // Before hydration the token is unknown: say "Connecting…" rather than flash "Not connected".
  const status: Status = stored === "idle" && hasToken === null ? "connecting" : stored;
  const now = useNow();
  const retryIn = nextRetryAt !== null && now !== null ? Math.max(0, Math.ceil((nextRetryAt - now) / 1000)) : null;
  const label = describe(status, attempt, retryIn);
  return (
    <div className="flex items-center gap-2">
      <span
        data-testid="connection-status"
        data-status={status}
        role="status"
        className="inline-flex items-center gap-2 rounded-full border border-zinc-200 bg-white px-3 py-1 text-xs font-medium text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
      >
        <span aria-hidden className={`size-2 rounded-full ${tone[status]}`} />
        {label}
      </span>
      {(status === "offline" || status === "reconnecting") && onReconnect && (
        <button
          type="button"
          data-testid="reconnect-now"
          onClick={onReconnect}
          className="rounded-full px-2 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-950"
        >
          {status === "offline" ? "Reconnect" : "Retry now"}
        </button>
      )}
    </div>
  );
}
