import type { SessionEventInput } from "@/lib/protocol";
import { buildPreviewEvent, buildPreviewPages, buildStepEvent, nowMs, type BenchEventKind } from "./bench-payloads";

/** What one `publish` command asks for. `ratePerSession: 0` means "as fast as the loop can". */
export interface PublishPlan {
  sessionIds: string[];
  ratePerSession: number;
  durationMs: number;
  kind: BenchEventKind;
  previewBytes?: number;
  /** Max mode only: events published per macrotask before yielding to I/O. */
  batch?: number;
  /** Rate mode only: stop after this many events even if the duration is not over. */
  maxEvents?: number;
}

export interface PublishReport {
  sent: number;
  elapsedMs: number;
  /** Per session, the first and last seq published by this command (absent when none). */
  ranges: Record<string, [number, number]>;
  /** How far behind the rate plan the publisher ran (the server could not keep up), in ms. */
  lagP99Ms: number;
  lagMaxMs: number;
  errors: number;
  firstError?: string;
}

/** Publishes one event and returns the seq it got (synchronously, or once an async store has it). */
export type PublishOne = (sessionId: string, input: SessionEventInput) => number | Promise<number>;

const PAGE_POOL = 32;
/** Most events published before yielding to I/O when behind schedule (like many jobs awaiting between events). */
const MAX_BURST = 100;
/** A rate plan the process cannot keep up with stops at this multiple of its duration. */
const OVERRUN_FACTOR = 1.5;

/**
 * Open-loop publisher shared by OpenV0's driver and the baseline, so both see the same schedule:
 * event k is due at start + k / totalRate and goes to session k mod n (round-robin). A 1 ms timer
 * publishes whatever is due; when the process cannot keep up, the deficit is published in bursts
 * of at most MAX_BURST with I/O in between, and shows as lag (each payload carries both the actual
 * and the scheduled time). A plan still unfinished at 1.5 × its duration stops: sent < planned.
 */
export function runPublishLoop(plan: PublishPlan, publishOne: PublishOne): Promise<PublishReport> {
  const { sessionIds, ratePerSession, durationMs, kind } = plan;
  const n = sessionIds.length;
  const pages = kind === "preview" ? buildPreviewPages(PAGE_POOL, plan.previewBytes ?? 8192) : [];
  const totalRate = ratePerSession * n;
  const planned = ratePerSession > 0 ? Math.min(plan.maxEvents ?? Infinity, Math.round((durationMs / 1000) * totalRate)) : Infinity;
  const batch = plan.batch ?? 50;
  const ranges: Record<string, [number, number]> = {};
  const versions = new Map<string, number>();
  const lags: number[] = [];
  let sent = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = nowMs();

  // An async publish path gets at most one publish in flight per session, like a generation job
  // that awaits each event: later events of that session queue behind it, in order.
  const chains = new Map<string, Promise<void>>();
  const record = (sessionId: string, seq: number) => {
    const range = ranges[sessionId];
    if (range) {
      range[0] = Math.min(range[0], seq);
      range[1] = Math.max(range[1], seq);
    } else ranges[sessionId] = [seq, seq];
    sent++;
  };
  const fail = (error: unknown) => {
    errors++;
    firstError ??= error instanceof Error ? error.message : String(error);
  };
  const publishNow = (sessionId: string, k: number, scheduledAt: number): Promise<void> | undefined => {
    const sentAt = nowMs();
    lags.push(sentAt - scheduledAt);
    try {
      const version = (versions.get(sessionId) ?? 0) + 1;
      versions.set(sessionId, version);
      const input = kind === "step" ? buildStepEvent(sessionId, sentAt, scheduledAt) : buildPreviewEvent(sessionId, pages[k % PAGE_POOL]!, version, sentAt, scheduledAt);
      const seq = publishOne(sessionId, input);
      if (typeof seq === "number") record(sessionId, seq);
      else return seq.then((s) => record(sessionId, s), fail);
    } catch (error) {
      fail(error);
    }
    return undefined;
  };
  /** Max mode: events published so far (the payload page index). */
  let published = 0;
  let idle = false;
  let resume: () => void = () => undefined;
  const publishAt = (index: number, scheduledAt: number): void => {
    const k = ratePerSession === 0 ? published++ : index;
    const sessionId = sessionIds[index % n]!;
    const previous = chains.get(sessionId);
    const pending = previous ? previous.then(() => publishNow(sessionId, k, scheduledAt)) : publishNow(sessionId, k, scheduledAt);
    if (!pending) return;
    chains.set(sessionId, pending);
    void pending.then(() => {
      if (chains.get(sessionId) === pending) chains.delete(sessionId);
      // Max mode: each session is a job that awaits each publish and publishes its next one at
      // once (so every session resolved by one commit publishes again before the next commit).
      if (ratePerSession === 0 && nowMs() - start < durationMs) return publishAt(index, nowMs());
      // Max mode, every session was in flight: go on once one is free (no busy polling).
      if (idle) {
        idle = false;
        setImmediate(resume);
      }
    });
  };

  return new Promise((resolve) => {
    let k = 0;
    /** Max mode: the next session to look at. */
    let cursor = 0;
    const finish = async () => {
      await Promise.all(chains.values());
      lags.sort((a, b) => a - b);
      resolve({
        sent, elapsedMs: nowMs() - start, ranges, errors, firstError,
        lagP99Ms: lags[Math.floor(lags.length * 0.99)] ?? 0,
        lagMaxMs: lags[lags.length - 1] ?? 0,
      });
    };
    const tick = () => {
      const elapsed = nowMs() - start;
      if (ratePerSession > 0) {
        const due = Math.min(planned, Math.floor((elapsed / 1000) * totalRate) + 1);
        for (const end = Math.min(due, k + MAX_BURST); k < end; k++) publishAt(k, start + (k * 1000) / totalRate);
        if (k >= planned || elapsed > durationMs * OVERRUN_FACTOR) return void finish();
        if (k < due) setImmediate(tick);
        else setTimeout(tick, 1);
      } else {
        if (elapsed >= durationMs) return void finish();
        // Max rate: the "schedule" is now, so lag is 0 and latency is all queueing after publish.
        // A publisher that awaits its publishes, like a job: sessions are started 50 a macrotask,
        // then each publishes its next event when its last one resolved (at most one in flight
        // per session: the backlog is bounded by the sessions, not by how long the run lasts).
        // A synchronous publish path (the baseline) is never in flight: 50 a macrotask throughout.
        let started = 0;
        for (let looked = 0; started < batch && looked < n; looked++, cursor = (cursor + 1) % n) {
          if (chains.has(sessionIds[cursor]!)) continue;
          publishAt(cursor, nowMs());
          started++;
        }
        if (started > 0) setImmediate(tick);
        else idle = true;
      }
    };
    resume = tick;
    tick();
  });
}
