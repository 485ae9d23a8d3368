import { createInitialState } from "@/lib/protocol";
import { openStore } from "@/lib/server/storage/kysely-store";
import type { Store } from "@/lib/server/storage/store";
import { startPostgres, type RunningPostgres } from "../helpers/postgres-server";
import { makeDataDir, removeDataDir } from "../helpers/server-process";

/*
 * Project rows on both dialects (real SQLite and a real PostgreSQL 15): the share token hash, the
 * name, a delete that refuses while a session is unfinished and otherwise leaves nothing, and
 * versions (one per session, restores capped, pages).
 */

jest.setTimeout(120_000);

let pg: RunningPostgres;
const dataDirs: string[] = [];
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
  dataDirs.forEach(removeDataDir);
});

async function openFor(dialect: "sqlite" | "postgres"): Promise<Store> {
  const dataDir = makeDataDir();
  dataDirs.push(dataDir);
  return openStore({ dataDir, databaseUrl: dialect === "postgres" ? pg.url : undefined });
}

/** Logs a completion for a session that has no events yet, so it counts as finished. */
const finishSession = (store: Store, sessionId: string) =>
  store.appendEvents(
    [{ type: "generation:completed", data: { session_id: sessionId, seq: 1, timestamp: new Date().toISOString(), status: "completed", total_time: 1, files_generated: 3, final_url: `/preview/${sessionId}` } }],
    [{ sessionId, fromSeq: 0, toSeq: 1, status: "completed", updatedAt: new Date().toISOString() }],
  );

let counter = 0;
const newId = (tag: string) => `${tag}_${process.pid}_${++counter}_0123456789abcdef`;

describe.each(["sqlite", "postgres"] as const)("%s", (dialect) => {
  test("share hash, rename, and delete (busy while a session runs, then everything is gone)", async () => {
    const store = await openFor(dialect);
    try {
      const projectId = newId("p");
      const sessionId = newId("s");
      await store.createSession({
        id: sessionId, projectId, prompt: "a bakery", tokenHash: "a".repeat(64), viewerTokenHash: "b".repeat(64),
        engine: "template", baseVersion: null, newProjectTokenHash: "c".repeat(64), newProjectViewerTokenHash: "d".repeat(64),
      });
      expect((await store.getSessionSecrets(sessionId))?.projectViewerTokenHash).toBe("d".repeat(64));
      expect(await store.setProjectViewerTokenHash(projectId, "e".repeat(64))).toBe(true);
      expect(await store.getProjectViewerTokenHash(projectId)).toBe("e".repeat(64));
      expect(await store.renameProject(projectId, "Crumb & Co")).toBe(true);
      expect((await store.getProject(projectId))?.name).toBe("Crumb & Co");
      expect(await store.renameProject(newId("missing"), "x")).toBe(false);

      // Queued: refused, nothing removed.
      expect(await store.deleteProject(projectId)).toEqual({ outcome: "busy" });
      expect(await store.getSession(sessionId)).not.toBeNull();

      await finishSession(store, sessionId);
      await store.addProjectVersion({ projectId, sessionId, prompt: "a bakery", site: { html: "<h1>Crumb</h1>", css: "", js: "" } });
      await store.compactSession(sessionId, 1, createInitialState(sessionId, projectId));

      expect(await store.deleteProject(projectId)).toEqual({ outcome: "deleted", sessionIds: [sessionId] });
      expect(await store.getSession(sessionId)).toBeNull();
      expect(await store.getProjectTokenHash(projectId)).toBeNull();
      expect(await store.readEvents(sessionId, 0)).toEqual([]);
      expect(await store.getSnapshot(sessionId)).toBeNull();
      expect(await store.listProjectVersionSummaries(projectId)).toEqual([]);
      expect(await store.deleteProject(projectId)).toEqual({ outcome: "not-found" });
    } finally {
      await store.close();
    }
  });

  test("one version per session (a second save updates it), restores capped, versions paged", async () => {
    const store = await openFor(dialect);
    try {
      const projectId = newId("p");
      const sessionId = newId("s");
      await store.createSession({
        id: sessionId, projectId, prompt: "a bakery", tokenHash: "a".repeat(64), viewerTokenHash: "b".repeat(64),
        engine: "template", baseVersion: null, newProjectTokenHash: "c".repeat(64), newProjectViewerTokenHash: "d".repeat(64),
      });
      const site = { html: "<h1>Crumb</h1>", css: "", js: "" };
      const first = await store.saveSessionVersion({ projectId, sessionId, prompt: "a bakery", site });
      // A retry after a crash between version and completion saves again: same version, no orphan.
      const again = await store.saveSessionVersion({ projectId, sessionId, prompt: "a bakery", site: { ...site, css: "h1{}" } });
      expect([first.version, again.version]).toEqual([1, 1]);
      expect((await store.getSessionVersion(projectId, sessionId))?.site.css).toBe("h1{}");
      expect(await store.countProjectVersions(projectId)).toBe(1);

      // A restore turn is reserved with the project locked: idle check, cap and session at once.
      const restoreTurn = (id: string, from = 1, project = projectId) =>
        store.reserveRestoreTurn({ session: { id, projectId: project, prompt: `Restore v${from}`, tokenHash: "e".repeat(64), viewerTokenHash: "f".repeat(64), engine: "restore" }, from, maxRestores: 3 });
      // The first session is still queued (no events yet): the project is busy, nothing is created.
      expect((await restoreTurn(newId("busy"))).outcome).toBe("busy");
      await finishSession(store, sessionId);
      const outcomes: string[] = [];
      for (let i = 0; i < 4; i++) {
        const id = newId(`restore-${i}`);
        const reserved = await restoreTurn(id);
        outcomes.push(reserved.outcome);
        if (reserved.outcome !== "reserved") continue;
        expect(reserved.baseVersion).toBe(i + 1);
        // Two reservations in parallel while this one runs: both refused, no session made.
        expect((await Promise.all([restoreTurn(newId("p1")), restoreTurn(newId("p2"))])).map((r) => r.outcome)).toEqual(["busy", "busy"]);
        await store.addProjectVersion({ projectId, sessionId: id, prompt: "a bakery", site, restoredFrom: 1 });
        await finishSession(store, id);
      }
      expect(outcomes).toEqual(["reserved", "reserved", "reserved", "limit"]);
      expect((await restoreTurn(newId("nine"), 9)).outcome).toBe("not-found");
      expect((await restoreTurn(newId("missing"), 1, newId("missing"))).outcome).toBe("not-found");
      expect((await store.listProjectSessions(projectId, 100)).map((s) => s.prompt)).toEqual(["a bakery", "Restore v1", "Restore v1", "Restore v1"]);
      // The session's own version stays its version; restored copies are not "produced" by it.
      expect(await store.listSessionVersions(projectId, [sessionId])).toEqual(new Map([[sessionId, 1]]));
      expect((await store.saveSessionVersion({ projectId, sessionId, prompt: "a bakery", site })).version).toBe(1);

      expect((await store.listProjectVersionSummaries(projectId)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
      expect((await store.listProjectVersionSummaries(projectId, { limit: 2 })).map((v) => v.version)).toEqual([3, 4]);
      expect((await store.listProjectVersionSummaries(projectId, { limit: 2, before: 3 })).map((v) => v.version)).toEqual([1, 2]);
      expect(await store.countProjectVersions(projectId)).toBe(4);
    } finally {
      await store.close();
    }
  });
});
