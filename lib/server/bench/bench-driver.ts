import type { SessionEvent } from "@/lib/protocol";
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
  createSession: () => BenchSession | Promise<BenchSession>;
  publish: PublishOne;
  connectionCount: () => number | Promise<number>;
}
export type BenchSession = { sessionId: string; token: string };

export interface BenchUsage {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  connections: number;
}

const seqOf = (event: SessionEvent) => event.data.seq;
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/** Serves the bench commands for `target` on this process's IPC channel. */
export function startBenchDriver(target: BenchTarget): void {
  serveRpc({
    createSessions: async ({ count }: { count: number }) => {
      const sessions: BenchSession[] = [];
      for (let i = 0; i < count; i++) sessions.push(await target.createSession());
      return { sessions };
    },
    publish: (plan: PublishPlan) => runPublishLoop(plan, target.publish),
    usage: async ({ gc }: { gc?: boolean }): Promise<BenchUsage> => {
      // Two passes: the first may only schedule finalisers. Needs --expose-gc; skipped otherwise.
      if (gc) {
        collectGarbage();
        collectGarbage();
      }
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      return {
        rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external, arrayBuffers: memory.arrayBuffers,
        cpuUserUs: cpu.user, cpuSystemUs: cpu.system, connections: await target.connectionCount(),
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
  const hasJob = services.jobs.has.bind(services.jobs);
  services.jobs.has = (sessionId) => benchSessions.has(sessionId) || hasJob(sessionId);
  startBenchDriver({
    // `await` and `unknown` keep the driver working whether the store and publish are sync or async.
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
    publish: (sessionId, input) => {
      const published: unknown = services.events.publish(sessionId, input);
      return published instanceof Promise ? published.then(seqOf) : seqOf(published as SessionEvent);
    },
    connectionCount: async () => (await services.stats()).total_connections,
  });
  services.logger.warn("bench driver enabled (BENCH_DRIVER=1): accepting publish commands over IPC");
}
