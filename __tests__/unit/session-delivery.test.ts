import type { Socket } from "socket.io";
import { parseSessionEvent, type SessionEvent } from "@/lib/protocol";
import { SessionDelivery } from "@/lib/server/realtime/session-delivery";

/*
 * SessionDelivery with a scripted log and fake sockets: replay and live traffic interleave in
 * every order that matters, and each socket must see each seq exactly once, in order.
 */

const SESSION = "sess_1";
const step = (seq: number): SessionEvent =>
  parseSessionEvent("generation:step", {
    seq, session_id: SESSION, timestamp: "2026-11-26T10:00:00.000Z", step_id: "s", step_number: 1, total_steps: 1,
    status: "in_progress", progress: 0, message: `#${seq}`, estimated_remaining: 0, title: "S",
  })!;

function createHarness({ pageSize, backpressure }: { pageSize?: number; backpressure?: ConstructorParameters<typeof SessionDelivery>[0]["backpressure"] } = {}) {
  const log: SessionEvent[] = [];
  const reads: number[] = [];
  const rooms = new Map<string, Set<string>>();
  const sockets = new Map<string, Socket>();
  const releases: Array<() => void> = [];
  let holdReads = false;
  const dropped: string[] = [];
  const delivery = new SessionDelivery({
    rooms: () => ({ rooms, sockets }),
    pageSize,
    backpressure,
    onSlowReader: () => dropped.push("slow"),
    readPage: async (_id, after, limit) => {
      reads.push(after);
      const snapshot = log.filter((e) => e.data.seq > after).slice(0, limit);
      if (holdReads) await new Promise<void>((r) => releases.push(r));
      return snapshot;
    },
  });
  const connect = (id: string) => {
    const received: number[] = [];
    const types: string[] = [];
    const socket = {
      id,
      connected: true,
      emit: (type: string, data: { seq: number }) => {
        received.push(data.seq);
        types.push(type);
      },
      join: async (room: string) => {
        if (!rooms.has(room)) rooms.set(room, new Set());
        rooms.get(room)!.add(id);
      },
      // What the client has not read yet, as Engine.IO and ws hold it (see write-buffer.ts).
      conn: {
        close: () => ((socket as unknown as { connected: boolean }).connected = false),
        on: () => undefined,
        off: () => undefined,
        writeBuffer: [],
        transport: { socket: { bufferedAmount: 0 }, on: () => undefined, off: () => undefined },
      },
    } as unknown as Socket;
    sockets.set(id, socket);
    const unread = (socket.conn as unknown as { transport: { socket: { bufferedAmount: number } } }).transport.socket;
    return { socket, received, types, setUnread: (bytes: number) => (unread.bufferedAmount = bytes) };
  };
  const publish = (seq: number, { deliver = true } = {}) => {
    const event = step(seq);
    log.push(event);
    if (deliver) delivery.deliver(event);
  };
  return { delivery, connect, publish, log, reads, dropped, hold: (on: boolean) => (holdReads = on), release: () => releases.splice(0).forEach((r) => r()) };
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

test("replay then live: events published while the log is being read are sent once, after the replay", async () => {
  const h = createHarness();
  for (const seq of [1, 2, 3]) h.publish(seq);
  const { socket, received } = h.connect("a");
  h.hold(true);
  const attached = h.delivery.attach(socket, SESSION, 1);
  await new Promise((r) => setImmediate(r));
  h.publish(4); // arrives while the replay read is in flight
  h.publish(5);
  h.release();
  await attached;
  h.publish(6);
  expect(received).toEqual([2, 3, 4, 5, 6]);
});

test("duplicates are dropped and a gap sends the socket back to the log", async () => {
  const h = createHarness();
  const { socket, received } = h.connect("a");
  await h.delivery.attach(socket, SESSION, 0);
  h.publish(1);
  h.delivery.deliver(step(1)); // duplicate
  h.publish(2, { deliver: false }); // lost between nodes
  h.publish(3); // skips ahead: triggers a catch-up from the log
  await new Promise((r) => setImmediate(r));
  expect(received).toEqual([1, 2, 3]);
});

test("the sweep repairs a lost last event that no later event would reveal", async () => {
  const h = createHarness();
  const a = h.connect("a");
  const b = h.connect("b");
  await h.delivery.attach(a.socket, SESSION, 0);
  await h.delivery.attach(b.socket, SESSION, 0);
  h.publish(1);
  h.publish(2, { deliver: false }); // the terminal event, lost
  const behind = await h.delivery.sweep(async (ids) => new Map(ids.map((id) => [id, h.log.length])));
  expect(behind).toBe(2);
  await new Promise((r) => setImmediate(r));
  expect(a.received).toEqual(range(1, 2));
  expect(b.received).toEqual(range(1, 2));
  // Up to date: a second sweep finds nobody behind and sends nothing twice.
  expect(await h.delivery.sweep(async (ids) => new Map(ids.map((id) => [id, 2])))).toBe(0);
  expect(a.received).toEqual(range(1, 2));
});

test("a long replay is read a page at a time, yielding to the event loop between pages", async () => {
  const h = createHarness({ pageSize: 3 });
  for (const seq of range(1, 10)) h.publish(seq);
  const { socket, received } = h.connect("a");
  let seenByOtherWork = -1;
  const attached = h.delivery.attach(socket, SESSION, 0);
  setImmediate(() => (seenByOtherWork = received.length)); // other work gets a turn mid-replay
  await attached;
  expect(received).toEqual(range(1, 10));
  expect(h.reads).toEqual([0, 3, 6, 9]);
  expect(seenByOtherWork).toBeGreaterThan(0);
  expect(seenByOtherWork).toBeLessThan(10);
});

test("sockets replaying the same session share each page read", async () => {
  const h = createHarness({ pageSize: 4 });
  for (const seq of range(1, 12)) h.publish(seq);
  const sockets = ["a", "b", "c"].map((id) => h.connect(id));
  for (const s of sockets) await h.delivery.attach(s.socket, SESSION, 0);
  for (const s of sockets) expect(s.received).toEqual(range(1, 12));
  // Three full pages read once each; the tail (which may grow) is read by each socket itself.
  expect(h.reads).toEqual([0, 4, 8, 12, 12, 12]);
});

test("a tail read that started before a socket joined is not reused for it (it may miss what was sent live meanwhile)", async () => {
  const h = createHarness();
  for (const seq of [1, 2, 3]) h.publish(seq);
  const a = h.connect("a");
  h.hold(true);
  const attachedA = h.delivery.attach(a.socket, SESSION, 3); // reads the tail after 3: nothing yet
  await new Promise((r) => setImmediate(r));
  h.publish(4); // committed after a's read; b is not in the room yet, so b does not get it live
  const b = h.connect("b");
  const attachedB = h.delivery.attach(b.socket, SESSION, 3);
  await new Promise((r) => setImmediate(r));
  h.release();
  await Promise.all([attachedA, attachedB]);
  expect(a.received).toEqual([4]);
  expect(b.received).toEqual([4]);
  expect(h.reads).toEqual([3, 3]);
});

test("in-sync watchers that asked for deltas get the live form; seed-shaped ones and replays get the logged one", async () => {
  const h = createHarness();
  h.publish(1);
  const inSync = h.connect("a");
  await h.delivery.attach(inSync.socket, SESSION, 1, "delta");
  const seed = h.connect("c");
  await h.delivery.attach(seed.socket, SESSION, 1);
  const replaying = h.connect("b");
  h.hold(true);
  const attached = h.delivery.attach(replaying.socket, SESSION, 0);
  await new Promise((r) => setImmediate(r));
  const logged = step(2);
  const live = { ...logged, type: "preview:delta" } as unknown as SessionEvent; // stands for a smaller form
  h.log.push(logged);
  h.delivery.deliver(logged, live);
  h.release();
  await attached;
  expect(inSync.received).toEqual([2]);
  expect(inSync.types).toEqual(["preview:delta"]);
  expect(seed.received).toEqual([2]);
  expect(seed.types).toEqual(["generation:step"]);
  expect(replaying.received).toEqual([1, 2]);
  expect(replaying.types).toEqual(["generation:step", "generation:step"]);
});

test("even within one page, a replay sends at most 100 events per event-loop turn", async () => {
  const h = createHarness();
  for (const seq of range(1, 250)) h.publish(seq);
  const { socket, received } = h.connect("a");
  let seenByOtherWork = -1;
  const attached = h.delivery.attach(socket, SESSION, 0);
  setImmediate(() => (seenByOtherWork = received.length));
  await attached;
  expect(received).toEqual(range(1, 250));
  expect(h.reads).toEqual([0]);
  expect(seenByOtherWork).toBe(100);
});

const tight = { highWaterBytes: 100, lowWaterBytes: 10, slowReaderTimeoutMs: 60_000, checkEveryMs: 5 };

test("a socket that stops reading gets nothing more (nothing buffered for it) and, once drained, resumes from the log once and in order", async () => {
  const h = createHarness({ backpressure: tight });
  h.publish(1);
  const slow = h.connect("slow");
  const fast = h.connect("fast");
  await h.delivery.attach(slow.socket, SESSION, 1);
  await h.delivery.attach(fast.socket, SESSION, 1);
  slow.setUnread(5_000);
  for (const seq of range(2, 40)) h.publish(seq);
  expect(fast.received).toEqual(range(2, 40));
  expect(slow.received).toEqual([]);
  const readsBefore = h.reads.length;
  slow.setUnread(0);
  await waitUntil(() => slow.received.length === 39);
  expect(slow.received).toEqual(range(2, 40));
  expect(h.reads.length).toBeGreaterThan(readsBefore);
  h.publish(41);
  expect(slow.received.at(-1)).toBe(41);
  expect(h.dropped).toEqual([]);
});

test("a replay waits while the socket's buffer is full, and a reader that never drains is dropped", async () => {
  const h = createHarness({ backpressure: { ...tight, slowReaderTimeoutMs: 100 } });
  for (const seq of range(1, 250)) h.publish(seq, { deliver: false });
  const slow = h.connect("slow");
  slow.setUnread(5_000);
  await h.delivery.attach(slow.socket, SESSION, 0);
  // Paused before the first slice: nothing sent, and then dropped so the client resumes later.
  expect(slow.received).toEqual([]);
  expect(h.dropped).toEqual(["slow"]);
  expect(slow.socket.connected).toBe(false);
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}
