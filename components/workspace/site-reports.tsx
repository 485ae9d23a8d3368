"use client";

import type { SiteReport } from "@/lib/client/frame-guard";

/**
 * What the generated site's own script reported (its runtime errors). The text comes from
 * generated code, so it is shown as the site's words — quoted, plain text, in a box labelled as
 * the site's — never styled like the app's own notices, and never as a link.
 */
export function SiteReports({ reports, onFix }: { reports: SiteReport[]; onFix?: (message: string) => void }) {
  if (reports.length === 0) return null;
  const newest = reports.at(-1)!;
  return (
    <aside
      aria-label="Reported by the generated site"
      data-testid="site-reports"
      className="border-b border-dashed border-amber-300 bg-amber-50/60 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/30 dark:text-amber-200"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          The generated site&apos;s script reported {reports.length === 1 ? "an error" : `${reports.length} errors`}
          <span className="font-normal opacity-75"> (from the site&apos;s code, not from OpenV0)</span>
        </p>
        {onFix && (
          <button
            type="button"
            data-testid="fix-site-error"
            onClick={() => onFix(newest.message)}
            className="rounded-md bg-amber-600 px-2 py-1 text-xs font-semibold text-white hover:bg-amber-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
          >
            Fix it
          </button>
        )}
      </div>
      <ul className="mt-1 space-y-0.5">
        {reports.map((r) => (
          <li key={r.message} data-testid="site-report" className="break-words font-mono">
            “{r.message}”{r.count > 1 && <span className="opacity-70"> ×{r.count}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}
