import type { EventService } from "../realtime/event-service";
import { roomForProjectShare, roomForProjectSockets } from "../realtime/project-notices";

/** What a revocation needs from the Socket.IO server: a room-wide disconnect (through the adapter, every node). */
export interface RevocableRooms {
  in(room: string): { disconnectSockets(close?: boolean): void };
}

/**
 * Access is re-checked where it changes, not only at each socket's login: a socket keeps what it
 * was granted until something drops it, so every change that takes access away drops the
 * sockets it reaches, on every node. They get Socket.IO's server-side disconnect ("io server
 * disconnect": clients do not reconnect on their own); a client that connects again is refused
 * (`UNAUTHORIZED` / `NOT_FOUND` as `connect_error`).
 */
export interface AccessRevocation {
  /** The project's share token was replaced: sockets logged in with the old one are dropped. */
  shareTokenReplaced(projectId: string): void;
  /** The project is gone: every socket of its sessions is dropped and their cached folds forgotten. */
  projectDeleted(projectId: string, sessionIds: string[]): void;
}

export function createAccessRevocation(io: RevocableRooms, events: Pick<EventService, "forget">): AccessRevocation {
  // `true` also closes the underlying connection: nothing of the old login stays open.
  const drop = (room: string) => io.in(room).disconnectSockets(true);
  return {
    shareTokenReplaced: (projectId) => drop(roomForProjectShare(projectId)),
    projectDeleted: (projectId, sessionIds) => {
      drop(roomForProjectSockets(projectId));
      for (const sessionId of sessionIds) events.forget(sessionId);
    },
  };
}
