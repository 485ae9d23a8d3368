import pino, { type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; prompts and tokens are never logged at info level. */
export function createLogger({ level }: { level: string }): Logger {
  return pino({
    level,
    base: { service: "openv0" },
    redact: { paths: ["token", "*.token", "prompt", "*.prompt", "headers.authorization"], censor: "[redacted]" },
  });
}
