import type { Socket } from "socket.io";

/*
 * A socket's write buffer, as far as this process holds it: packets Engine.IO keeps while its
 * transport is busy (a WebSocket whose last write has not completed, a polling client that has
 * not polled) plus what the WebSocket library has queued on the TCP socket. A reader that stops
 * reading makes this grow; delivery pauses a socket above the high-water mark and resumes it
 * from the log (the log is its buffer) once it drained, or drops it if it never does.
 */

interface EnginePacket {
  data?: unknown;
}
interface Emitter {
  on: (event: string, listener: () => void) => unknown;
  off: (event: string, listener: () => void) => unknown;
}
interface EngineConnection extends Emitter {
  writeBuffer?: EnginePacket[];
  transport?: Emitter & { socket?: { bufferedAmount?: number; terminate?: () => void } };
  close: (discard?: boolean) => void;
}

const sizeOf = (data: unknown): number =>
  typeof data === "string" ? data.length : data instanceof ArrayBuffer || ArrayBuffer.isView(data) ? data.byteLength : 0;

/** Bytes written to the socket that its client has not taken yet (characters for text packets). */
export function pendingBytes(socket: Socket): number {
  const conn = socket.conn as unknown as EngineConnection | undefined;
  if (!conn) return 0;
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  const packets = conn.writeBuffer ?? [];
  for (let i = 0; i < packets.length; i++) bytes += sizeOf(packets[i]!.data);
  return bytes;
}

export interface BackpressureOptions {
  /** Above this many pending bytes a socket gets nothing more until it drained. */
  highWaterBytes: number;
  /** A paused socket resumes once below this. */
  lowWaterBytes: number;
  /** A socket paused this long is dropped: its client reconnects with its lastEventId. */
  slowReaderTimeoutMs: number;
  /**
   * How often a paused socket's buffer is looked at besides its transport's "drain" events (which
   * say a write was handed to the kernel): for the timeout, and for what no event announces.
   */
  checkEveryMs: number;
}

export const DEFAULT_BACKPRESSURE: BackpressureOptions = {
  highWaterBytes: 1024 * 1024,
  lowWaterBytes: 256 * 1024,
  slowReaderTimeoutMs: 30_000,
  checkEveryMs: 250,
};

/**
 * Resolves `true` once the socket's buffer is below the low-water mark, `false` when it went away
 * or was dropped for reading too slowly (after `slowReaderTimeoutMs`).
 */
export function waitForDrain(socket: Socket, options: BackpressureOptions, onDropped: () => void): Promise<boolean> {
  const since = Date.now();
  const conn = socket.conn as unknown as EngineConnection;
  const transport = conn.transport;
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearInterval(timer);
      conn.off("drain", check);
      transport?.off("drain", check);
      resolve(ok);
    };
    const check = () => {
      if (!socket.connected) finish(false);
      else if (pendingBytes(socket) <= options.lowWaterBytes) finish(true);
      else if (Date.now() - since >= options.slowReaderTimeoutMs) {
        onDropped();
        dropSocket(socket);
        finish(false);
      }
    };
    const timer = setInterval(check, options.checkEveryMs);
    timer.unref();
    conn.on("drain", check);
    transport?.on("drain", check);
  });
}

/**
 * Closes a socket's connection now, discarding what it has not read: a plain close would wait for
 * the write buffer to drain (Engine.IO) and for a close handshake (ws, 30 s) the reader never reads.
 */
export function dropSocket(socket: Socket): void {
  const conn = socket.conn as unknown as EngineConnection;
  const ws = conn.transport?.socket;
  if (typeof ws?.terminate === "function") ws.terminate();
  conn.close(true);
}
