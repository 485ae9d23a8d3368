import type { Socket } from "socket.io";
import { compactPreviewDelta, type PreviewPatchWire, type SessionEvent } from "@/lib/protocol";
import { LoopTurns } from "../loop-turns";
import { ReplayPages, type ReadPage } from "./replay-pages";
import { DEFAULT_BACKPRESSURE, pendingBytes, waitForDrain, type BackpressureOptions } from "./write-buffer";

/**
 * What a socket asked to receive live (handshake flags): `whole` = every logged event as logged
 * (the seed's contract: each `preview:updated` whole); `delta` = a logged snapshot as a
 * `preview:delta` from the preview the socket holds; `compact` = that delta as `preview:patch`.
 */
export type LiveWire = "whole" | "delta" | "compact";

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
  wire: LiveWire;
  /**
   * Live events were not buffered during the catch-up (the socket was paused, or the buffer was
   * full): they are in the log, so the catch-up reads it once more.
   */
  missed: boolean;
  /** Its write buffer is over the high-water mark: nothing is sent until it drained. */
  paused: boolean;
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
/** Live events held for one catching-up socket at most; past it they are read from the log. */
const MAX_BUFFERED_EVENTS = 1_000;

/** Sends one message to several sockets of this node, encoded once (Socket.IO's local broadcast). */
export type EmitTo = (socketIds: string[], name: string, data: unknown) => void;

export interface SessionDeliveryDeps {
  rooms: () => Rooms;
  readPage: ReadPage;
  onReplayed?: (count: number) => void;
  /** A socket dropped because it did not read what it was sent. */
  onSlowReader?: () => void;
  pageSize?: number;
  /** Unset: one emit per socket. */
  emitTo?: EmitTo;
  backpressure?: Partial<BackpressureOptions>;
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
 * 100 events per event-loop iteration (LoopTurns), with I/O in between; sockets replaying the
 * same session share each page read (ReplayPages). So a storm of reconnects cannot starve others.
 */
export class SessionDelivery {
  private readonly cursors = new WeakMap<Socket, Cursor>();
  private readonly pages: ReplayPages;
  private readonly turns = new LoopTurns();
  private readonly backpressure: BackpressureOptions;

  constructor(private readonly deps: SessionDeliveryDeps) {
    this.pages = new ReplayPages(deps.readPage, deps.pageSize ?? REPLAY_PAGE_SIZE);
    this.backpressure = { ...DEFAULT_BACKPRESSURE, ...deps.backpressure };
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
  async attach(socket: Socket, sessionId: string, lastEventId: number, wire: LiveWire = "whole"): Promise<void> {
    const cursor: Cursor = { sessionId, seq: lastEventId, catchingUp: true, buffer: [], joinedAt: Infinity, wire, missed: false, paused: false };
    this.cursors.set(socket, cursor);
    await socket.join(roomForSession(sessionId));
    cursor.joinedAt = this.pages.stamp();
    await this.catchUp(socket);
  }

  /**
   * Sends a freshly published event to this node's watchers of its session: to sockets in sync,
   * in the form each asked for (`event` itself, `live` — same seq, possibly a smaller form, see
   * live-form.ts — or that delta as `preview:patch`), each form encoded once for all of them; to
   * a catching-up socket, into its buffer. A socket whose write buffer is full gets nothing: it
   * is paused and later resumes from the log.
   */
  deliver(event: SessionEvent, live: SessionEvent = event): void {
    const { rooms, sockets } = this.deps.rooms();
    const ids = rooms.get(roomForSession(event.data.session_id));
    if (!ids) return;
    const seq = event.data.seq;
    const groups: Record<LiveWire, string[]> = { whole: [], delta: [], compact: [] };
    for (const id of ids) {
      const socket = sockets.get(id);
      const cursor = socket && this.cursors.get(socket);
      if (!socket || !cursor) continue;
      if (cursor.catchingUp) this.hold(cursor, event);
      else if (seq === cursor.seq + 1) {
        if (pendingBytes(socket) > this.backpressure.highWaterBytes) this.pause(socket, cursor);
        else {
          groups[cursor.wire].push(id);
          cursor.seq = seq;
        }
      } else if (seq > cursor.seq + 1) {
        cursor.catchingUp = true;
        this.hold(cursor, event);
        void this.catchUp(socket);
      }
    }
    this.emitGroup(groups.whole, event);
    this.emitGroup(groups.delta, live);
    if (groups.compact.length > 0) {
      const patch: PreviewPatchWire | null = live.type === "preview:delta" ? compactPreviewDelta(live.data) : null;
      if (patch) this.emitTo(groups.compact, "preview:patch", patch);
      else this.emitGroup(groups.compact, live);
    }
  }

  private emitGroup(ids: string[], event: SessionEvent): void {
    if (ids.length > 0) this.emitTo(ids, event.type, event.data);
  }

  private emitTo(ids: string[], name: string, data: unknown): void {
    if (this.deps.emitTo && ids.length > 1) return this.deps.emitTo(ids, name, data);
    const { sockets } = this.deps.rooms();
    for (const id of ids) sockets.get(id)?.emit(name as "heartbeat", data as never);
  }

  /** Keeps a live event for a catching-up socket, unless the log will have to give it anyway. */
  private hold(cursor: Cursor, event: SessionEvent): void {
    if (cursor.paused || cursor.buffer.length >= MAX_BUFFERED_EVENTS) this.miss(cursor);
    else cursor.buffer.push(event);
  }

  /**
   * Notes a live event left to the log. Only log reads started after this point may serve the
   * socket from now on (a read already under way may not hold the event).
   */
  private miss(cursor: Cursor): void {
    cursor.missed = true;
    cursor.joinedAt = this.pages.stamp();
  }

  /** Stops sending to a socket that does not read; it catches up from the log once drained. */
  private pause(socket: Socket, cursor: Cursor): void {
    cursor.catchingUp = true;
    cursor.paused = true;
    this.miss(cursor);
    void this.catchUp(socket);
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

  private send(socket: Socket, cursor: Cursor, event: SessionEvent): void {
    socket.emit(event.type as "heartbeat", event.data as never);
    cursor.seq = event.data.seq;
  }

  /** Waits until the socket took what it was sent; false when it went away or was dropped. */
  private async drained(socket: Socket, cursor: Cursor): Promise<boolean> {
    if (pendingBytes(socket) <= this.backpressure.highWaterBytes && !cursor.paused) return true;
    cursor.paused = true;
    const ok = await waitForDrain(socket, this.backpressure, () => this.deps.onSlowReader?.());
    cursor.paused = false;
    return ok;
  }

  /**
   * Sends the log after the cursor page by page, then the live events buffered meanwhile. A gap
   * left in the buffer (a cross-node message lost), or live events not buffered (paused, full),
   * mean another round from the log; rounds that make no progress are bounded.
   */
  private async catchUp(socket: Socket): Promise<void> {
    const cursor = this.cursors.get(socket)!;
    try {
      for (let idle = 0; idle < MAX_CATCH_UP_ROUNDS; ) {
        const before = cursor.seq;
        cursor.missed = false;
        if (!(await this.replayLog(socket, cursor))) return;
        const pending = cursor.buffer.sort((a, b) => a.data.seq - b.data.seq);
        cursor.buffer = [];
        for (const event of pending) {
          if (event.data.seq === cursor.seq + 1) this.send(socket, cursor, event);
          else if (event.data.seq > cursor.seq + 1) cursor.buffer.push(event);
        }
        if (cursor.buffer.length === 0 && !cursor.missed) {
          cursor.catchingUp = false;
          return;
        }
        idle = cursor.seq > before ? 0 : idle + 1;
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
      if (!(await this.drained(socket, cursor))) return false;
      const page = await this.pages.read(cursor.sessionId, cursor.seq, cursor.joinedAt);
      for (let from = 0; from < page.length; from += REPLAY_TURN_EVENTS) {
        if (from > 0) await this.turns.next();
        if (!socket.connected || !(await this.drained(socket, cursor))) return false;
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
