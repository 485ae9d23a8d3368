import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server, type ServerOptions } from "socket.io";
import { randomBytes } from "node:crypto";
import { startBenchDriver } from "./driver/bench-driver";

/*
 * The baseline: a plain Socket.IO server with nothing of OpenV0 in the path — no token check, no
 * zod, no SQLite, no replay, no logging. It joins each socket to its session's room and emits the
 * very payloads OpenV0 publishes (same builder, same rate loop, a per-session seq counter), so the
 * difference between the two is what OpenV0's publish path and handshake cost.
 * BASELINE_COMPRESSION = off | lean | default picks the permessage-deflate setting to compare.
 */

const COMPRESSION_SETTINGS: Record<string, ServerOptions["perMessageDeflate"]> = {
  off: false,
  // Only large frames, cheapest level, tiny zlib state, and no context kept between messages.
  lean: {
    threshold: 1024,
    zlibDeflateOptions: { memLevel: 1, level: 1 },
    serverNoContextTakeover: true,
    clientNoContextTakeover: true,
  },
  // As lean, with a 1 KB window instead of 32 KB: the zlib state each socket keeps after its
  // first compressed message shrinks from ~130 KB to a few KB.
  "lean-w10": {
    threshold: 1024,
    zlibDeflateOptions: { memLevel: 1, level: 1 },
    serverNoContextTakeover: true,
    clientNoContextTakeover: true,
    serverMaxWindowBits: 10,
  },
  // What `perMessageDeflate: true` gives: ws defaults (level 6, memLevel 8, context takeover).
  default: { threshold: 1024 },
};

function startBaseline(): void {
  const mode = process.env.BASELINE_COMPRESSION ?? "off";
  if (!(mode in COMPRESSION_SETTINGS)) throw new Error(`BASELINE_COMPRESSION must be one of ${Object.keys(COMPRESSION_SETTINGS).join(", ")}`);
  const httpServer = createServer((_req, res) => res.writeHead(404).end());
  const io = new Server(httpServer, {
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    perMessageDeflate: COMPRESSION_SETTINGS[mode],
  });
  const seqs = new Map<string, number>();

  io.on("connection", (socket) => {
    const sessionId = String((socket.handshake.auth as { sessionId?: unknown }).sessionId ?? "");
    socket.emit("connected", { session_id: sessionId, timestamp: new Date().toISOString(), last_seq: seqs.get(sessionId) ?? 0, role: "owner" });
    void socket.join(`session:${sessionId}`);
  });

  startBenchDriver({
    createSession: () => {
      const sessionId = randomBytes(24).toString("base64url");
      seqs.set(sessionId, 0);
      return { sessionId, token: "baseline" };
    },
    publish: (sessionId, input) => {
      const seq = (seqs.get(sessionId) ?? 0) + 1;
      seqs.set(sessionId, seq);
      io.to(`session:${sessionId}`).emit(input.type, { ...input.data, seq });
      return seq;
    },
    connectionCount: () => io.engine.clientsCount,
  });

  httpServer.listen(0, "127.0.0.1", () => {
    const { port } = httpServer.address() as AddressInfo;
    // Same shape as OpenV0's pino line, so the orchestrator reads both ports the same way.
    console.log(JSON.stringify({ msg: "server listening", port, compression: mode }));
  });
  process.on("SIGTERM", () => {
    void io.close();
    process.exit(0);
  });
}

startBaseline();
