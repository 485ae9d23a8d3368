import type { Redis } from "ioredis";
import { sessionEventSchema, idSchema } from "@/lib/protocol";
import { CANCEL_CHANNEL, EVENT_CHANNEL } from "./cluster";
import { selectEngine } from "./engines/select-engine";
import type { Env } from "./env";
import { BullJobQueue } from "./generation/bull-job-queue";
import { GenerationService } from "./generation/generation-service";
import { LocalJobQueue, LocalJobs, type JobHandler, type JobQueue } from "./generation/job-queue";
import { StopReason } from "./generation/stop-reason";
import type { Logger } from "./logger";
import { createMetrics } from "./observability/metrics";
import { EventService, roomForSession } from "./realtime/event-service";
import { SessionDelivery } from "./realtime/session-delivery";
import type { IoServer } from "./realtime/socket-server";
import { RateLimits } from "./security/rate-limits";
import type { Services } from "./services-registry";
import { openStore } from "./storage/kysely-store";

const SESSION_ROOM_PREFIX = roomForSession("");
/** How often a clustered node checks its sockets against the log (see SessionDelivery.sweep). */
const CROSS_NODE_SWEEP_MS = 5_000;

/** Sessions with at least one connected socket on this node. */
function countWatchedSessions(io: IoServer): number {
  let count = 0;
  for (const name of io.sockets.adapter.rooms.keys()) if (name.startsWith(SESSION_ROOM_PREFIX)) count++;
  return count;
}

interface CreateServicesInput {
  env: Env;
  logger: Logger;
  io: IoServer;
  /** Set with REDIS_URL: events and cancels cross processes, jobs live in BullMQ. */
  redis?: Redis;
  /** Jobs this process runs at once (0 = enqueue only). */
  workerConcurrency: number;
}

/** Wires storage, the event service and delivery, the engine, the job queue, limits and metrics. */
export async function createServices({ env, logger, io, redis, workerConcurrency }: CreateServicesInput): Promise<Services> {
  const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const metrics = createMetrics({ connections: () => io.engine?.clientsCount ?? 0, activeSessions: () => countWatchedSessions(io) });
  const rateLimits = new RateLimits(env, (limit) => metrics.rateLimited.inc({ limit }), redis);
  const delivery = new SessionDelivery({
    rooms: () => ({ rooms: io.sockets.adapter.rooms, sockets: io.sockets.sockets }),
    readLog: (sessionId, afterSeq) => store.readEvents(sessionId, afterSeq),
    onReplayed: (count) => metrics.replayedEvents.inc(count),
  });
  const events = new EventService({
    store,
    logger,
    broadcast: (event) => {
      delivery.deliver(event);
      if (redis) io.serverSideEmit(EVENT_CHANNEL, event);
    },
  });
  const hasWatchers = (sessionId: string) => (io.sockets.adapter.rooms.get(roomForSession(sessionId))?.size ?? 0) > 0;
  // Memory stays flat: a finished session nobody watches keeps nothing in memory.
  const jobs = new LocalJobs((sessionId) => !hasWatchers(sessionId) && events.forget(sessionId));
  const engine = selectEngine(env);
  const handler: JobHandler = (sessionId, signal) => generations.runJob(sessionId, signal);
  const queue: JobQueue = redis
    ? new BullJobQueue({
        connection: redis, handler, jobs, logger, workerConcurrency, lockMs: env.WORKER_LOCK_MS,
        broadcastCancel: (sessionId) => io.serverSideEmit(CANCEL_CHANNEL, sessionId),
        onAbandoned: (sessionId) => generations.finishWithoutRun(sessionId, "INTERRUPTED", "The worker running this generation stopped; retry to continue"),
      })
    : new LocalJobQueue({ concurrency: env.MAX_CONCURRENT_GENERATIONS, handler, jobs });
  const generations = new GenerationService({ store, events, engine, queue });

  let sweep: NodeJS.Timeout | undefined;
  if (redis) {
    // Events published by other processes (workers, other nodes) reach this node's sockets.
    io.on(EVENT_CHANNEL as never, (raw: unknown) => {
      const parsed = sessionEventSchema.safeParse(raw);
      if (!parsed.success) return logger.warn("dropped a malformed event from another node");
      events.applyToCache(parsed.data);
      delivery.deliver(parsed.data);
    });
    io.on(CANCEL_CHANNEL as never, (raw: unknown) => {
      const id = idSchema.safeParse(raw);
      if (id.success) jobs.abort(id.data, new StopReason("CANCELLED", "Generation cancelled"));
    });
    if (queue instanceof BullJobQueue) await queue.ready();
    sweep = setInterval(() => {
      delivery
        .sweep((ids) => store.getLastSeqs(ids))
        .then((behind) => behind && logger.warn({ behind }, "caught up sockets that missed a cross-node event"))
        .catch((error: unknown) => logger.error({ err: error }, "delivery sweep failed"));
    }, CROSS_NODE_SWEEP_MS);
    sweep.unref();
  }

  events.onPublish((event, elapsed) => {
    metrics.eventsPublished.inc({ type: event.type });
    metrics.publishLatency.observe(elapsed);
    if (event.type === "generation:error") metrics.errors.inc({ code: event.data.error_code });
    if (event.type === "generation:completed") metrics.generationDuration.observe({ status: event.data.status }, event.data.total_time);
  });

  const stats = async () => {
    const { running, queued } = await queue.counts();
    const memory = process.memoryUsage();
    return {
      total_connections: io.engine?.clientsCount ?? 0,
      active_sessions: countWatchedSessions(io),
      running_generations: running,
      queued_generations: queued,
      memory_usage: { rss: memory.rss, heap_used: memory.heapUsed },
      uptime: Math.round(process.uptime() * 1000) / 1000,
      timestamp: new Date().toISOString(),
    };
  };
  const stopBackground = () => clearInterval(sweep);
  return { env, logger, store, engine, events, delivery, generations, queue, jobs, metrics, rateLimits, stats, stopBackground };
}
