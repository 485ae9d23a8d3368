import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import { idSchema, sessionEventSchema, type SessionEvent } from "@/lib/protocol";
import type { Logger } from "./logger";

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

/** What the bus needs from the Socket.IO server: server-side emits through its adapter. */
export interface ServerSideChannel {
  serverSideEmit(channel: string, payload: unknown): unknown;
  on(channel: string, listener: (payload: unknown) => void): unknown;
}

/**
 * The cross-process channels, and nothing else: committed events and cancels go out to every
 * other process, and what comes in is validated before anyone sees it (another node is input).
 */
export interface ClusterBus {
  sendEvent(event: SessionEvent): void;
  sendCancel(sessionId: string): void;
  onEvent(listener: (event: SessionEvent) => void): void;
  onCancel(listener: (sessionId: string) => void): void;
}

export function createClusterBus(channel: ServerSideChannel, logger: Logger): ClusterBus {
  return {
    sendEvent: (event) => void channel.serverSideEmit(EVENT_CHANNEL, event),
    sendCancel: (sessionId) => void channel.serverSideEmit(CANCEL_CHANNEL, sessionId),
    onEvent: (listener) =>
      void channel.on(EVENT_CHANNEL, (raw) => {
        const parsed = sessionEventSchema.safeParse(raw);
        if (parsed.success) listener(parsed.data);
        else logger.warn("dropped a malformed event from another node");
      }),
    onCancel: (listener) =>
      void channel.on(CANCEL_CHANNEL, (raw) => {
        const id = idSchema.safeParse(raw);
        if (id.success) listener(id.data);
      }),
  };
}
