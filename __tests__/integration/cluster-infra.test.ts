import { existsSync } from "node:fs";
import { Redis } from "ioredis";
import { Client } from "pg";
import { startPostgres, type RunningPostgres } from "../helpers/postgres-server";
import { pingRedis, startRedis, type RunningRedis } from "../helpers/redis-server";

// Self-test of the throw-away Redis/PostgreSQL helpers the cluster tests stand on.
jest.setTimeout(90_000);

let redis: RunningRedis | undefined;
let postgres: RunningPostgres | undefined;
afterAll(async () => {
  await Promise.allSettled([redis?.stop(), postgres?.stop()]);
});

test("startRedis: a private redis-server answers commands on loopback, and stop() really stops it", async () => {
  redis = await startRedis();
  expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  try {
    await client.set("openv0:probe", "42");
    expect(await client.get("openv0:probe")).toBe("42");
    // No persistence: a crashed run must leave no dump.rdb/appendonly files anywhere.
    expect(await client.config("GET", "save")).toEqual(["save", ""]);
    expect(await client.config("GET", "appendonly")).toEqual(["appendonly", "no"]);
  } finally {
    client.disconnect();
  }
  await redis.stop();
  await expect(pingRedis(redis.url)).rejects.toThrow();
});

test("startPostgres: a private cluster accepts queries on loopback, and stop() stops it and deletes its files", async () => {
  postgres = await startPostgres();
  expect(postgres.url).toMatch(/^postgres:\/\/openv0@127\.0\.0\.1:\d+\/openv0$/);
  const client = new Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const who = await client.query<{ db: string; usr: string }>("SELECT current_database() AS db, current_user AS usr");
    expect(who.rows[0]).toEqual({ db: "openv0", usr: "openv0" });
    await client.query("CREATE TABLE probe (id serial PRIMARY KEY, body jsonb NOT NULL)");
    await client.query("INSERT INTO probe (body) VALUES ($1), ($2)", [{ seq: 1 }, { seq: 2 }]);
    const rows = await client.query<{ seq: number }>("SELECT (body->>'seq')::int AS seq FROM probe ORDER BY id");
    expect(rows.rows.map((r) => r.seq)).toEqual([1, 2]);
  } finally {
    await client.end();
  }
  expect(existsSync(postgres.dir)).toBe(true);
  await postgres.stop();
  expect(existsSync(postgres.dir)).toBe(false);
  const late = new Client({ connectionString: postgres.url, connectionTimeoutMillis: 2_000 });
  late.on("error", () => undefined);
  await expect(late.connect()).rejects.toThrow();
});

test("two clusters and two redis servers can run side by side (the cluster test needs independent ports)", async () => {
  const [r1, r2] = await Promise.all([startRedis(), startRedis()]);
  const [p1, p2] = await Promise.all([startPostgres(), startPostgres()]);
  try {
    expect(r1.port).not.toBe(r2.port);
    expect(p1.port).not.toBe(p2.port);
    await Promise.all([pingRedis(r1.url), pingRedis(r2.url)]);
  } finally {
    await Promise.allSettled([r1.stop(), r2.stop(), p1.stop(), p2.stop()]);
  }
});
