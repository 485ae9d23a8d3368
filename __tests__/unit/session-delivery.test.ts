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

function createHarness() {
  const log: SessionEvent[] = [];
  const rooms = new Map<string, Set<string>>();
  const sockets = new Map<string, Socket>();
  let release: (() => void) | null = null;
  let holdReads = false;
  const delivery = new SessionDelivery({
    rooms: () => ({ rooms, sockets }),
    readPage: async (_id, after, limit) => {
      const snapshot = log.filter((e) => e.data.seq > after).slice(0, limit);
      if (holdReads) await new Promise<void>((r) => (release = r));
      return snapshot;
    },
  });
  const connect = (id: string) => {
    const received: number[] = [];
    const socket = {
      id,
      connected: true,
      emit: (_type: string, data: { seq: number }) => received.push(data.seq),
      join: async (room: string) => {
        if (!rooms.has(room)) rooms.set(room, new Set());
        rooms.get(room)!.add(id);
      },
      conn: { close: () => undefined },
    } as unknown as Socket;
    sockets.set(id, socket);
    return { socket, received };
  };
  const publish = (seq: number, { deliver = true } = {}) => {
    const event = step(seq);
    log.push(event);
    if (deliver) delivery.deliver(event);
  };
  return { delivery, connect, publish, log, hold: (on: boolean) => (holdReads = on), release: () => release?.() };
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
