import { io, type Socket } from "socket.io-client";
import {
  createGenerationResponseSchema,
  expandPreviewPatch,
  parseSessionEvent,
  projectTurnNoticeSchema,
  sessionEventTypes,
  type ClientToServerEvents,
  type CreateGenerationResponse,
  type ProjectTurnNotice,
  type SessionEvent,
  type ServerToClientEvents,
} from "@/lib/protocol";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The Authorization header for a token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** POSTs JSON and returns status, headers and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json };
}

/** Starts a generation through the real API and validates the response against the contract. */
export async function createGeneration(baseUrl: string, prompt = "A bakery called Crumb & Co with a menu"): Promise<CreateGenerationResponse> {
  const res = await postJson(`${baseUrl}/api/generations`, { prompt });
  if (res.status !== 202) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.json)}`);
  return createGenerationResponseSchema.parse(res.json);
}

export interface Recorder {
  socket: TestSocket;
  events: SessionEvent[];
  /** Every event name received, in order, including system events. */
  names: string[];
  invalid: unknown[];
  waitFor: (predicate: (events: SessionEvent[]) => boolean, timeoutMs?: number) => Promise<void>;
}

/** Connects a real socket.io-client and records every session event it receives, validated. */
export function connectRecorder(baseUrl: string, auth: Record<string, unknown>, options: { transports?: string[] } = {}): Recorder {
  const socket: TestSocket = io(baseUrl, { auth, transports: options.transports ?? ["websocket"], reconnection: false, forceNew: true });
  const events: SessionEvent[] = [];
  const names: string[] = [];
  const invalid: unknown[] = [];
  const waiters = createWaiters();
  socket.onAny((name: string) => names.push(name));
  for (const type of sessionEventTypes) {
    socket.on(type, (data: unknown) => {
      const event = parseSessionEvent(type, data);
      if (event) events.push(event);
      else invalid.push({ type, data });
      waiters.notify();
    });
  }
  // Only sent to sockets that asked for `compact`: expanded and validated like the app's client.
  socket.on("preview:patch", (data: unknown) => {
    const event = expandPreviewPatch(String(auth.sessionId), data);
    if (event) events.push(event);
    else invalid.push({ type: "preview:patch", data });
    waiters.notify();
  });
  const waitFor = (predicate: (e: SessionEvent[]) => boolean, timeoutMs = 20_000) =>
    waiters.until(() => predicate(events), timeoutMs, () => `timed out; got ${events.map((e) => `${e.data.seq}:${e.type}`).join(", ")}`);
  return { socket, events, names, invalid, waitFor };
}

export const isTerminal = (events: SessionEvent[]) => events.some((e) => e.type === "generation:completed");
export const seqs = (events: SessionEvent[]) => events.map((e) => e.data.seq);
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Resolves with the `connect_error` a refused socket receives. */
export function expectConnectError(baseUrl: string, auth: Record<string, unknown>, query?: Record<string, string>) {
  return new Promise<{ message: string; data: unknown }>((resolve, reject) => {
    const socket = io(baseUrl, { auth, query, transports: ["websocket"], reconnection: false, forceNew: true });
    socket.on("connect", () => {
      socket.close();
      reject(new Error("connected but should have been refused"));
    });
    socket.on("connect_error", (err: Error & { data?: unknown }) => {
      socket.close();
      resolve({ message: err.message, data: err.data });
    });
  });
}

/** Promises that settle once a condition holds, checked again at every `notify` (an arrival). */
function createWaiters() {
  const waiters = new Set<() => void>();
  const until = (check: () => boolean, timeoutMs: number, describe: () => string) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const test = () => {
        if (!check()) return;
        waiters.delete(test);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(test);
        reject(new Error(describe()));
      }, timeoutMs);
      waiters.add(test);
    });
  return { notify: () => waiters.forEach((w) => w()), until };
}

/** Records a socket's `project:turn` notices, each parsed by the protocol's schema (the rest kept as malformed). */
export function recordProjectNotices(socket: TestSocket) {
  const notices: ProjectTurnNotice[] = [];
  const malformed: unknown[] = [];
  const waiters = createWaiters();
  socket.on("project:turn", (data: unknown) => {
    const parsed = projectTurnNoticeSchema.safeParse(data);
    if (parsed.success) notices.push(parsed.data);
    else malformed.push(data);
    waiters.notify();
  });
  /** Resolves once the notices so far satisfy `predicate` (waits for arrivals, never for a set time). */
  const waitFor = (predicate: (notices: ProjectTurnNotice[]) => boolean, what: string, timeoutMs = 60_000) =>
    waiters.until(() => predicate(notices), timeoutMs, () => `never saw ${what}; got ${JSON.stringify(notices)}`);
  return { notices, malformed, waitFor };
}
