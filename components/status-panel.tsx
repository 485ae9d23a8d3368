"use client";

import { useEffect, useState } from "react";
import { statsSchema, type Stats } from "@/lib/protocol";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Polls `/api/stats` and shows the node's live figures. */
export function StatusPanel() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const parsed = statsSchema.safeParse(await (await fetch("/api/stats", { cache: "no-store" })).json());
        if (stopped) return;
        if (parsed.success) {
          setStats(parsed.data);
          setError(null);
        } else setError("Unexpected answer from the server");
      } catch {
        if (!stopped) setError("Server unreachable");
      }
    };
    void load();
    const timer = setInterval(() => void load(), 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  const rows: Array<[string, string]> = stats
    ? [
        ["Socket connections", String(stats.total_connections)],
        ["Watched sessions", String(stats.active_sessions)],
        ["Running generations", String(stats.running_generations)],
        ["Queued generations", String(stats.queued_generations)],
        ["Memory (RSS)", mb(stats.memory_usage.rss)],
        ["Heap used", mb(stats.memory_usage.heap_used)],
        ["Uptime", `${Math.floor(stats.uptime)} s`],
      ]
    : [];

  return (
    <section aria-live="polite" className="mt-6" data-testid="status-panel">
      {error && <p className="rounded bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p>}
      {!stats && !error && <p className="text-sm text-zinc-500">Loading…</p>}
      <dl className="grid grid-cols-2 gap-3">
        {rows.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <dt className="text-xs uppercase tracking-wide text-zinc-500">{label}</dt>
            <dd className="mt-1 text-lg font-medium tabular-nums" data-testid={`stat-${label.toLowerCase().replace(/\W+/g, "-")}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
