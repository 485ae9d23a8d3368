import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Env } from "../env";

export type LimitName = "generations" | "sockets" | "messages" | "restores" | "downloads";
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Generation starts and zip downloads per IP per minute, version restores per project per minute, client→server
 * messages per socket per second (concurrent sockets per IP are counted by ConnectionGuard). A
 * limit of 0 is off. With Redis (several nodes) starts and restores are counted in Redis, so a
 * client cannot multiply its budget by the number of nodes; messages are per socket, hence per
 * node, by nature.
 */
export class RateLimits {
  private readonly generations: RateLimiterAbstract | null;
  private readonly messages: RateLimiterAbstract | null;
  private readonly restores: RateLimiterAbstract | null;
  private readonly downloads: RateLimiterAbstract | null;

  constructor(
    private readonly env: Pick<Env, "RATE_LIMIT_GENERATIONS_PER_MINUTE" | "RATE_LIMIT_SOCKETS_PER_IP" | "RATE_LIMIT_MESSAGES_PER_SECOND" | "RATE_LIMIT_RESTORES_PER_MINUTE" | "RATE_LIMIT_DOWNLOADS_PER_MINUTE">,
    private readonly onReject: (limit: LimitName) => void = () => {},
    redis?: Redis,
  ) {
    const g = env.RATE_LIMIT_GENERATIONS_PER_MINUTE;
    const m = env.RATE_LIMIT_MESSAGES_PER_SECOND;
    const r = env.RATE_LIMIT_RESTORES_PER_MINUTE;
    // If Redis fails, each node falls back to counting on its own rather than refusing everyone.
    const perMinute = (points: number, keyPrefix: string) => {
      if (points <= 0) return null;
      const options = { points, duration: 60, keyPrefix };
      return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) }) : new RateLimiterMemory(options);
    };
    this.generations = perMinute(g, "openv0:rl:generations");
    this.restores = perMinute(r, "openv0:rl:restores");
    this.downloads = perMinute(env.RATE_LIMIT_DOWNLOADS_PER_MINUTE, "openv0:rl:downloads");
    this.messages = m > 0 ? new RateLimiterMemory({ points: m, duration: 1 }) : null;
  }

  /** A version restore, counted per project (each one stores a whole copy of a site). */
  consumeRestore(projectId: string): Promise<LimitResult> {
    return this.consume(this.restores, projectId, "restores");
  }

  /** A zip download, counted per client IP (a viewer's token is enough to ask for one). */
  consumeDownload(ip: string): Promise<LimitResult> {
    return this.consume(this.downloads, ip, "downloads");
  }

  consumeGenerationStart(ip: string): Promise<LimitResult> {
    return this.consume(this.generations, ip, "generations");
  }

  consumeMessage(socketId: string): Promise<LimitResult> {
    return this.consume(this.messages, socketId, "messages");
  }

  private async consume(limiter: RateLimiterAbstract | null, key: string, name: LimitName): Promise<LimitResult> {
    if (!limiter) return { ok: true };
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.onReject(name);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }
}
