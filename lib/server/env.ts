import { z } from "zod";
import { PREVIEW_FILE_MAX_CHARS } from "@/lib/protocol";

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

/** Every setting OpenV0 reads, parsed once at start-up so a bad value fails fast (see .env.example). */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HEARTBEAT_INTERVAL_MS: int(25_000, 100),
  MAX_CONCURRENT_GENERATIONS: int(4, 1),
  TEMPLATE_STEP_MS: int(800),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 100),
  /** Comma-separated browser origins allowed to open sockets; the app's own origin is always allowed. */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((o) => o.trim().replace(/\/$/, "")).filter(Boolean)),
  /** Rate limits; 0 turns one off. They apply to every client, loopback included. */
  RATE_LIMIT_GENERATIONS_PER_MINUTE: int(10),
  /** Connections per IP, counted at the Engine.IO handshake before any authentication. */
  RATE_LIMIT_SOCKETS_PER_IP: int(50),
  /** Engine.IO connections one process holds at most (0 = no cap); more are refused at the handshake. */
  MAX_CONNECTIONS: int(10_000),
  /** A connection that has not authenticated a socket after this long is closed. */
  SOCKET_AUTH_TIMEOUT_MS: int(10_000, 100),
  RATE_LIMIT_MESSAGES_PER_SECOND: int(20),
  /** Bytes a socket may leave unread before delivery pauses it (it resumes from the log once drained). */
  SOCKET_BUFFER_BYTES: int(1024 * 1024, 16 * 1024),
  /** A socket paused this long for not reading is dropped; its client resumes from its lastEventId. */
  SLOW_READER_TIMEOUT_MS: int(30_000, 100),
  /** Runs one session may have (its first plus retries); then retry answers 409 RUN_LIMIT_REACHED (0 = no cap). */
  MAX_RUNS_PER_SESSION: int(20),
  /** Generation jobs one IP may have waiting in the local queue; more answer 429 QUEUE_FULL (0 = no cap). */
  MAX_QUEUED_PER_IP: int(20),
  /** Version restores per project per minute; more answer 429 RATE_LIMITED (0 = off). */
  RATE_LIMIT_RESTORES_PER_MINUTE: int(10),
  /** Zip downloads per IP per minute; more answer 429 RATE_LIMITED (0 = off). */
  RATE_LIMIT_DOWNLOADS_PER_MINUTE: int(30),
  /** Restored copies one project may hold; more restores answer 409 VERSION_LIMIT_REACHED (0 = no cap). */
  MAX_RESTORES_PER_PROJECT: int(100),
  /** Largest image upload in bytes; a bigger body is refused with 413 while it streams in. */
  MAX_ASSET_BYTES: int(5 * 1024 * 1024, 1024),
  /** Images one project may hold; more uploads answer 409 ASSET_LIMIT_REACHED (0 = no cap). */
  MAX_ASSETS_PER_PROJECT: int(50),
  /**
   * Tests only, off by default: `kill-after-version` makes the process kill itself (SIGKILL) right
   * after a run's version is stored and before its completion is logged, the crash a test replays.
   */
  FAULT_INJECTION: z.enum(["kill-after-version"]).optional(),
  /** `log_event` messages per socket per minute (their own budget, inside the message limit). */
  RATE_LIMIT_LOG_EVENTS_PER_MINUTE: int(30),
  /**
   * Reverse proxies in front of the app whose X-Forwarded-For entries are trusted, counted from the
   * right (like Express's `trust proxy`): 0 = use the peer address, 1 = the address the nearest
   * proxy appended. `true`/`false` are read as 1/0.
   */
  TRUST_PROXY: z
    .union([z.enum(["true", "false"]).transform((v) => (v === "true" ? 1 : 0)), z.coerce.number().int().min(0).max(32)])
    .default(0),
  /** When set, `GET /api/metrics` requires it as a Bearer token. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Finished sessions older than this have their event log compacted to the final snapshot. */
  EVENT_LOG_RETENTION_HOURS: z.coerce.number().positive().default(168),
  /** A socket that asked for checkpoints and is more than this many events behind gets one (0 = never). */
  REPLAY_CHECKPOINT_AFTER: int(1_000),
  /** API key of the OpenAI-compatible provider. Setting it (or OPENAI_BASE_URL) makes `openai` the default engine. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Base URL of an OpenAI-compatible API, e.g. http://localhost:11434/v1 (Ollama); unset = api.openai.com. */
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Chat model the LLM engine asks, e.g. gpt-4o-mini or llama3.1. */
  OPENAI_MODEL: z.string().min(1).max(200).default("gpt-4o-mini"),
  /** `template` (offline, built in) or `openai`; unset = `openai` when a key or base URL is set, else `template`. */
  GENERATION_ENGINE: z.enum(["template", "openai"]).optional(),
  /** A step fails with STALLED when the provider sends no token for this long. */
  LLM_STALL_TIMEOUT_MS: int(45_000, 100),
  /** How many times a 429 from the provider is retried, with backoff, before RATE_LIMITED. */
  LLM_MAX_RETRIES: int(3),
  /** `max_tokens` of each model request (0 = not sent); an answer cut there is continued (LLM_MAX_CONTINUATIONS). */
  LLM_MAX_TOKENS: int(16_384),
  /** Follow-up requests that continue an answer cut by the token limit before OUTPUT_TOO_LONG. */
  LLM_MAX_CONTINUATIONS: int(2),
  /** Characters one generated file may have; a longer answer fails with OUTPUT_TOO_LONG. */
  LLM_MAX_FILE_CHARS: int(200_000, 1000).pipe(z.number().max(PREVIEW_FILE_MAX_CHARS)),
  /** PostgreSQL for projects, sessions, the event log and versions (postgres://…); unset = SQLite in DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
  /** Redis (redis://…): turns on the Socket.IO Redis Streams adapter and the BullMQ job queue, for several nodes. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
  /** Jobs one worker process runs at once (with REDIS_URL); unset = MAX_CONCURRENT_GENERATIONS. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).optional(),
  /** With REDIS_URL: 1 = web processes also run jobs; 0 = only `npm run worker` processes do. */
  WORKER_IN_WEB: z.enum(["0", "1", "true", "false"]).default("1").transform((v) => v === "1" || v === "true"),
  /** With REDIS_URL: a job whose worker died is taken over by another worker after about this long. */
  WORKER_LOCK_MS: int(30_000, 1000),
});
export type Env = z.infer<typeof envSchema>;

/** Parses the environment; throws one readable error listing every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
