import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { createServices } from "./create-services";
import type { Env } from "./env";
import type { Logger } from "./logger";
import { connectRedis, createClusterAdapter } from "./cluster";
import { LocalJobQueue } from "./generation/job-queue";
import { createIoServer, registerSocketHandlers, type IoServer } from "./realtime/socket-server";
import { refuseMalformedUrl } from "./http/malformed-url";
import { REQUEST_ID_HEADER } from "./http/route-handler";
import { CLIENT_IP_HEADER, resolveClientIp } from "./security/client-ip";
import { setServices, type Services } from "./services-registry";

/** Boots Next and Socket.IO on one HTTP server; resolves once listening. */
export async function startServer({ env, logger }: { env: Env; logger: Logger }) {
  const dev = env.NODE_ENV !== "production";
  const app = next({ dev, hostname: env.HOST, port: env.PORT, turbopack: dev });
  const handle = app.getRequestHandler();
  await app.prepare();

  const httpServer = createServer((req, res) => {
    // Route handlers cannot see the socket: hand them the client IP and a request id as headers,
    // overwriting whatever the client sent under those names.
    req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.headers, req.socket.remoteAddress, env.TRUST_PROXY);
    const requestId = randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (refuseMalformedUrl(req, res, { logger, onRefused: () => services.metrics.malformedUrls.inc() })) return;
    void handle(req, res);
  });
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : undefined;
  const io = createIoServer(httpServer, { adapter: redis && createClusterAdapter(redis) });
  const workerConcurrency = env.WORKER_IN_WEB ? (env.WORKER_CONCURRENCY ?? env.MAX_CONCURRENT_GENERATIONS) : 0;
  const services = await createServices({ env, logger, io, redis, workerConcurrency });
  setServices(services);
  // `npm run bench` only: publish commands over the IPC channel (lib/server/bench); inert otherwise.
  if (process.env.BENCH_DRIVER === "1") (await import("./bench/bench-driver")).startOpenV0BenchDriver(services);
  let port = env.PORT;
  const sockets = registerSocketHandlers(io, services, { getPort: () => port });
  // With a shared queue (REDIS_URL) a dead process's jobs are taken over by other workers instead.
  const interrupted = redis ? 0 : await services.generations.recoverInterrupted();
  if (interrupted) logger.warn({ count: interrupted }, "marked generations interrupted by the last shutdown");

  const compaction = scheduleCompaction(services);
  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  port = (httpServer.address() as AddressInfo).port;
  logger.info({ port, url: `http://localhost:${port}`, dev, engine: services.engine.name }, "server listening");

  /** Graceful stop: no new connections, running jobs interrupted cleanly, log flushed, DB closed. */
  async function shutdown(signal: string) {
    logger.info({ signal }, "shutting down");
    httpServer.close();
    sockets.stop();
    clearInterval(compaction);
    services.stopBackground();
    // Running jobs publish INTERRUPTED (retryable) while their watchers are still connected.
    await stopJobs(services, env.SHUTDOWN_TIMEOUT_MS);
    await closeTransports(io, 2_000);
    await services.store.close();
    redis?.disconnect();
    setServices(undefined);
  }
  return { port, shutdown };
}

/** Compacts old finished sessions now and then periodically (every hour, or faster for short retentions). */
export function scheduleCompaction({ env, events, jobs, logger }: Services): NodeJS.Timeout {
  const retentionMs = env.EVENT_LOG_RETENTION_HOURS * 3_600_000;
  const run = () => {
    events
      .compactFinishedBefore(new Date(Date.now() - retentionMs), (id) => jobs.has(id))
      .then((compacted) => compacted && logger.info({ compacted }, "compacted finished sessions' event logs"))
      .catch((error: unknown) => logger.error({ err: error }, "compaction failed"));
  };
  run();
  const timer = setInterval(run, Math.max(250, Math.min(3_600_000, retentionMs / 2)));
  timer.unref();
  return timer;
}

/**
 * Closes every client's transport after its pending packets are written (the INTERRUPTED events
 * must arrive). A transport close, unlike `disconnect()`, makes clients reconnect on their own.
 */
async function closeTransports(io: IoServer, timeoutMs: number): Promise<void> {
  const { clients } = io.engine as unknown as { clients: Record<string, { close: () => void }> };
  for (const client of Object.values(clients)) client.close();
  const deadline = Date.now() + timeoutMs;
  while (io.engine.clientsCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  io.engine.close();
}

/**
 * Interrupts the jobs of this process: each publishes INTERRUPTED (retryable) and its terminal
 * event; jobs still waiting in a local queue are reported the same way.
 */
export async function stopJobs({ queue, generations }: Services, timeoutMs: number): Promise<void> {
  const waiting = queue instanceof LocalJobQueue ? queue.waitingSessions() : [];
  await queue.stop(timeoutMs);
  for (const sessionId of waiting) {
    await generations.finishWithoutRun(sessionId, "INTERRUPTED", "The server is restarting; retry to continue");
  }
}
