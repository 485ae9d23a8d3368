import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Env } from "../env";

export type LimitName = "generations" | "sockets" | "messages";
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * The three limits of the issue: generation starts per IP per minute, concurrent sockets per IP,
 * client→server messages per socket per second. A limit of 0 is off. With Redis (several nodes)
 * generation starts are counted in Redis, so a client cannot multiply its budget by the number of
 * nodes; sockets and messages are per connection, hence per node, by nature.
 */
export class RateLimits {
  private readonly generations: RateLimiterAbstract | null;
  private readonly messages: RateLimiterAbstract | null;

  constructor(
    private readonly env: Pick<Env, "RATE_LIMIT_GENERATIONS_PER_MINUTE" | "RATE_LIMIT_SOCKETS_PER_IP" | "RATE_LIMIT_MESSAGES_PER_SECOND">,
    private readonly onReject: (limit: LimitName) => void = () => {},
    redis?: Redis,
  ) {
    const g = env.RATE_LIMIT_GENERATIONS_PER_MINUTE;
    const m = env.RATE_LIMIT_MESSAGES_PER_SECOND;
    const starts = { points: g, duration: 60, keyPrefix: "openv0:rl:generations" };
    // If Redis fails, each node falls back to counting on its own rather than refusing everyone.
    const shared = () => new RateLimiterRedis({ ...starts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(starts) });
    this.generations = g > 0 ? (redis ? shared() : new RateLimiterMemory(starts)) : null;
    this.messages = m > 0 ? new RateLimiterMemory({ points: m, duration: 1 }) : null;
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
