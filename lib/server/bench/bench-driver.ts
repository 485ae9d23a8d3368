import { createRandomId, hashToken } from "../security/tokens";
import type { Services } from "../services-registry";
import { serveRpc } from "./ipc-rpc";
import { runPublishLoop, type PublishOne, type PublishPlan } from "./publish-loop";

/*
 * Bench-only driver (`npm run bench`, scripts/bench). It runs INSIDE a server process so events
 * go through the real publish path, and takes commands from the bench orchestrator over the IPC
 * channel. It is never loaded unless the server was spawned with BENCH_DRIVER=1 and an IPC
 * channel; it opens no port and accepts nothing from the network.
 */

/** What the driver needs from a server: OpenV0's services, or the plain Socket.IO baseline. */
export interface BenchTarget {
  createSession: () => { sessionId: string; token: string };
  publish: PublishOne;
  connectionCount: () => number;
}

export interface BenchUsage {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  connections: number;
}

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/** Serves the bench commands for `target` on this process's IPC channel. */
export function startBenchDriver(target: BenchTarget): void {
  serveRpc({
    createSessions: ({ count }: { count: number }) => ({
      sessions: Array.from({ length: count }, () => target.createSession()),
    }),
    publish: (plan: PublishPlan) => runPublishLoop(plan, target.publish),
    usage: ({ gc }: { gc?: boolean }): BenchUsage => {
      // Two passes: the first may only schedule finalisers. Needs --expose-gc; skipped otherwise.
      if (gc) {
        collectGarbage();
        collectGarbage();
      }
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      return {
        rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external, arrayBuffers: memory.arrayBuffers,
        cpuUserUs: cpu.user, cpuSystemUs: cpu.system, connections: target.connectionCount(),
      };
    },
  });
}

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
  const isActive = services.generations.isActive.bind(services.generations);
  services.generations.isActive = (sessionId) => benchSessions.has(sessionId) || isActive(sessionId);
  startBenchDriver({
    createSession: () => {
      const sessionId = createRandomId();
      benchSessions.add(sessionId);
      const token = createRandomId();
      services.store.createSession({
        id: sessionId, projectId: createRandomId(), prompt: "bench session", tokenHash: hashToken(token),
        viewerTokenHash: hashToken(createRandomId()), engine: services.engine.name, baseVersion: null,
        newProjectTokenHash: hashToken(createRandomId()),
      });
      return { sessionId, token };
    },
    publish: (sessionId, input) => services.events.publish(sessionId, input).data.seq,
    connectionCount: () => services.stats().total_connections,
  });
  services.logger.warn("bench driver enabled (BENCH_DRIVER=1): accepting publish commands over IPC");
}
