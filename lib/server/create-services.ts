import type { Redis } from "ioredis";
import type { Stats } from "@/lib/protocol";
import { createClusterBus, type ServerSideChannel } from "./cluster";
import { selectEngine } from "./engines/select-engine";
import { warmUpEngine } from "./engines/warm-up-engine";
import type { Env } from "./env";
import { BullJobQueue } from "./generation/bull-job-queue";
import { GenerationService } from "./generation/generation-service";
import { LocalJobQueue, LocalJobs, type JobHandler, type JobQueue } from "./generation/job-queue";
import { StopReason, stopMessages } from "./generation/stop-reason";
import type { Logger } from "./logger";
import { createMetrics, type Metrics } from "./observability/metrics";
import { EventService } from "./realtime/event-service";
import { createProjectNotices } from "./realtime/project-notices";
import { SessionDelivery } from "./realtime/session-delivery";
import type { IoServer } from "./realtime/socket-server";
import { RateLimits } from "./security/rate-limits";
import { createAccessRevocation } from "./security/revoke-access";
import type { Services } from "./services-registry";
import { openStore } from "./storage/kysely-store";

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
  const cluster = redis ? createClusterBus(io as unknown as ServerSideChannel, logger) : undefined;
  const delivery: SessionDelivery = new SessionDelivery({
    rooms: () => ({ rooms: io.sockets.adapter.rooms, sockets: io.sockets.sockets }),
    readPage: (sessionId, afterSeq, limit) => store.readEventPage(sessionId, afterSeq, limit),
    onReplayed: (count) => metrics.replayedEvents.inc(count),
    onSlowReader: () => metrics.rateLimited.inc({ limit: "slow_reader" }),
    // Local only: each node delivers to its own sockets (other nodes get the event on the bus).
    emitTo: (ids, name, data) => io.local.to(ids).emit(name as "heartbeat", data as never),
    backpressure: { highWaterBytes: env.SOCKET_BUFFER_BYTES, lowWaterBytes: env.SOCKET_BUFFER_BYTES / 4, slowReaderTimeoutMs: env.SLOW_READER_TIMEOUT_MS },
  });
  const metrics = createMetrics({ connections: () => io.engine?.clientsCount ?? 0, activeSessions: () => delivery.watchedSessionCount() });
  const rateLimits = new RateLimits(env, (limit) => metrics.rateLimited.inc({ limit }), redis);
  const events = new EventService({
    store,
    logger,
    broadcast: (event, live) => {
      delivery.deliver(event, live);
      cluster?.sendEvent(event);
    },
  });
  // Memory stays flat: a finished session nobody watches keeps nothing in memory.
  const jobs = new LocalJobs((sessionId) => !delivery.hasWatchers(sessionId) && events.forget(sessionId));
  const engine = selectEngine(env, logger);
  await warmUpEngine(engine);
  const handler: JobHandler = (sessionId, signal) => generations.runJob(sessionId, signal);
  const queue: JobQueue = cluster && redis
    ? new BullJobQueue({
        connection: redis, handler, jobs, logger, workerConcurrency, lockMs: env.WORKER_LOCK_MS,
        broadcastCancel: (sessionId) => cluster.sendCancel(sessionId),
        onAbandoned: (sessionId) => generations.finishWithoutRun(sessionId, "INTERRUPTED", stopMessages.workerLost),
      })
    : new LocalJobQueue({ concurrency: env.MAX_CONCURRENT_GENERATIONS, handler, jobs });
  const notices = createProjectNotices(io);
  // Off unless a test sets FAULT_INJECTION: the crash between a run's version and its completion.
  const afterVersionSaved = env.FAULT_INJECTION === "kill-after-version" ? () => process.kill(process.pid, "SIGKILL") : undefined;
  const generations = new GenerationService({ store, events, engine, queue, notices, logger, afterVersionSaved });
  events.onPublish((event) => notices.noteEvent(event, async (id) => (await events.getState(id))?.project_id ?? null));

  if (cluster) {
    // Events published by other processes (workers, other nodes) reach this node's sockets.
    cluster.onEvent((event) => delivery.deliver(event, events.applyToCache(event)));
    cluster.onCancel((sessionId) => jobs.abort(sessionId, new StopReason("CANCELLED")));
  }
  await queue.ready();
  recordPublishMetrics(events, metrics);
  const stats = async (): Promise<Stats> => {
    const { running, queued } = await queue.counts();
    const memory = process.memoryUsage();
    return {
      total_connections: io.engine?.clientsCount ?? 0,
      active_sessions: delivery.watchedSessionCount(),
      running_generations: running,
      queued_generations: queued,
      memory_usage: { rss: memory.rss, heap_used: memory.heapUsed },
      uptime: Math.round(process.uptime() * 1000) / 1000,
      timestamp: new Date().toISOString(),
    };
  };
  const revocation = createAccessRevocation(io, events);
  return { env, logger, store, engine, events, delivery, generations, queue, jobs, metrics, rateLimits, revocation, stats };
}

function recordPublishMetrics(events: EventService, metrics: Metrics): void {
  events.onPublish((event, elapsed) => {
    metrics.eventsPublished.inc({ type: event.type });
    metrics.publishLatency.observe(elapsed);
    if (event.type === "generation:error") metrics.errors.inc({ code: event.data.error_code });
    if (event.type === "generation:completed") metrics.generationDuration.observe({ status: event.data.status }, event.data.total_time);
  });
}
