import { generationSnapshotSchema, errorBodySchema, projectResponseSchema, projectTurnsResponseSchema } from "@/lib/protocol";
import { bearer, createGeneration, postJson } from "../helpers/clients";
import { makeDataDir, removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(120_000);

/*
 * Issue 21, finding 8: kill -9 between a run's version and its completion. The crash is made
 * deterministic by FAULT_INJECTION=kill-after-version (tests only, off by default): the process
 * SIGKILLs itself right after the version row is stored, before `generation:completed` is
 * logged. After a restart the run is completed and owns its one version; nothing is orphaned.
 */

let server: RunningServer | undefined;
const dataDir = makeDataDir();
afterAll(async () => {
  await server?.stop();
  removeDataDir(dataDir);
});

const get = async (path: string, token: string) => {
  const res = await fetch(`${server!.url}${path}`, { headers: bearer(token) });
  return { status: res.status, json: (await res.json()) as unknown };
};

test("a crash right after the version is stored leaves a completed turn that owns that one version", async () => {
  server = await startServer({ dataDir, env: { FAULT_INJECTION: "kill-after-version", TEMPLATE_STEP_MS: "0" } });
  const crashing = server;
  const died = new Promise<NodeJS.Signals | null>((resolve) => {
    if (crashing.proc.signalCode !== null || crashing.proc.exitCode !== null) resolve(crashing.proc.signalCode);
    else crashing.proc.once("exit", (_code, signal) => resolve(signal));
  });
  const created = await createGeneration(server.url, "A bakery called Crumb & Co with a menu");
  expect(await died).toBe("SIGKILL");

  server = await startServer({ dataDir, env: { TEMPLATE_STEP_MS: "0" } });
  const snapshot = generationSnapshotSchema.parse((await get(`/api/generations/${created.sessionId}`, created.token)).json);
  expect(snapshot.status).toBe("completed");
  expect(snapshot.error).toBeNull();
  const turns = projectTurnsResponseSchema.parse((await get(`/api/projects/${created.projectId}/turns`, created.projectToken)).json);
  expect(turns.turns.map((t) => [t.sessionId, t.status, t.version])).toEqual([[created.sessionId, "completed", 1]]);
  const project = projectResponseSchema.parse((await get(`/api/projects/${created.projectId}`, created.projectToken)).json);
  expect(project.versions.map((v) => [v.version, v.sessionId])).toEqual([[1, created.sessionId]]);

  // Completed is final: a retry is refused, so no second version for the session can appear.
  const retry = await postJson(`${server.url}/api/generations/${created.sessionId}/retry`, {}, bearer(created.token));
  expect([retry.status, errorBodySchema.parse(retry.json).error.code]).toEqual([409, "CONFLICT"]);
});
