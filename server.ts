import { loadEnvConfig } from "@next/env";
import { loadEnv } from "./lib/server/env";
import { createLogger } from "./lib/server/logger";
import { startServer } from "./lib/server/start-server";

// Thin entry point: parse the environment, boot Next + Socket.IO on one port, stop cleanly.
// .env, .env.local, .env.production… are read the way Next reads them, before we parse.
loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
const env = loadEnv();
const logger = createLogger({ level: env.LOG_LEVEL });
// A stray rejection must not take every user's session down with it: log it and keep serving.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

startServer({ env, logger })
  .then(({ shutdown }) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      const force = setTimeout(() => {
        logger.error({ signal }, "shutdown timed out; exiting");
        process.exit(1);
      }, env.SHUTDOWN_TIMEOUT_MS + 2_000);
      force.unref();
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  })
  .catch((error: unknown) => {
    logger.fatal({ err: error }, "server failed to start");
    process.exit(1);
  });
