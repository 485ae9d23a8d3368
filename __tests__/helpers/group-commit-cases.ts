import type { SessionEvent, SessionEventInput } from "@/lib/protocol";
import { createLogger } from "@/lib/server/logger";
import { EventService } from "@/lib/server/realtime/event-service";
import { createRandomId, hashToken } from "@/lib/server/security/tokens";
import { openStore } from "@/lib/server/storage/kysely-store";
import type { Store } from "@/lib/server/storage/store";

/*
 * Group commit against a real database (SQLite in the unit ring, PostgreSQL in the integration
 * ring): the same cases, so both dialects' batch SQL is held to the same guarantees.
 */

export type StoreOptions = { databaseUrl?: string; dataDir: string };

const logger = createLogger({ level: "silent" });

export const stepInput = (sessionId: string, message: string): SessionEventInput => ({
  type: "generation:step",
  data: {
    session_id: sessionId, timestamp: new Date().toISOString(), step_id: "s", step_number: 1, total_steps: 1,
    status: "in_progress", progress: 0, message, estimated_remaining: 0, title: "S",
  },
});

export async function createSession(store: Store): Promise<string> {
  const id = createRandomId();
  await store.createSession({
    id, projectId: createRandomId(), prompt: "group commit test", tokenHash: hashToken(createRandomId()),
    viewerTokenHash: hashToken(createRandomId()), engine: "template", baseVersion: null, newProjectTokenHash: hashToken(createRandomId()),
  });
  return id;
}

/** A store whose appends are counted and can be held at a gate (to look between queue and commit). */
export function instrument(store: Store) {
  const batches: SessionEvent[][] = [];
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  let entered: () => void = () => undefined;
  let appendEntered = new Promise<void>((r) => (entered = r));
  const wrapped: Store = {
    ...store,
    appendEvents: async (events, advances) => {
      batches.push(events);
      entered();
      if (gate) await gate;
      return store.appendEvents(events, advances);
    },
  };
  return {
    store: wrapped,
    batches,
    hold: () => {
      gate = new Promise((r) => (open = r));
      appendEntered = new Promise((r) => (entered = r));
    },
    /** Resolves once an append has reached the (held) store. */
    appendReached: () => appendEntered,
    release: () => {
      gate = null;
      open();
    },
  };
}

export function createEvents(store: Store, options: { maxPending?: number } = {}) {
  const broadcast: SessionEvent[] = [];
  const events = new EventService({ store, logger, broadcast: (e) => broadcast.push(e), ...options });
  return { events, broadcast };
}

const seqsOf = (events: SessionEvent[], sessionId?: string) =>
  events.filter((e) => !sessionId || e.data.session_id === sessionId).map((e) => e.data.seq);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** Registers the shared cases; `open` gives a fresh store on the same database each time it is called. */
export function defineGroupCommitCases(open: () => Promise<StoreOptions>) {
  const stores: Store[] = [];
  const openOne = async (options: StoreOptions) => {
    const store = await openStore(options);
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  test("one macrotask of publishes across sessions is one commit; each session gets 1..n, broadcast in call order", async () => {
    const raw = await openOne(await open());
    const ids = [await createSession(raw), await createSession(raw), await createSession(raw)];
    const probe = instrument(raw);
    const { events, broadcast } = createEvents(probe.store);
    const calls = range(0, 29).map((k) => ({ sessionId: ids[k % 3]!, message: `m${k}` }));
    const results = await Promise.all(calls.map((c) => events.publish(c.sessionId, stepInput(c.sessionId, c.message))));
    expect(probe.batches).toHaveLength(1);
    expect(broadcast.map((e) => (e.type === "generation:step" ? e.data.message : ""))).toEqual(calls.map((c) => c.message));
    for (const id of ids) {
      expect(seqsOf(results, id)).toEqual(range(1, 10));
      expect(seqsOf(await raw.readEvents(id, 0))).toEqual(range(1, 10));
      expect((await raw.getSession(id))?.lastSeq).toBe(10);
    }
  });

  test("no event is broadcast before its commit, and nothing committed is lost if the process dies before emitting", async () => {
    const options = await open();
    const raw = await openOne(options);
    const id = await createSession(raw);
    const probe = instrument(raw);
    const { events, broadcast } = createEvents(probe.store);
    probe.hold();
    const published = events.publish(id, stepInput(id, "held"));
    await probe.appendReached();
    expect(broadcast).toHaveLength(0);
    probe.release();
    await published;
    expect(seqsOf(broadcast)).toEqual([1]);

    // "Crash" after commit, before emit: a service whose broadcast never runs; then a fresh
    // process on the same database replays the committed event and continues the seqs.
    const dying = new EventService({ store: raw, logger, broadcast: () => undefined });
    await dying.publish(id, stepInput(id, "committed, never emitted"));
    const reopened = await openOne(options);
    expect(seqsOf(await reopened.readEventPage(id, 0, 500))).toEqual([1, 2]);
    const next = createEvents(reopened);
    expect((await next.events.publish(id, stepInput(id, "after restart"))).data.seq).toBe(3);
  });

  test("a seq conflict with another writer reloads the head and retries: no gap, no duplicate", async () => {
    const options = await open();
    const storeA = await openOne(options);
    const storeB = await openOne(options);
    const id = await createSession(storeA);
    const a = createEvents(storeA);
    const b = createEvents(storeB);
    expect((await a.events.publish(id, stepInput(id, "a1"))).data.seq).toBe(1); // A now caches head 1
    await b.events.publish(id, stepInput(id, "b2"));
    await b.events.publish(id, stepInput(id, "b3"));
    const probe = instrument(storeA);
    const fenced = createEvents(probe.store);
    await fenced.events.publish(id, stepInput(id, "warm")); // seq 4, head cached
    await b.events.publish(id, stepInput(id, "b5"));
    const late = await fenced.events.publish(id, stepInput(id, "late"));
    expect(late.data.seq).toBe(6);
    expect(probe.batches.length).toBeGreaterThanOrEqual(3); // the conflicting try, then the retry
    const log = await storeA.readEvents(id, 0);
    expect(seqsOf(log)).toEqual(range(1, 6));
    expect(log.map((e) => (e.type === "generation:step" ? e.data.message : ""))).toEqual(["a1", "b2", "b3", "warm", "b5", "late"]);
  });

  test("past maxPending, publishes wait (backpressure) and still commit in call order", async () => {
    const raw = await openOne(await open());
    const id = await createSession(raw);
    const probe = instrument(raw);
    const { events, broadcast } = createEvents(probe.store, { maxPending: 2 });
    probe.hold();
    const published = range(1, 7).map((k) => events.publish(id, stepInput(id, `p${k}`)));
    await probe.appendReached();
    expect(probe.batches[0]!.length).toBeLessThanOrEqual(2);
    expect(events.backlog).toBe(7);
    probe.release();
    const results = await Promise.all(published);
    expect(seqsOf(results)).toEqual(range(1, 7));
    expect(seqsOf(broadcast)).toEqual(range(1, 7));
    expect(probe.batches.every((batch) => batch.length <= 2)).toBe(true);
    expect(events.backlog).toBe(0);
  });

  test("an invalid event or an unknown session fails alone; the rest of the batch commits", async () => {
    const raw = await openOne(await open());
    const id = await createSession(raw);
    const { events } = createEvents(raw);
    const bad = events.publish(id, { type: "generation:step", data: { session_id: id } } as unknown as SessionEventInput);
    const unknownId = createRandomId();
    const missing = events.publish(unknownId, stepInput(unknownId, "x"));
    const good = events.publish(id, stepInput(id, "ok"));
    await expect(bad).rejects.toThrow();
    await expect(missing).rejects.toThrow(/no such session/);
    expect((await good).data.seq).toBe(1);
  });
}
