"use client";

import Link from "next/link";
import { useStoredSessions } from "@/lib/client/session-storage";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The generations started in this browser (from localStorage), newest first. */
export function RecentGenerations() {
  const sessions = useStoredSessions();
  // Unknown during the server render: render nothing rather than a misleading empty state.
  if (sessions === undefined) return null;
  return (
    <section aria-labelledby="recent-heading" className="space-y-3">
      <h2 id="recent-heading" className="text-sm font-semibold">Recent generations</h2>
      {sessions.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Generations you start in this browser appear here.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {sessions.map((s) => (
            <li key={s.sessionId}>
              <Link
                href={`/g/${s.sessionId}`}
                data-testid="recent-generation"
                className="flex items-center justify-between gap-4 px-4 py-3 text-sm transition hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
              >
                <span className="min-w-0 truncate">{s.prompt}</span>
                <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
                  {Number.isNaN(Date.parse(s.createdAt)) ? "" : dateFormat.format(new Date(s.createdAt))}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
