import { defineGroupCommitCases } from "../helpers/group-commit-cases";
import { makeDataDir, removeDataDir } from "../helpers/server-process";

/* Group commit on a real SQLite file (the PostgreSQL run of the same cases is in integration/). */

let dataDir = "";
beforeEach(() => {
  dataDir = makeDataDir();
});
afterEach(() => removeDataDir(dataDir));

defineGroupCommitCases(async () => ({ dataDir }));
