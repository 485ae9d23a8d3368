import { useSyncExternalStore } from "react";

/** "0.4 s", "12 s", "2 min 05 s": short, for step durations and ETAs. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "—";
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds % 60)).padStart(2, "0")} s`;
}

/** Seconds left of an estimate made at `updatedAt` (ISO), counted down to `nowMs` (server clock). */
export function countDown(estimate: number | null, updatedAt: string | null, nowMs: number): number | null {
  if (estimate === null || updatedAt === null) return null;
  const since = (nowMs - Date.parse(updatedAt)) / 1000;
  return Math.max(0, estimate - Math.max(0, since));
}

/** Seconds from an ISO time to `nowMs`. */
export function secondsSince(iso: string | null, nowMs: number): number | null {
  return iso === null ? null : Math.max(0, (nowMs - Date.parse(iso)) / 1000);
}

const TICK_MS = 500;
let listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let current = 0;

function subscribe(onTick: () => void): () => void {
  listeners.add(onTick);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(onTick);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
      listeners = new Set();
    }
  };
}

/**
 * A shared clock that ticks twice a second; null during the server render so elapsed times are
 * only ever computed in the browser (no hydration mismatch).
 */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, readNow, () => null);
}

// Cached between ticks: getSnapshot must return the same value until the store changes.
function readNow(): number {
  if (!current) current = Date.now();
  return current;
}
