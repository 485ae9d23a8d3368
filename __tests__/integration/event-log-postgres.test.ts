import { defineGroupCommitCases } from "../helpers/group-commit-cases";
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
