import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics of one process, served by `GET /api/metrics`. */
export function createMetrics(live: { connections: () => number; activeSessions: () => number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "openv0_process_" });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({
      name: "openv0_socket_connections", help: "Connected sockets", registers,
      collect() { this.set(live.connections()); },
    }),
    activeSessions: new Gauge({
      name: "openv0_active_sessions", help: "Sessions with at least one connected socket", registers,
      collect() { this.set(live.activeSessions()); },
    }),
    eventsPublished: new Counter({ name: "openv0_events_published_total", help: "Session events published, by type", labelNames: ["type"], registers }),
    publishLatency: new Histogram({
      name: "openv0_publish_emit_seconds",
      help: "Time from publish (validate, sequence, persist) to the room emit returning",
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers,
    }),
    replayedEvents: new Counter({ name: "openv0_events_replayed_total", help: "Logged events replayed to (re)connecting sockets", registers }),
    generationDuration: new Histogram({
      name: "openv0_generation_duration_seconds",
      help: "Duration of generation runs, by outcome",
      labelNames: ["status"],
      buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
      registers,
    }),
    errors: new Counter({ name: "openv0_errors_total", help: "Errors by code (generation failures and refused requests)", labelNames: ["code"], registers }),
    malformedUrls: new Counter({ name: "openv0_malformed_urls_total", help: "Requests refused because their URL could not be decoded", registers }),
    rateLimited: new Counter({ name: "openv0_rate_limit_rejections_total", help: "Requests refused by a rate limit", labelNames: ["limit"], registers }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
