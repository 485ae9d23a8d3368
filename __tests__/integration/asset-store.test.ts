import { openStore } from "@/lib/server/storage/kysely-store";
import type { Store } from "@/lib/server/storage/store";
import { makePng } from "../helpers/image-bytes";
import { startPostgres, type RunningPostgres } from "../helpers/postgres-server";
import { makeDataDir, removeDataDir } from "../helpers/server-process";

/*
 * Uploaded images on both dialects (real SQLite, real PostgreSQL): the bytes come back exactly
 * (BLOB / bytea), the per-project cap holds under parallel uploads, and deleting the project
 * deletes its images in the same transaction.
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

let counter = 0;
const newId = (tag: string) => `${tag}_${process.pid}_${++counter}_0123456789abcdef`;
const nameOf = (i: number) => `${String(i).padStart(16, "0")}.png`;

describe.each(["sqlite", "postgres"] as const)("%s", (dialect) => {
  test("bytes round-trip, the cap holds under parallel adds, and the project's delete removes them", async () => {
    const store = await openFor(dialect);
    try {
      const projectId = newId("p");
      const sessionId = newId("s");
      await store.createSession({
        id: sessionId, projectId, prompt: "a bakery", tokenHash: "a".repeat(64), viewerTokenHash: "b".repeat(64),
        engine: "template", baseVersion: null, newProjectTokenHash: "c".repeat(64), newProjectViewerTokenHash: "d".repeat(64),
      });
      // Every byte value, so a text column or an encoding slip would show.
      const data = new Uint8Array(Buffer.concat([makePng(2, 2), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]));
      const base = { projectId, mime: "image/png", bytes: data.length, width: 2, height: 2, alt: "Crumb's logo", role: "logo" as const, data };
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store.addProjectAsset({ ...base, name: nameOf(i), max: 5 })));
      expect(results.filter((r) => r === "full")).toHaveLength(7);
      const listed = await store.listProjectAssets(projectId);
      expect(listed).toHaveLength(5);
      const [first] = await store.readProjectAssets(projectId, [listed[0]!.name, "ffffffffffffffff.png"]);
      expect(Buffer.from(first!.data).equals(Buffer.from(data))).toBe(true);
      expect(first).toMatchObject({ mime: "image/png", width: 2, height: 2, alt: "Crumb's logo", role: "logo", bytes: data.length });
      expect(await store.addProjectAsset({ ...base, projectId: newId("missing"), name: nameOf(99), max: 5 })).toBe("no-project");

      await store.appendEvents(
        [{ type: "generation:completed", data: { session_id: sessionId, seq: 1, timestamp: new Date().toISOString(), status: "completed", total_time: 1, files_generated: 3, final_url: `/preview/${sessionId}` } }],
        [{ sessionId, fromSeq: 0, toSeq: 1, status: "completed", updatedAt: new Date().toISOString() }],
      );
      expect((await store.deleteProject(projectId)).outcome).toBe("deleted");
      expect(await store.listProjectAssets(projectId)).toEqual([]);
      expect(await store.readProjectAssets(projectId, listed.map((a) => a.name))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
