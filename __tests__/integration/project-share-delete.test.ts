import { strFromU8, unzipSync } from "fflate";
import {
  createGenerationResponseSchema,
  errorBodySchema,
  generationSnapshotSchema,
  projectTurnsResponseSchema,
  renameProjectResponseSchema,
  shareProjectResponseSchema,
  type Connected,
} from "@/lib/protocol";
import { bearer, connectRecorder, createGeneration, isTerminal, postJson } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(120_000);

/*
 * Project-level share (a read-only token for the whole thread), rename and delete, against the
 * real server with the offline template engine. The viewer reads and watches every turn and is
 * refused every write; a delete removes the project's sessions, events and versions.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { GENERATION_ENGINE: "template", TEMPLATE_STEP_MS: "20", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" } });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});


async function call(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const res = await fetch(`${server.url}${path}`, { method, headers: { ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) }, body });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

async function waitForCompletion(sessionId: string, token: string): Promise<Connected> {
  const client = connectRecorder(server.url, { sessionId, token });
  const connected = new Promise<Connected>((resolve) => client.socket.once("connected", resolve));
  await client.waitFor(isTerminal);
  client.socket.close();
  return connected;
}

async function createProjectWithTwoTurns() {
  const first = await createGeneration(server.url, "A bakery called Crumb & Co with a menu");
  await waitForCompletion(first.sessionId, first.token);
  const edit = await postJson(`${server.url}/api/generations`, { prompt: "add a pricing section", projectId: first.projectId }, bearer(first.projectToken));
  expect(edit.status).toBe(202);
  const second = createGenerationResponseSchema.parse(edit.json);
  // Only a new project gets a read-only token with its first response.
  expect(second.projectViewerToken).toBeUndefined();
  await waitForCompletion(second.sessionId, second.token);
  return { first, second };
}

function expectError(res: { status: number; json: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(errorBodySchema.parse(res.json).error.code).toBe(code);
}

test("the project's read-only token reads the whole thread and watches each turn, and is refused every write", async () => {
  const { first, second } = await createProjectWithTwoTurns();
  const viewerToken = first.projectViewerToken!;
  expect(viewerToken).toBeDefined();
  const id = first.projectId;

  const thread = await call("GET", `/api/projects/${id}/turns`, bearer(viewerToken));
  expect(thread.status).toBe(200);
  const turns = projectTurnsResponseSchema.parse(thread.json);
  expect(turns.role).toBe("viewer");
  expect(turns.turns.map((t) => [t.sessionId, t.status, t.version])).toEqual([
    [first.sessionId, "completed", 1],
    [second.sessionId, "completed", 2],
  ]);
  expect(projectTurnsResponseSchema.parse((await call("GET", `/api/projects/${id}/turns`, bearer(first.projectToken))).json).role).toBe("owner");

  // Each turn can be watched and read as a viewer, with the same token.
  for (const turn of turns.turns) {
    const joined = await waitForCompletion(turn.sessionId, viewerToken);
    expect(joined.role).toBe("viewer");
    const snapshot = await call("GET", `/api/generations/${turn.sessionId}`, bearer(viewerToken));
    expect(snapshot.status).toBe(200);
    expect(generationSnapshotSchema.parse(snapshot.json).status).toBe("completed");
  }

  // No write capability: project writes are 403, session writes 403, owner-only reads 401.
  expectError(await call("POST", `/api/projects/${id}/versions/1/restore`, bearer(viewerToken)), 403, "FORBIDDEN");
  expectError(await call("PATCH", `/api/projects/${id}`, bearer(viewerToken), JSON.stringify({ name: "Mine" })), 403, "FORBIDDEN");
  expectError(await call("DELETE", `/api/projects/${id}`, bearer(viewerToken)), 403, "FORBIDDEN");
  expectError(await call("POST", `/api/projects/${id}/share`, bearer(viewerToken)), 403, "FORBIDDEN");
  expectError(await call("POST", `/api/generations/${second.sessionId}/retry`, bearer(viewerToken)), 403, "FORBIDDEN");
  expectError(await call("POST", `/api/generations/${second.sessionId}/cancel`, bearer(viewerToken)), 403, "FORBIDDEN");
  const followUp = await postJson(`${server.url}/api/generations`, { prompt: "make it red", projectId: id }, bearer(viewerToken));
  expectError(followUp, 401, "UNAUTHORIZED");
  expectError(await call("GET", `/api/projects/${id}`, bearer(viewerToken)), 401, "UNAUTHORIZED");
  expectError(await call("POST", `/api/projects/${id}/versions/1/ticket`, bearer(viewerToken)), 401, "UNAUTHORIZED");
  expect(projectTurnsResponseSchema.parse((await call("GET", `/api/projects/${id}/turns`, bearer(first.projectToken))).json).turns).toHaveLength(2);

  // Another project's share token opens nothing here.
  const other = await createGeneration(server.url, "A florist called Petal");
  expectError(await call("GET", `/api/projects/${id}/turns`, bearer(other.projectViewerToken!)), 401, "UNAUTHORIZED");
  expectError(await call("GET", `/api/generations/${first.sessionId}`, bearer(other.projectViewerToken!)), 401, "UNAUTHORIZED");
});

test("a new share token replaces the old one (only its hash is kept)", async () => {
  const project = await createGeneration(server.url, "A bike shop called Spoke");
  const issued = await call("POST", `/api/projects/${project.projectId}/share`, bearer(project.projectToken));
  expect(issued.status).toBe(201);
  const share = shareProjectResponseSchema.parse(issued.json);
  expect(share.viewerToken).not.toBe(project.projectViewerToken);
  expect((await call("GET", `/api/projects/${project.projectId}/turns`, bearer(share.viewerToken))).status).toBe(200);
  expectError(await call("GET", `/api/projects/${project.projectId}/turns`, bearer(project.projectViewerToken!)), 401, "UNAUTHORIZED");
  expectError(await call("POST", `/api/projects/${project.projectId}/share`), 401, "UNAUTHORIZED");
  await waitForCompletion(project.sessionId, project.token);
});

test("rename: zod-parsed name, shown in the thread; bad bodies are 400 and change nothing", async () => {
  const project = await createGeneration(server.url, "A tea room called Steep");
  const path = `/api/projects/${project.projectId}`;
  const owner = bearer(project.projectToken);
  const renamed = await call("PATCH", path, owner, JSON.stringify({ name: "  Steep & Co  " }));
  expect(renamed.status).toBe(200);
  expect(renameProjectResponseSchema.parse(renamed.json)).toEqual({ projectId: project.projectId, name: "Steep & Co" });
  for (const body of ["{}", JSON.stringify({ name: "" }), JSON.stringify({ name: "x".repeat(81) }), JSON.stringify({ name: "a", extra: 1 }), "not json"]) {
    expectError(await call("PATCH", path, owner, body), 400, "VALIDATION_ERROR");
  }
  expectError(await call("PATCH", path, {}, JSON.stringify({ name: "Nope" })), 401, "UNAUTHORIZED");
  expectError(await call("PATCH", `/api/projects/unknown-project-id-000000000`, owner, JSON.stringify({ name: "Nope" })), 404, "NOT_FOUND");
  expect(projectTurnsResponseSchema.parse((await call("GET", `${path}/turns`, owner)).json).name).toBe("Steep & Co");
  await waitForCompletion(project.sessionId, project.token);
});

test("delete: refused with 409 while a turn is unfinished, allowed once it is cancelled", async () => {
  // Steps of ten minutes: the turn is surely still running when the delete comes, on any machine.
  const slow = await startServer({ env: { GENERATION_ENGINE: "template", TEMPLATE_STEP_MS: "600000", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" } });
  try {
    const running = await createGeneration(slow.url, "A tea room called Steep");
    const owner = bearer(running.projectToken);
    const remove = () => fetch(`${slow.url}/api/projects/${running.projectId}`, { method: "DELETE", headers: owner });
    const refused = await remove();
    expect(refused.status).toBe(409);
    expect(errorBodySchema.parse(await refused.json()).error.code).toBe("CONFLICT");
    expect((await fetch(`${slow.url}/api/projects/${running.projectId}/turns`, { headers: owner })).status).toBe(200);
    expect((await fetch(`${slow.url}/api/generations/${running.sessionId}/cancel`, { method: "POST", headers: bearer(running.token) })).status).toBeLessThan(300);
    // The cancel ends the run; the delete then goes through.
    for (;;) {
      const snapshot = generationSnapshotSchema.parse(await (await fetch(`${slow.url}/api/generations/${running.sessionId}`, { headers: bearer(running.token) })).json());
      if (snapshot.status === "cancelled") break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await remove()).status).toBe(204);
  } finally {
    await slow.stop();
    removeDataDir(slow.dataDir);
  }
});

test("delete removes sessions, events and versions", async () => {
  const { first, second } = await createProjectWithTwoTurns();
  const id = first.projectId;
  const owner = bearer(first.projectToken);

  expectError(await call("DELETE", `/api/projects/${id}`), 401, "UNAUTHORIZED");
  const deleted = await call("DELETE", `/api/projects/${id}`, owner);
  expect(deleted.status).toBe(204);

  expectError(await call("GET", `/api/projects/${id}/turns`, owner), 404, "NOT_FOUND");
  expectError(await call("GET", `/api/projects/${id}`, owner), 404, "NOT_FOUND");
  expectError(await call("GET", `/api/projects/${id}/versions/1/preview`, owner), 404, "NOT_FOUND");
  expectError(await call("GET", `/api/generations/${first.sessionId}`, bearer(first.token)), 404, "NOT_FOUND");
  expectError(await call("GET", `/api/generations/${second.sessionId}/download`, bearer(second.token)), 404, "NOT_FOUND");
  expectError(await call("DELETE", `/api/projects/${id}`, owner), 404, "NOT_FOUND");
  const followUp = await postJson(`${server.url}/api/generations`, { prompt: "again", projectId: id }, owner);
  expect(followUp.status).toBe(401);
});

test("the session zip is titled with the site's name, not the prompt", async () => {
  const project = await createGeneration(server.url, "A bakery called Crumb & Co with a menu");
  await waitForCompletion(project.sessionId, project.token);
  const res = await fetch(`${server.url}/api/generations/${project.sessionId}/download`, { headers: bearer(project.token) });
  expect(res.status).toBe(200);
  const index = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))["index.html"]!);
  const title = /<title>([^<]*)<\/title>/.exec(index)?.[1];
  expect(title).toBe("Crumb &amp; Co");
});
