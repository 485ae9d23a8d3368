import { Client } from "pg";
import { createLogger } from "@/lib/server/logger";
import { EventService } from "@/lib/server/realtime/event-service";
import { openStore } from "@/lib/server/storage/kysely-store";
import { createSession, defineGroupCommitCases, stepInput } from "../helpers/group-commit-cases";
import { startPostgres, type RunningPostgres } from "../helpers/postgres-server";
import { makeDataDir, removeDataDir } from "../helpers/server-process";

/*
 * The group-commit cases on a real PostgreSQL 15, where a flush is ONE statement (the UPDATE of
 * the heads and the multi-row INSERT as data-modifying CTEs) and a moved head must roll both back.
 */

jest.setTimeout(120_000);

let pg: RunningPostgres;
let dataDir = "";
beforeAll(async () => {
  pg = await startPostgres();
  dataDir = makeDataDir();
});
afterAll(async () => {
  await pg?.stop();
  removeDataDir(dataDir);
});

defineGroupCommitCases(async () => ({ databaseUrl: pg.url, dataDir }));

/*
 * Every flush moves the head of each session it touches. On full pages (fillfactor 100) the new
 * row version lands on another page (not HOT: every index of `sessions` grows, the table bloats,
 * and the head move was most of a 1,000-session flush); half-full pages keep it on its own page.
 */
test("a head move keeps each session's row on its page (HOT), even with the pages filled", async () => {
  const store = await openStore({ databaseUrl: pg.url, dataDir });
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  try {
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) ids.push(await createSession(store));
    const blocks = async () => {
      const { rows } = await client.query<{ id: string; ctid: string }>("SELECT id, ctid::text FROM sessions WHERE id = ANY($1)", [ids]);
      return new Map(rows.map((r) => [r.id, r.ctid.slice(1).split(",")[0]]));
    };
    const before = await blocks();
    expect(new Set(before.values()).size).toBeGreaterThan(1); // the rows fill more than one page
    const events = new EventService({ store, logger: createLogger({ level: "silent" }), broadcast: () => undefined });
    await Promise.all(ids.map((id) => events.publish(id, stepInput(id, "moves the head"))));
    const after = await blocks();
    expect([...after].filter(([id, block]) => block !== before.get(id))).toEqual([]);
  } finally {
    await client.end();
    await store.close();
  }
});

// A flush's rows go as one JSON parameter, which PostgreSQL refuses with a NUL or a lone
// surrogate in it: such a batch must still commit, every character kept.
test("an event whose text holds a NUL or a lone surrogate commits with its batch, every character kept", async () => {
  const store = await openStore({ databaseUrl: pg.url, dataDir });
  try {
    const [odd, plain] = [await createSession(store), await createSession(store)];
    const events = new EventService({ store, logger: createLogger({ level: "silent" }), broadcast: () => undefined });
    const message = "nul \u0000, lone \ud800, pair \ud83d\ude00, quote \" and \\";
    await Promise.all([events.publish(odd, stepInput(odd, message)), events.publish(plain, stepInput(plain, "plain"))]);
    const [read] = await store.readEvents(odd, 0);
    expect(read?.type === "generation:step" && read.data.message).toBe(message);
    expect((await store.readEvents(plain, 0)).map((e) => e.data.seq)).toEqual([1]);
  } finally {
    await store.close();
  }
});
