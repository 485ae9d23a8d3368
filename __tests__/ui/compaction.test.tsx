import { connectSessionSocket } from "@/lib/client/session-socket";
import { applyCompaction, createGenerationStore, createInitialStoreState } from "@/stores/generation-store";
import { foldState, SESSION, snapshotBody, successfulRun } from "./fixtures";
import { FakeSocket, mockFetchJson } from "./render-helpers";

/*
 * A compacted session log keeps only its final snapshot: a client that reconnects from an older
 * seq gets no replay and no gap to notice. `connected.compacted_through` is its cue to load the
 * snapshot instead of waiting.
 */

let fake: FakeSocket;
jest.mock("socket.io-client", () => ({ io: () => fake }));

const run = successfulRun();
let serverEvents: number;
let fetchMock: jest.Mock;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const connected = (extra: object) => ({ session_id: SESSION, timestamp: new Date().toISOString(), last_seq: run.length, role: "owner", ...extra });

beforeEach(() => {
  serverEvents = 3;
  fetchMock = mockFetchJson(() => snapshotBody(run.slice(0, serverEvents)));
  fake = new FakeSocket();
});

/** A client that has applied the first 3 events and already loaded its first snapshot. */
async function connectAtSeq3() {
  const store = createGenerationStore(createInitialStoreState(foldState(run.slice(0, 3))));
  const connection = connectSessionSocket({ sessionId: SESSION, token: "tok_owner", store, heartbeatIntervalMs: 1000, onEvent: jest.fn() });
  await settle();
  expect(fetchMock).toHaveBeenCalledTimes(1);
  // Meanwhile the run finished and its log was compacted into the final snapshot.
  serverEvents = run.length;
  return { store, connection };
}

test("compacted_through beyond the last applied seq: the snapshot is loaded instead of waiting for a replay", async () => {
  const { store, connection } = await connectAtSeq3();
  fake.fire("connect");
  fake.fire("connected", connected({ compacted_through: run.length }));
  await settle();
  expect(fetchMock).toHaveBeenCalledTimes(2);
  expect(fetchMock.mock.calls[1]).toEqual([`/api/generations/${SESSION}`, expect.objectContaining({ headers: { authorization: "Bearer tok_owner" } })]);
  expect(store.getState().generation).toEqual(foldState(run));
  expect(store.getState().generation.status).toBe("completed");
  expect(store.getState().needsResync).toBe(false);
  connection.close();
});

test("no compaction, or compaction already covered by what we applied: no extra load", async () => {
  const { store, connection } = await connectAtSeq3();
  fake.fire("connected", connected({}));
  fake.fire("connected", connected({ compacted_through: 0 }));
  fake.fire("connected", connected({ compacted_through: 3 }));
  await settle();
  expect(fetchMock).toHaveBeenCalledTimes(1);
  expect(store.getState().generation.last_seq).toBe(3);
  connection.close();
});

test("a gap already waiting for its next retry is loaded at once when a compacted log is announced", async () => {
  const { store, connection } = await connectAtSeq3();
  fetchMock.mockRejectedValueOnce(new TypeError("offline"));
  fake.fire(run[6]!.type, run[6]!.data); // seq 7 after 3: a gap, whose load fails
  await settle();
  expect(store.getState().needsResync).toBe(true);
  const before = fetchMock.mock.calls.length;
  fake.fire("connected", connected({ compacted_through: run.length }));
  await settle();
  // Loaded now, not after the retry delay.
  expect(fetchMock.mock.calls.length).toBe(before + 1);
  expect(store.getState().generation.last_seq).toBe(run.length);
  expect(store.getState().needsResync).toBe(false);
  connection.close();
});

test("applyCompaction is pure: it flags a resync only when the compaction passed our seq", () => {
  const state = createInitialStoreState(foldState(run.slice(0, 5)));
  expect(applyCompaction(state, 5)).toBe(state);
  expect(applyCompaction(state, 2)).toBe(state);
  const flagged = applyCompaction(state, 9);
  expect(flagged).not.toBe(state);
  expect(flagged.needsResync).toBe(true);
  expect(flagged.generation).toBe(state.generation);
  expect(state.needsResync).toBe(false);
});
