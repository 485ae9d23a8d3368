import type { SessionEvent } from "@/lib/protocol";
import { createRandomId, hashToken } from "@/lib/server/security/tokens";
import type { Services } from "@/lib/server/services-registry";
import { startBenchDriver } from "./bench-driver";

const seqOf = (event: SessionEvent) => event.data.seq;

/**
 * OpenV0's target: sessions are created in the store like GenerationService.start does (but no
 * job is queued), and every event goes through `services.events.publish` — zod validation, seq,
 * SQLite append, cached fold, room emit — exactly as a running generation's events do.
 */
export function startOpenV0BenchDriver(services: Services): void {
  if (!process.send) {
    services.logger.warn("BENCH_DRIVER=1 but no IPC channel: bench driver not started");
    return;
  }
  // Bench sessions stand for running generations, whose job keeps the session "active" so its
  // cached fold survives watchers dropping. Without this, every mass reconnect would rebuild 1,000
  // states from the log — a cost real running generations do not pay.
  const benchSessions = new Set<string>();
  const hasJob = services.jobs.has.bind(services.jobs);
  services.jobs.has = (sessionId) => benchSessions.has(sessionId) || hasJob(sessionId);
  startBenchDriver({
    createSession: async () => {
      const sessionId = createRandomId();
      benchSessions.add(sessionId);
      const token = createRandomId();
      await services.store.createSession({
        id: sessionId, projectId: createRandomId(), prompt: "bench session", tokenHash: hashToken(token),
        viewerTokenHash: hashToken(createRandomId()), engine: services.engine.name, baseVersion: null,
        newProjectTokenHash: hashToken(createRandomId()),
      });
      return { sessionId, token };
    },
    publish: (sessionId, input) => services.events.publish(sessionId, input).then(seqOf),
    connectionCount: async () => (await services.stats()).total_connections,
  });
  services.logger.warn("bench driver enabled (BENCH_DRIVER=1): accepting publish commands over IPC");
}
