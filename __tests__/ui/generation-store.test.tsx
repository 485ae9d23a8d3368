import { reduceSessionEvent, type GenerationSnapshot, type SessionEvent } from "@/lib/protocol";
import {
  applyEvent,
  applySnapshot,
  createGenerationStore,
  createInitialStoreState,
  type GenerationStoreState,
} from "@/stores/generation-store";
import { failedRun, foldState, initialState, SESSION, successfulRun } from "./fixtures";

const fresh = (): GenerationStoreState => createInitialStoreState(initialState());
const applyAll = (state: GenerationStoreState, events: SessionEvent[]) => events.reduce(applyEvent, state);

describe("applyEvent delegates every event type to the protocol reducer", () => {
  const run = [...successfulRun()];
  const failing = failedRun();
  const firstOfType = (type: SessionEvent["type"], from: SessionEvent[]) => from.findIndex((e) => e.type === type);
  const cases: [SessionEvent["type"], SessionEvent[]][] = [
    ["generation:started", run],
    ["generation:step", run],
    ["preview:updated", run],
    ["generation:completed", run],
    ["generation:error", failing],
  ];

  test.each(cases)("%s", (type, events) => {
    const index = firstOfType(type, events);
    const before = applyAll(fresh(), events.slice(0, index));
    const event = events[index]!;
    const after = applyEvent(before, event);
    expect(after.generation).toEqual(reduceSessionEvent(before.generation, event));
    expect(after.generation).not.toEqual(before.generation);
    expect(after.needsResync).toBe(false);
  });

  test("preview:error", () => {
    const event: SessionEvent = {
      type: "preview:error",
      data: { seq: 1, session_id: SESSION, timestamp: "2026-01-01T12:00:01.000Z", error_code: "RENDER", error_message: "bad markup" },
    };
    const after = applyEvent(fresh(), event);
    expect(after.generation.preview_error).toEqual({ code: "RENDER", message: "bad markup" });
    expect(after.generation.last_seq).toBe(1);
  });

  test("a whole run folds to the same state as the server's fold", () => {
    const events = successfulRun();
    const state = applyAll(fresh(), events);
    expect(state.generation).toEqual(foldState(events));
    expect(state.generation.status).toBe("completed");
    expect(state.generation.progress).toBe(100);
  });
});

describe("delivery: duplicates and gaps", () => {
  test("an event whose seq was already applied is ignored (same object back)", () => {
    const events = successfulRun();
    const state = applyAll(fresh(), events.slice(0, 4));
    expect(applyEvent(state, events[2]!)).toBe(state);
    expect(applyEvent(state, events[3]!)).toBe(state);
    // A replay of everything, in order, changes nothing.
    expect(applyAll(state, events.slice(0, 4))).toBe(state);
  });

  test("a gap is not applied: it flags needsResync and keeps the state", () => {
    const events = successfulRun();
    const state = applyAll(fresh(), events.slice(0, 3));
    const gapped = applyEvent(state, events[5]!); // seq 6 after 3
    expect(gapped.needsResync).toBe(true);
    expect(gapped.generation).toBe(state.generation);
    expect(gapped.generation.last_seq).toBe(3);
  });

  test("the missing events fill the gap and the held-back event is then applied", () => {
    const events = successfulRun();
    let state = applyAll(fresh(), events.slice(0, 3));
    state = applyEvent(state, events[5]!);
    state = applyEvent(state, events[3]!);
    expect(state.needsResync).toBe(true);
    state = applyEvent(state, events[4]!);
    expect(state.needsResync).toBe(false);
    expect(state.generation).toEqual(foldState(events.slice(0, 6)));
  });

  test("a snapshot re-syncs after a gap; older snapshots never roll the state back", () => {
    const events = successfulRun();
    let state = applyAll(fresh(), events.slice(0, 3));
    state = applyEvent(state, events[7]!); // seq 8: gap
    state = applySnapshot(state, foldState(events.slice(0, 7)));
    expect(state.needsResync).toBe(false);
    expect(state.generation).toEqual(foldState(events.slice(0, 8)));
    const stale = applySnapshot(state, foldState(events.slice(0, 2)));
    expect(stale.generation).toEqual(state.generation);
  });

  test("events of another session are ignored", () => {
    const event = successfulRun()[0]!;
    const other = { ...event, data: { ...event.data, session_id: "someone_else" } } as SessionEvent;
    const state = fresh();
    expect(applyEvent(state, other)).toBe(state);
  });
});

describe("the vanilla store", () => {
  test("receiveEvent reports whether the event changed the state; fresh store per test", () => {
    const store = createGenerationStore(fresh());
    const [first, second] = successfulRun();
    expect(store.getState().receiveEvent(first!)).toBe(true);
    expect(store.getState().receiveEvent(first!)).toBe(false);
    expect(store.getState().generation.status).toBe("running");
    expect(store.getState().receiveEvent({ ...second!, data: { ...second!.data, seq: 9 } } as SessionEvent)).toBe(false);
    expect(store.getState().needsResync).toBe(true);
  });

  test("receiveSnapshot keeps only state fields and sets role and prompt", () => {
    const store = createGenerationStore(fresh());
    const state = foldState(successfulRun());
    const snapshot: GenerationSnapshot = { ...state, prompt: "p", created_at: state.started_at!, role: "viewer", engine: "t" };
    store.getState().receiveSnapshot(snapshot, { role: "viewer", prompt: "p" });
    expect(store.getState().generation).toEqual(state);
    expect(store.getState().role).toBe("viewer");
    expect(store.getState().prompt).toBe("p");
  });

  test("connection state and clock offset", () => {
    const store = createGenerationStore(fresh());
    store.getState().setConnection({ status: "reconnecting", attempt: 2, nextRetryAt: 5 });
    expect(store.getState().connection).toMatchObject({ status: "reconnecting", attempt: 2, nextRetryAt: 5, error: null });
    store.getState().noteServerTime("2026-01-01T00:00:00.000Z", Date.parse("2026-01-01T00:00:02.000Z"));
    expect(store.getState().clockOffsetMs).toBe(2000);
  });
});
