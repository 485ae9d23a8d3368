import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import { createServices } from "./create-services";
import type { Env } from "./env";
import type { Logger } from "./logger";
import { connectRedis, createClusterAdapter } from "./cluster";
import { startBackground, stopJobs } from "./lifecycle";
import { createIoServer, registerSocketHandlers, type IoServer } from "./realtime/socket-server";
import { refuseMalformedUrl } from "./http/malformed-url";
import { answerRawRefusalsWithJson, refuseUnsupportedMethod } from "./http/unsupported-method";
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
    if (refuseUnsupportedMethod(req, res)) return;
    void handle(req, res);
  });
  answerRawRefusalsWithJson(httpServer);
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : undefined;
  const io = createIoServer(httpServer, { adapter: redis && createClusterAdapter(redis) });
  const workerConcurrency = env.WORKER_IN_WEB ? (env.WORKER_CONCURRENCY ?? env.MAX_CONCURRENT_GENERATIONS) : 0;
  const services = await createServices({ env, logger, io, redis, workerConcurrency });
  setServices(services);
  // `npm run bench` only: the one seam for scripts/bench, whose driver takes publish commands over
  // the IPC channel (never the network). Production never loads it.
  if (process.env.BENCH_DRIVER === "1") await loadBenchDriver(services);
  let port = env.PORT;
  const sockets = registerSocketHandlers(io, services, { getPort: () => port });
  // With a shared queue (REDIS_URL) a dead process's jobs are taken over by other workers instead.
  const interrupted = redis ? 0 : await services.generations.recoverInterrupted();
  if (interrupted) logger.warn({ count: interrupted }, "marked generations interrupted by the last shutdown");

  const background = startBackground(services, { clustered: Boolean(redis) });
  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  port = (httpServer.address() as AddressInfo).port;
  logger.info({ port, url: `http://localhost:${port}`, dev, engine: services.engine.name }, "server listening");

  /** Graceful stop: no new connections, running jobs interrupted cleanly, log flushed, DB closed. */
  async function shutdown(signal: string) {
    logger.info({ signal }, "shutting down");
    httpServer.close();
    sockets.stop();
    background.stop();
    // Running jobs publish INTERRUPTED (retryable) while their watchers are still connected.
    await stopJobs(services, env.SHUTDOWN_TIMEOUT_MS);
    await services.events.drain();
    await closeTransports(io, 2_000);
    await services.store.close();
    redis?.disconnect();
    setServices(undefined);
  }
  return { port, shutdown };
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

/** Loads the bench driver from scripts/bench by path, so no bundler or import graph pulls it in. */
async function loadBenchDriver(services: Services): Promise<void> {
  const modulePath = path.join(process.cwd(), "scripts/bench/driver/openv0-driver.ts");
  const driver = (await import(pathToFileURL(modulePath).href)) as { startOpenV0BenchDriver: (s: Services) => void };
  driver.startOpenV0BenchDriver(services);
}
