import { generationSnapshotSchema, type CreateGenerationResponse, type GenerationSnapshot } from "@/lib/protocol";
import { bearer, connectRecorder, createGeneration, isTerminal, postJson, type Recorder } from "./clients";
import { llmServerEnv, startFakeOpenAI, type FakeOpenAI } from "./fake-openai-server";
import { removeDataDir, startServer, type RunningServer } from "./server-process";

/*
 * The LLM engine's integration tests: the fake provider, alone or with an app server generating
 * through it, started before a test file's first test and stopped after its last.
 */


type Session = Pick<CreateGenerationResponse, "sessionId" | "token">;

export interface FakeOpenAIHandle {
  readonly fake: FakeOpenAI;
}

export interface LlmApp extends FakeOpenAIHandle {
  readonly server: RunningServer;
  /** Starts a generation through the API. */
  create: (prompt: string) => Promise<CreateGenerationResponse>;
  /** A socket recording the session's events from the start. */
  watch: (session: Session) => Recorder;
  /** Records the session until its run has ended (`generation:completed`), then closes the socket. */
  recordToEnd: (session: Session, timeoutMs: number) => Promise<Recorder>;
  /** POSTs to the session's cancel or retry route with its owner token. */
  post: (session: Session, action: "cancel" | "retry") => ReturnType<typeof postJson>;
  /** The session's snapshot from the API, validated. */
  snapshot: (session: Session) => Promise<GenerationSnapshot>;
}

function running<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not running (use it inside a test)`);
  return value;
}

/** The fake provider alone (for the engine without an app server). */
export function setupFakeOpenAI(): FakeOpenAIHandle {
  let fake: FakeOpenAI | undefined;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake?.close();
  });
  return {
    get fake() {
      return running(fake, "the fake provider");
    },
  };
}

/** The fake provider and an app server generating with it (`llmServerEnv`: LLM_MAX_RETRIES=2, stall timeout 1.5 s). */
export function setupLlmApp(): LlmApp {
  let fake: FakeOpenAI | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    server = await startServer({ env: llmServerEnv(fake) });
  });
  afterAll(async () => {
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    await fake?.close();
  });
  const url = () => running(server, "the app server").url;
  const watch = (session: Session) => connectRecorder(url(), { sessionId: session.sessionId, token: session.token });
  return {
    get fake() {
      return running(fake, "the fake provider");
    },
    get server() {
      return running(server, "the app server");
    },
    create: (prompt) => createGeneration(url(), prompt),
    watch,
    recordToEnd: async (session, timeoutMs) => {
      const client = watch(session);
      await client.waitFor(isTerminal, timeoutMs);
      client.socket.close();
      return client;
    },
    post: (session, action) => postJson(`${url()}/api/generations/${session.sessionId}/${action}`, {}, bearer(session.token)),
    snapshot: async (session) =>
      generationSnapshotSchema.parse(await (await fetch(`${url()}/api/generations/${session.sessionId}`, { headers: bearer(session.token) })).json()),
  };
}
