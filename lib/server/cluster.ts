import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";

/** Server-side Socket.IO events between OpenV0 processes (via the Redis Streams adapter). */
export const EVENT_CHANNEL = "openv0:event";
export const CANCEL_CHANNEL = "openv0:cancel";

/** One Redis connection for the adapter and BullMQ (which duplicates it for blocking reads). */
export function connectRedis(url: string): Redis {
  // BullMQ workers need `maxRetriesPerRequest: null` so blocking commands are never cut short.
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** The Socket.IO adapter that makes room emits and server-side events reach every node. */
export function createClusterAdapter(redis: Redis) {
  return createAdapter(redis, { streamName: "openv0:socket.io" });
}
