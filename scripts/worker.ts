import { loadEnvConfig } from "@next/env";
import { connectRedis, createClusterAdapter } from "../lib/server/cluster";
import { createServices } from "../lib/server/create-services";
import { loadEnv } from "../lib/server/env";
import { createLogger } from "../lib/server/logger";
import { createIoServer } from "../lib/server/realtime/socket-server";
import { startBackground, stopJobs } from "../lib/server/lifecycle";

// `npm run worker`: a generation worker without HTTP. It takes jobs from the BullMQ queue and
// publishes their events; the Redis Streams adapter carries them to the web nodes' sockets.
// .env, .env.local, .env.production… are read the way Next reads them, before we parse.
loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
const env = loadEnv();
const logger = createLogger({ level: env.LOG_LEVEL }).child({ role: "worker" });
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

async function main() {
  if (!env.REDIS_URL) throw new Error("npm run worker needs REDIS_URL (the job queue lives in Redis)");
  const redis = connectRedis(env.REDIS_URL);
  const io = createIoServer(undefined, { adapter: createClusterAdapter(redis) });
  const concurrency = env.WORKER_CONCURRENCY ?? env.MAX_CONCURRENT_GENERATIONS;
  const services = await createServices({ env, logger, io, redis, workerConcurrency: concurrency });
  const background = startBackground(services, { clustered: true });
  logger.info({ concurrency, engine: services.engine.name }, "worker ready");

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker shutting down");
    background.stop();
    await stopJobs(services, env.SHUTDOWN_TIMEOUT_MS);
    await services.events.drain();
    await services.store.close();
    io.close();
    redis.disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", (s) => void stop(s));
  process.on("SIGINT", (s) => void stop(s));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
