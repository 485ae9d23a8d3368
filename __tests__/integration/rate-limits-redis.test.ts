import { Redis } from "ioredis";
import { RateLimits } from "@/lib/server/security/rate-limits";
import { startRedis } from "../helpers/redis-server";

/*
 * Generation starts per IP are counted in Redis when several nodes share it: two RateLimits
 * instances (two nodes) on one real Redis share one budget per IP.
 */

const limits = { RATE_LIMIT_GENERATIONS_PER_MINUTE: 3, RATE_LIMIT_SOCKETS_PER_IP: 0, RATE_LIMIT_MESSAGES_PER_SECOND: 0, RATE_LIMIT_RESTORES_PER_MINUTE: 0, RATE_LIMIT_DOWNLOADS_PER_MINUTE: 0 };

test("two nodes share one generation budget per IP through Redis; other IPs are unaffected", async () => {
  const redisServer = await startRedis();
  const a = new Redis(redisServer.url);
  const b = new Redis(redisServer.url);
  try {
    const nodeA = new RateLimits(limits, undefined, a);
    const nodeB = new RateLimits(limits, undefined, b);
    const results = [];
    for (const node of [nodeA, nodeB, nodeA, nodeB]) results.push(await node.consumeGenerationStart("203.0.113.7"));
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(results[3]).toEqual({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect(await nodeB.consumeGenerationStart("198.51.100.1")).toEqual({ ok: true });

    // Without Redis each node would have counted alone: the fourth start on a fresh node passes.
    const memoryOnly = new RateLimits(limits);
    for (let i = 0; i < 3; i++) expect((await memoryOnly.consumeGenerationStart("203.0.113.7")).ok).toBe(true);
  } finally {
    a.disconnect();
    b.disconnect();
    await redisServer.stop();
  }
});
