"use client";

import { useGenerationStore } from "@/stores/generation-store-provider";

const box = "rounded-xl border p-4 text-sm";

/**
 * Explains why the workspace is not live: no token in this browser, or the server refused the
 * one we have. Renders nothing while things are fine.
 */
export function AccessNotice({ hasToken, isViewer }: { hasToken: boolean | null; isViewer: boolean }) {
  const refusal = useGenerationStore((s) => (s.connection.status === "refused" ? s.connection.error : null));
  if (hasToken === false) {
    return (
      <div data-testid="no-token" role="status" className={`${box} border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100`}>
        <p className="font-medium">This browser has no access token for this generation.</p>
        <p className="mt-1">
          You are seeing the state at the time this page loaded, without live updates. Open it in the browser where it was
          started, or ask its owner for a watch link.
        </p>
      </div>
    );
  }
  if (refusal) {
    const notFound = refusal.code === "NOT_FOUND";
    return (
      <div data-testid="access-refused" role="alert" className={`${box} border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100`}>
        <p className="font-medium">{notFound ? "This generation no longer exists on the server." : "The server did not accept this link's token."}</p>
        <p className="mt-1">
          {notFound
            ? "It may have been removed. Start a new generation from the home page."
            : isViewer
              ? "The watch link is wrong or has expired. Ask the owner for a new one."
              : "The token saved in this browser is wrong or has expired."}{" "}
          Live updates are stopped.
        </p>
        <p className="mt-1 font-mono text-xs opacity-70">{refusal.code}: {refusal.message}</p>
      </div>
    );
  }
  return null;
}
