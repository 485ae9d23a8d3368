import type { GenerationStoreApi } from "@/stores/generation-store";

/*
 * The two timers that notice a link's state sooner than Socket.IO's own: a server back up while
 * the backoff still waits, and an open connection that delivers nothing.
 */

/** While reconnecting, how often to ask the server whether it is back (a cheap GET, not a socket). */
export const SERVER_PROBE_MS = 1_000;
const HEALTH_PATH = "/api/health";

/**
 * While the link is down (reconnecting or offline), asks `/api/health` every SERVER_PROBE_MS and
 * calls `onBack` as soon as it answers 200, instead of waiting for the next backoff attempt.
 */
export function probeServerWhileDown(store: GenerationStoreApi, baseUrl: string, onBack: () => void): () => void {
  let inFlight = false;
  const timer = setInterval(() => {
    const { status, nextRetryAt } = store.getState().connection;
    // Only to cut a wait short: an attempt already under way (no retry scheduled) is left alone.
    const waiting = status === "offline" || (status === "reconnecting" && nextRetryAt !== null);
    if (inFlight || !waiting) return;
    inFlight = true;
    fetch(`${baseUrl}${HEALTH_PATH}`, { cache: "no-store" })
      .then((res) => {
        const { status: now } = store.getState().connection;
        if (res.ok && (now === "reconnecting" || now === "offline")) onBack();
      })
      .catch(() => undefined) // Still down: keep probing.
      .finally(() => {
        inFlight = false;
      });
  }, SERVER_PROBE_MS);
  return () => clearInterval(timer);
}

/**
 * Heartbeat watchdog: a connection that looks open but delivers nothing (a dead network path) is
 * detected after two missed heartbeats instead of Socket.IO's much longer ping timeout.
 */
export function watchHeartbeat(store: GenerationStoreApi, intervalMs: number, onStale: () => void): () => void {
  const timer = setInterval(() => {
    const { connection } = store.getState();
    if (connection.status !== "live" || connection.lastHeartbeatAt === null) return;
    if (Date.now() - connection.lastHeartbeatAt > 2 * intervalMs) onStale();
  }, Math.max(200, Math.floor(intervalMs / 2)));
  return () => clearInterval(timer);
}
