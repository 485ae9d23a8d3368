import { stopMessages } from "./generation/stop-reason";
import type { Services } from "./services-registry";

/*
 * A process's periodic work and its orderly stop, shared by the web server (start-server.ts) and
 * `npm run worker` — without loading Next or Socket.IO's HTTP side.
 */

/** How often a clustered node checks its sockets against the log (see SessionDelivery.sweep). */
const CROSS_NODE_SWEEP_MS = 5_000;

type Lifecycle = Pick<Services, "env" | "events" | "jobs" | "logger" | "delivery" | "store" | "queue" | "generations">;

/** Starts compaction and, when clustered, the delivery sweep; returns how to stop both. */
export function startBackground(services: Lifecycle, { clustered }: { clustered: boolean }): { stop: () => void } {
  const compaction = scheduleCompaction(services);
  const sweep = clustered ? scheduleSweep(services) : undefined;
  return {
    stop: () => {
      clearInterval(compaction);
      clearInterval(sweep);
    },
  };
}

/** Compacts old finished sessions now and then periodically (every hour, or faster for short retentions). */
export function scheduleCompaction({ env, events, jobs, logger }: Lifecycle): NodeJS.Timeout {
  const retentionMs = env.EVENT_LOG_RETENTION_HOURS * 3_600_000;
  const run = () => {
    events
      .compactFinishedBefore(new Date(Date.now() - retentionMs), (id) => jobs.has(id))
      .then((compacted) => compacted && logger.info({ compacted }, "compacted finished sessions' event logs"))
      .catch((error: unknown) => logger.error({ err: error }, "compaction failed"));
  };
  run();
  const timer = setInterval(run, Math.max(250, Math.min(3_600_000, retentionMs / 2)));
  timer.unref();
  return timer;
}

/** Cross-node safety net: sockets behind the logged last seq read the rest from the log. */
function scheduleSweep({ delivery, store, logger }: Lifecycle): NodeJS.Timeout {
  const readLastSeqs = async (ids: string[]) =>
    new Map([...(await store.getSessionHeads(ids))].map(([id, head]) => [id, head.lastSeq]));
  const timer = setInterval(() => {
    delivery
      .sweep(readLastSeqs)
      .then((behind) => behind && logger.warn({ behind }, "caught up sockets that missed a cross-node event"))
      .catch((error: unknown) => logger.error({ err: error }, "delivery sweep failed"));
  }, CROSS_NODE_SWEEP_MS);
  timer.unref();
  return timer;
}

/**
 * Interrupts the jobs of this process: each publishes INTERRUPTED (retryable) and its terminal
 * event; jobs still waiting in a local queue are reported the same way.
 */
export async function stopJobs({ queue, generations }: Lifecycle, timeoutMs: number): Promise<void> {
  const waiting = await queue.stop(timeoutMs);
  for (const sessionId of waiting) {
    await generations.finishWithoutRun(sessionId, "INTERRUPTED", stopMessages.shuttingDown);
  }
}
