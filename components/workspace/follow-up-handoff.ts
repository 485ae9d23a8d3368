import type { BasePreview } from "./live-preview";

/*
 * A follow-up typed on `/g` continues on the project page, reached by a client-side navigation:
 * the version on screen is handed over in memory, so the new page shows it from its first render
 * instead of the empty frame until it has fetched the previous turn again.
 */
const handedOver = new Map<string, BasePreview>();

/** Keeps what was on screen when the follow-up `sessionId` started (only the newest: one navigation at a time). */
export function handOverBase(sessionId: string, base: BasePreview | null): void {
  handedOver.clear();
  if (base) handedOver.set(sessionId, base);
}

/** What was on screen when the follow-up `sessionId` started in this tab, if it started here. */
export function readHandedOverBase(sessionId: string | null): BasePreview | null {
  return (sessionId && handedOver.get(sessionId)) || null;
}
