import type { EventService } from "../realtime/event-service";
import { roomForProjectShare, roomForProjectSockets } from "../realtime/project-notices";

/** What a revocation needs from the Socket.IO server: a room-wide disconnect (through the adapter, every node). */
export interface RevocableRooms {
  in(room: string): { disconnectSockets(close?: boolean): void };
}

/**
 * Access is re-checked where it changes, not only at each socket's login: a socket keeps what it
 * was granted until something drops it, so every change that takes access away drops the
 * sockets it reaches, on every node. Their clients reconnect and are refused (401/404 as
 * `connect_error`), which the app shows as such.
 */
export interface AccessRevocation {
  /** The project's share token was replaced: sockets logged in with the old one are dropped. */
  shareTokenReplaced(projectId: string): void;
  /** The project is gone: every socket of its sessions is dropped and their cached folds forgotten. */
  projectDeleted(projectId: string, sessionIds: string[]): void;
}

export function createAccessRevocation(io: RevocableRooms, events: Pick<EventService, "forget">): AccessRevocation {
  // `true` closes the transport, so a client cannot stay attached to a socket the server dropped.
  const drop = (room: string) => io.in(room).disconnectSockets(true);
  return {
    shareTokenReplaced: (projectId) => drop(roomForProjectShare(projectId)),
    projectDeleted: (projectId, sessionIds) => {
      drop(roomForProjectSockets(projectId));
      for (const sessionId of sessionIds) events.forget(sessionId);
    },
  };
}
