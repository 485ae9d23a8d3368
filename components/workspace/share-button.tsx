"use client";

import { useState } from "react";

/** Copies a read-only watch link (`/g/:id?view=<viewerToken>`); falls back to showing it. */
export function ShareButton({ sessionId, viewerToken }: { sessionId: string; viewerToken: string | null }) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  if (!viewerToken) return null;

  async function share() {
    const link = `${window.location.origin}/g/${encodeURIComponent(sessionId)}?view=${encodeURIComponent(viewerToken!)}`;
    try {
      await navigator.clipboard.writeText(link);
      setState("copied");
      setTimeout(() => setState("idle"), 2000);
    } catch {
      // Clipboard needs a secure context and permission; show the link to copy by hand instead.
      setState("manual");
    }
  }

  return (
    <div className="relative">
      <button
        type="button"
        data-testid="share-button"
        onClick={() => void share()}
        className="rounded-lg border border-zinc-300 px-3 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {state === "copied" ? "Link copied" : "Share watch link"}
      </button>
      {state === "manual" && (
        <input
          readOnly
          autoFocus
          aria-label="Read-only watch link"
          data-testid="share-link"
          onFocus={(e) => e.currentTarget.select()}
          value={`${window.location.origin}/g/${sessionId}?view=${viewerToken}`}
          className="absolute right-0 top-full z-10 mt-2 w-72 rounded-lg border border-zinc-300 bg-white p-2 font-mono text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        />
      )}
    </div>
  );
}
