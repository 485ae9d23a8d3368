import type { Stats } from "@/lib/protocol";
import type { GenerationEngine } from "./engines/engine";
import type { Env } from "./env";
import type { GenerationService } from "./generation/generation-service";
import type { JobQueue, LocalJobs } from "./generation/job-queue";
import type { SessionDelivery } from "./realtime/session-delivery";
import type { Logger } from "./logger";
import type { Metrics } from "./observability/metrics";
import type { RateLimits } from "./security/rate-limits";
import type { AccessRevocation } from "./security/revoke-access";
import type { EventService } from "./realtime/event-service";
import type { Store } from "./storage/store";

/** Everything the app's request handlers need, created once by server.ts. */
export interface Services {
  env: Env;
  logger: Logger;
  store: Store;
  engine: GenerationEngine;
  events: EventService;
  generations: GenerationService;
  /** Where jobs wait: in this process, or in Redis for workers anywhere. */
  queue: JobQueue;
  /** The jobs running in this process. */
  jobs: LocalJobs;
  /** Per-socket, exactly-once delivery of session events on this node. */
  delivery: SessionDelivery;
  metrics: Metrics;
  rateLimits: RateLimits;
  /** Drops the sockets whose access a share rotation or a delete took away (every node). */
  revocation: AccessRevocation;
  stats: () => Promise<Stats>;
}

// Next's route handlers are bundled separately from server.ts and do not share its module
// instances (vercel/next.js#54782), so the one instance lives on globalThis under a registry symbol.
const KEY = Symbol.for("openv0.services");
type Holder = { [KEY]?: Services };

export function setServices(services: Services | undefined): void {
  (globalThis as Holder)[KEY] = services;
}

/** The process's services; throws a clear error when the app was not started through server.ts. */
export function getServices(): Services {
  const services = (globalThis as Holder)[KEY];
  if (!services) {
    throw new Error("OpenV0 services are not initialised: start the app with `npm run dev` or `npm start` (server.ts), not `next dev`.");
  }
  return services;
}
