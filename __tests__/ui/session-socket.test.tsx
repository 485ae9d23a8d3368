import { SERVER_PROBE_MS } from "@/lib/client/link-watch";
import { connectSessionSocket, reconnectDelay } from "@/lib/client/session-socket";
import { createGenerationStore, createInitialStoreState } from "@/stores/generation-store";
import { foldState, initialState, SESSION, snapshotBody, successfulRun } from "./fixtures";
import { FakeSocket, mockFetchJson } from "./render-helpers";

let fake: FakeSocket;
let ioOptions: { auth: (cb: (data: object) => void) => void; randomizationFactor: number; reconnectionDelay: number };
jest.mock("socket.io-client", () => ({
  io: (options: typeof ioOptions) => {
    ioOptions = options;
    return fake;
  },
}));

const run = successfulRun();
let fetchMock: jest.Mock;

function setup(events = run.slice(0, 3)) {
  fake = new FakeSocket();
  const store = createGenerationStore(createInitialStoreState(foldState(events)));
  const onEvent = jest.fn();
  const connection = connectSessionSocket({ sessionId: SESSION, token: "tok_owner", store, heartbeatIntervalMs: 1000, onEvent });
  return { store, onEvent, connection };
}

beforeEach(() => {
  const snapshot = snapshotBody(run.slice(0, 8));
  fetchMock = mockFetchJson(() => snapshot);
});

test("the handshake always carries the last applied seq, so a reconnect never replays twice", () => {
  const { store, connection } = setup();
  const auth = () => new Promise<object>((resolve) => ioOptions.auth(resolve));
  return (async () => {
    expect(await auth()).toEqual({ sessionId: SESSION, token: "tok_owner", lastEventId: 3, deltas: true, compact: true });
    fake.fire(run[3]!.type, run[3]!.data);
    expect(store.getState().generation.last_seq).toBe(4);
    expect(await auth()).toEqual({ sessionId: SESSION, token: "tok_owner", lastEventId: 4, deltas: true, compact: true });
    connection.close();
  })();
});

test("payloads are validated: invalid ones are dropped and reported, duplicates not re-announced", () => {
  const { store, onEvent, connection } = setup();
  fake.fire(run[3]!.type, { ...run[3]!.data, version: "lots" });
  expect(store.getState().generation.last_seq).toBe(3);
  expect(fake.emit).toHaveBeenCalledWith("log_event", expect.objectContaining({ event_type: "client:invalid_event" }));
  fake.fire(run[3]!.type, run[3]!.data);
  fake.fire(run[3]!.type, run[3]!.data);
  expect(onEvent).toHaveBeenCalledTimes(1);
  connection.close();
});

test("a gap triggers a re-sync from the snapshot API with the Bearer token", async () => {
  const { store, connection } = setup();
  fake.fire(run[6]!.type, run[6]!.data); // seq 7 after 3
  expect(store.getState().needsResync).toBe(true);
  await new Promise((r) => setTimeout(r, 0));
  const resyncCall = fetchMock.mock.calls.find(([, init]) => init?.headers?.authorization === "Bearer tok_owner");
  expect(resyncCall?.[0]).toBe(`/api/generations/${SESSION}`);
  expect(store.getState().needsResync).toBe(false);
  expect(store.getState().generation).toEqual(foldState(run.slice(0, 8)));
  expect(store.getState().prompt).toBe("a bakery");
  connection.close();
});

test("connect, heartbeat, drop, reconnect attempts with a countdown, then live again", () => {
  const { store, connection } = setup();
  expect(ioOptions.randomizationFactor).toBe(0);
  fake.fire("connect");
  fake.fire("connected", { session_id: SESSION, timestamp: new Date().toISOString(), last_seq: 3, role: "viewer" });
  expect(store.getState().connection.status).toBe("live");
  expect(store.getState().role).toBe("viewer");
  fake.fire("disconnect", "transport close");
  expect(store.getState().connection).toMatchObject({ status: "reconnecting", attempt: 1 });
  fake.io.fire("reconnect_attempt", 1);
  expect(store.getState().connection).toMatchObject({ status: "reconnecting", attempt: 1, nextRetryAt: null });
  const before = Date.now();
  fake.io.fire("reconnect_error", new Error("offline"));
  const { attempt, nextRetryAt } = store.getState().connection;
  expect(attempt).toBe(2);
  expect(nextRetryAt! - before).toBeGreaterThanOrEqual(reconnectDelay(2, ioOptions.reconnectionDelay) - 5);
  fake.io.fire("reconnect_failed");
  expect(store.getState().connection.status).toBe("offline");
  fake.fire("connect");
  expect(store.getState().connection).toMatchObject({ status: "live", attempt: 0, nextRetryAt: null });
  connection.close();
});

test("a refusal by the server (bad token) stops retrying and says why", () => {
  const { store, connection } = setup();
  fake.active = false; // socket.io deactivates a socket its server refused
  fake.fire("connect_error", Object.assign(new Error("UNAUTHORIZED"), { data: { code: "UNAUTHORIZED", message: "bad token" } }));
  expect(store.getState().connection).toMatchObject({ status: "refused", error: { code: "UNAUTHORIZED", message: "bad token" } });
  connection.close();
});

test("no heartbeat for two intervals while live: the connection is restarted", () => {
  jest.useFakeTimers();
  try {
    const { store, connection } = setup();
    fake.fire("connect");
    jest.advanceTimersByTime(1500);
    fake.fire("heartbeat", { timestamp: new Date().toISOString() });
    jest.advanceTimersByTime(1500);
    expect(store.getState().connection.status).toBe("live");
    expect(fake.connect).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1000); // 2.5 s since the last heartbeat, interval 1 s
    expect(store.getState().connection).toMatchObject({ status: "reconnecting", error: { code: "STALE" } });
    expect(fake.disconnect).toHaveBeenCalledTimes(1);
    expect(fake.connect).toHaveBeenCalledTimes(2);
    connection.close();
  } finally {
    jest.useRealTimers();
  }
});

test("close removes every listener it added, with the same handler", () => {
  const { connection } = setup();
  expect(fake.count()).toBeGreaterThan(8);
  expect(fake.io.count()).toBe(3);
  connection.close();
  expect(fake.count()).toBe(0);
  expect(fake.io.count()).toBe(0);
  expect(fake.disconnect).toHaveBeenCalled();
});

test("reconnectDelay doubles up to the cap", () => {
  expect([1, 2, 3, 4, 5].map((n) => reconnectDelay(n, 1000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  expect(initialState().last_seq).toBe(0);
});

test("while waiting to reconnect, the moment /api/health answers the socket reconnects at once", async () => {
  jest.useFakeTimers();
  try {
    const { store, connection } = setup();
    fake.fire("connect");
    fake.fire("disconnect", "transport close");
    // Waiting for the next backoff attempt, and the server is still down: nothing happens.
    expect(store.getState().connection).toMatchObject({ status: "reconnecting", attempt: 1 });
    expect(store.getState().connection.nextRetryAt).not.toBeNull();
    fetchMock.mockImplementation(async () => {
      throw new TypeError("Failed to fetch");
    });
    const connectsBefore = fake.connect.mock.calls.length;
    await jest.advanceTimersByTimeAsync(SERVER_PROBE_MS);
    expect(fetchMock.mock.calls.some(([url]) => url === "/api/health")).toBe(true);
    expect(fake.connect.mock.calls.length).toBe(connectsBefore);
    // The server answers: a fresh connect starts now, not at the end of the backoff.
    fetchMock.mockImplementation(async () => ({ ok: true, status: 200, json: async () => ({ status: "ok" }) }));
    await jest.advanceTimersByTimeAsync(SERVER_PROBE_MS);
    expect(fake.connect.mock.calls.length).toBe(connectsBefore + 1);
    expect(store.getState().connection).toMatchObject({ status: "reconnecting", attempt: 1, nextRetryAt: null });
    connection.close();
  } finally {
    jest.useRealTimers();
  }
});
