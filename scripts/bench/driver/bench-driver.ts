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
