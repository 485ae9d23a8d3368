import type { GenerationEngine } from "./engines/engine";
import { createOpenAIEngine } from "./engines/openai/openai-engine";
import { createTemplateEngine } from "./engines/template/template-engine";
import type { Env } from "./env";
import { GenerationService } from "./generation/generation-service";
import type { Logger } from "./logger";
import { createMetrics } from "./observability/metrics";
import { EventService, roomForSession, type Broadcast } from "./realtime/event-service";
import type { IoServer } from "./realtime/socket-server";
import { RateLimits } from "./security/rate-limits";
import type { Services } from "./services-registry";
import { openSqliteStore } from "./storage/sqlite-store";

/**
 * Picks the generation engine from the environment: GENERATION_ENGINE when set, else the LLM
 * engine as soon as a provider is configured (API key or base URL), else the offline template.
 */
export function selectEngine(env: Env): GenerationEngine {
  const configured = Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
  const choice = env.GENERATION_ENGINE ?? (configured ? "openai" : "template");
  if (choice === "template") return createTemplateEngine({ stepMs: env.TEMPLATE_STEP_MS });
  if (!configured) {
    throw new Error("GENERATION_ENGINE=openai needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local server (see docs/PROVIDERS.md)");
  }
  return createOpenAIEngine({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    stallTimeoutMs: env.LLM_STALL_TIMEOUT_MS,
    maxRetries: env.LLM_MAX_RETRIES,
  });
}

const SESSION_ROOM_PREFIX = roomForSession("");

/** Sessions with at least one connected socket on this node. */
function countWatchedSessions(io: IoServer): number {
  let count = 0;
  for (const name of io.sockets.adapter.rooms.keys()) if (name.startsWith(SESSION_ROOM_PREFIX)) count++;
  return count;
}

/** Wires storage, the event service, the engine, the job queue, limits and metrics together. */
export function createServices({ env, logger, io, broadcast }: { env: Env; logger: Logger; io: IoServer; broadcast: Broadcast }): Services {
  const store = openSqliteStore({ dataDir: env.DATA_DIR });
  const metrics = createMetrics({ connections: () => io.engine.clientsCount, activeSessions: () => countWatchedSessions(io) });
  const rateLimits = new RateLimits(env, (limit) => metrics.rateLimited.inc({ limit }));
  const events = new EventService({ store, broadcast, logger });
  const hasWatchers = (sessionId: string) => (io.sockets.adapter.rooms.get(roomForSession(sessionId))?.size ?? 0) > 0;
  const engine = selectEngine(env);
  const generations = new GenerationService({
    store, events, engine, logger, maxConcurrent: env.MAX_CONCURRENT_GENERATIONS, hasWatchers,
  });

  events.onPublish((event, elapsed) => {
    metrics.eventsPublished.inc({ type: event.type });
    metrics.publishLatency.observe(elapsed);
    if (event.type === "generation:error") metrics.errors.inc({ code: event.data.error_code });
    if (event.type === "generation:completed") metrics.generationDuration.observe({ status: event.data.status }, event.data.total_time);
  });

  const stats = () => {
    const { running, queued } = generations.counts();
    const memory = process.memoryUsage();
    return {
      total_connections: io.engine.clientsCount,
      active_sessions: countWatchedSessions(io),
      running_generations: running,
      queued_generations: queued,
      memory_usage: { rss: memory.rss, heap_used: memory.heapUsed },
      uptime: Math.round(process.uptime() * 1000) / 1000,
      timestamp: new Date().toISOString(),
    };
  };
  return { env, logger, store, engine, events, generations, metrics, rateLimits, stats };
}
