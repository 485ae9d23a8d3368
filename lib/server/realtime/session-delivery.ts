import type { Socket } from "socket.io";
import { compactPreviewDelta, type PreviewPatchWire, type SessionEvent } from "@/lib/protocol";
import { ReplayPages, ReplayTurns, type ReadPage } from "./replay-pages";

/** The Socket.IO room of a session (only SessionDelivery joins and reads rooms). */
export const roomForSession = (sessionId: string) => `session:${sessionId}`;

interface Cursor {
  sessionId: string;
  /** Highest seq this socket has been sent. */
  seq: number;
  /** Reading the log: live events wait in `buffer` meanwhile. */
  catchingUp: boolean;
  /** When the socket joined its room (ReplayPages clock): only reads started later can serve it. */
  joinedAt: number;
  buffer: SessionEvent[];
  /** Asked for live deltas in their compact `preview:patch` form. */
  compact: boolean;
}

type Rooms = { rooms: Map<string, Set<string>>; sockets: Map<string, Socket> };

const ROOM_PREFIX = roomForSession("");

/** Past this many tries to close a gap from the log, the socket is dropped so its client resumes. */
const MAX_CATCH_UP_ROUNDS = 5;
/** Events per log read during a replay. */
export const REPLAY_PAGE_SIZE = 500;
/**
 * Events sent to one socket per event-loop turn during a replay: other I/O (HTTP requests, other
 * sockets) waits at most this many emits, whatever the number of sockets replaying.
 */
const REPLAY_TURN_EVENTS = 100;

export interface SessionDeliveryDeps {
  rooms: () => Rooms;
  readPage: ReadPage;
  onReplayed?: (count: number) => void;
  pageSize?: number;
}

/**
 * Delivers each session event to each watching socket of this node exactly once and in order.
 *
 * Every socket keeps a cursor (the last seq it was sent). A joining socket first reads the log
 * after its `lastEventId` while live events for it are buffered; then the buffer is drained.
 * A live event that skips ahead of a cursor (a message lost between nodes) sends that socket back
 * to the log. Duplicates (seq ≤ cursor) are dropped. This holds whichever process published the
 * event and however the replay and live traffic interleave, on one node or many.
 *
 * Replays read the log a page at a time, and all replays of the process take turns of at most
 * 100 events per event-loop iteration (ReplayTurns), with I/O in between; sockets replaying the
 * same session share each page read (ReplayPages). So a storm of reconnects cannot starve others.
 */
export class SessionDelivery {
  private readonly cursors = new WeakMap<Socket, Cursor>();
  private readonly pages: ReplayPages;
  private readonly turns = new ReplayTurns();

  constructor(private readonly deps: SessionDeliveryDeps) {
    this.pages = new ReplayPages(deps.readPage, deps.pageSize ?? REPLAY_PAGE_SIZE);
  }

  /** Whether a socket of this node watches the session. */
  hasWatchers(sessionId: string): boolean {
    return (this.deps.rooms().rooms.get(roomForSession(sessionId))?.size ?? 0) > 0;
  }

  /** Sessions with at least one socket on this node. */
  watchedSessionCount(): number {
    let count = 0;
    for (const name of this.deps.rooms().rooms.keys()) if (name.startsWith(ROOM_PREFIX)) count++;
    return count;
  }

  /** Joins the socket to its session and sends every logged event after `lastEventId`. */
  async attach(socket: Socket, sessionId: string, lastEventId: number, compact = false): Promise<void> {
    const cursor: Cursor = { sessionId, seq: lastEventId, catchingUp: true, buffer: [], joinedAt: Infinity, compact };
    this.cursors.set(socket, cursor);
    await socket.join(roomForSession(sessionId));
    cursor.joinedAt = this.pages.stamp();
    await this.catchUp(socket);
  }

  /**
   * Sends a freshly published event to this node's watchers of its session: `live` (same seq,
   * possibly a smaller form, see live-form.ts) to sockets in sync, `event` itself to any other.
   * In-sync sockets that opted in get a live delta as `preview:patch` (computed once per event).
   */
  deliver(event: SessionEvent, live: SessionEvent = event): void {
    const { rooms, sockets } = this.deps.rooms();
    const ids = rooms.get(roomForSession(event.data.session_id));
    if (!ids) return;
    let patch: PreviewPatchWire | null | undefined;
    const compactOf = () => (patch === undefined ? (patch = live.type === "preview:delta" ? compactPreviewDelta(live.data) : null) : patch);
    for (const id of ids) {
      const socket = sockets.get(id);
      const cursor = socket && this.cursors.get(socket);
      if (!socket || !cursor) continue;
      if (cursor.catchingUp) cursor.buffer.push(event);
      else if (event.data.seq === cursor.seq + 1) this.send(socket, cursor, live, cursor.compact ? compactOf() : null);
      else if (event.data.seq > cursor.seq + 1) {
        cursor.catchingUp = true;
        cursor.buffer.push(event);
        void this.catchUp(socket);
      }
    }
  }

  /**
   * Cluster safety net. Events from other processes travel as Redis PUB/SUB messages, which are
   * not kept: a lost one is noticed at the next event of its session, but a lost *last* event
   * would not be. So now and then every watching socket's cursor is compared with the session's
   * logged last seq, and a socket that is behind reads the rest from the log.
   */
  async sweep(readLastSeqs: (sessionIds: string[]) => Promise<Map<string, number>>): Promise<number> {
    const { rooms, sockets } = this.deps.rooms();
    const watchers = new Map<string, Socket[]>();
    for (const [room, ids] of rooms) {
      if (!room.startsWith(ROOM_PREFIX)) continue;
      const list = [...ids].flatMap((id) => sockets.get(id) ?? []);
      if (list.length) watchers.set(room.slice(ROOM_PREFIX.length), list);
    }
    if (watchers.size === 0) return 0;
    const lastSeqs = await readLastSeqs([...watchers.keys()]);
    let behind = 0;
    for (const [sessionId, list] of watchers) {
      const last = lastSeqs.get(sessionId) ?? 0;
      for (const socket of list) {
        const cursor = this.cursors.get(socket);
        if (!cursor || cursor.catchingUp || cursor.seq >= last) continue;
        behind++;
        cursor.catchingUp = true;
        void this.catchUp(socket);
      }
    }
    return behind;
  }

  private send(socket: Socket, cursor: Cursor, event: SessionEvent, patch: PreviewPatchWire | null = null): void {
    if (patch) socket.emit("preview:patch", patch);
    else socket.emit(event.type, event.data);
    cursor.seq = event.data.seq;
  }

  /**
   * Sends the log after the cursor page by page, then the live events buffered meanwhile. A gap
   * left in the buffer (a cross-node message lost) means another round from the log.
   */
  private async catchUp(socket: Socket): Promise<void> {
    const cursor = this.cursors.get(socket)!;
    try {
      for (let round = 0; round < MAX_CATCH_UP_ROUNDS; round++) {
        if (!(await this.replayLog(socket, cursor))) return;
        const pending = cursor.buffer.sort((a, b) => a.data.seq - b.data.seq);
        cursor.buffer = [];
        for (const event of pending) {
          if (event.data.seq === cursor.seq + 1) this.send(socket, cursor, event);
          else if (event.data.seq > cursor.seq + 1) cursor.buffer.push(event);
        }
        if (cursor.buffer.length === 0) {
          cursor.catchingUp = false;
          return;
        }
      }
      socket.conn.close();
    } catch {
      // The log could not be read: drop the socket so its client reconnects with its lastEventId.
      socket.conn.close();
    }
  }

  /**
   * Sends every logged event after the cursor, at most REPLAY_TURN_EVENTS per event-loop turn;
   * false when the socket went away meanwhile.
   */
  private async replayLog(socket: Socket, cursor: Cursor): Promise<boolean> {
    for (let first = true; ; first = false) {
      if (!first) await this.turns.next();
      const page = await this.pages.read(cursor.sessionId, cursor.seq, cursor.joinedAt);
      for (let from = 0; from < page.length; from += REPLAY_TURN_EVENTS) {
        if (from > 0) await this.turns.next();
        if (!socket.connected) return false;
        const slice = page.slice(from, from + REPLAY_TURN_EVENTS);
        const sent = this.sendInOrder(socket, cursor, slice);
        this.deps.onReplayed?.(sent);
        if (sent < slice.length) return true; // not contiguous with the cursor: the caller reads again
      }
      if (!socket.connected) return false;
      if (page.length < this.pages.pageSize) return true;
    }
  }

  /** Sends the events that continue the cursor, stopping at the first that does not; returns how many. */
  private sendInOrder(socket: Socket, cursor: Cursor, events: SessionEvent[]): number {
    let sent = 0;
    for (const event of events) {
      if (event.data.seq !== cursor.seq + 1) break;
      this.send(socket, cursor, event);
      sent++;
    }
    return sent;
  }
}
