import { strFromU8, unzipSync } from "fflate";
import {
  createGenerationResponseSchema,
  errorBodySchema,
  generationSnapshotSchema,
  previewTicketResponseSchema,
  projectResponseSchema,
  restoreVersionResponseSchema,
} from "@/lib/protocol";
import { bearer, connectRecorder, createGeneration, isTerminal, postJson } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(90_000);

/*
 * Follow-up edits and versions with the offline template engine: a project grows a version per
 * finished generation, old versions can be previewed and restored, and only the project token
 * opens any of it.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { GENERATION_ENGINE: "template", TEMPLATE_STEP_MS: "20", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" } });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});


async function getJson(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, json: (await res.json()) as unknown };
}

async function waitForCompletion(sessionId: string, token: string) {
  const client = connectRecorder(server.url, { sessionId, token });
  await client.waitFor(isTerminal);
  client.socket.close();
  const last = client.events.at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("completed");
}

test("a follow-up edit adds version 2, the project lists both, a restore of v1 becomes v3", async () => {
  const first = await createGeneration(server.url, "A bakery called Crumb & Co with a menu");
  await waitForCompletion(first.sessionId, first.token);

  const edit = await postJson(`${server.url}/api/generations`, { prompt: "add a pricing section", projectId: first.projectId }, bearer(first.projectToken));
  expect(edit.status).toBe(202);
  const second = createGenerationResponseSchema.parse(edit.json);
  expect(second.projectId).toBe(first.projectId);
  expect(second.sessionId).not.toBe(first.sessionId);
  await waitForCompletion(second.sessionId, second.token);

  const project = await getJson(`/api/projects/${first.projectId}`, bearer(first.projectToken));
  expect(project.status).toBe(200);
  const listed = projectResponseSchema.parse(project.json);
  expect(listed.projectId).toBe(first.projectId);
  expect(listed.versions.map((v) => [v.version, v.sessionId, v.prompt, v.restoredFrom])).toEqual([
    [1, first.sessionId, "A bakery called Crumb & Co with a menu", null],
    [2, second.sessionId, "add a pricing section", null],
  ]);

  // Each version's document is the site its generation finished with.
  const v1 = await fetch(`${server.url}${listed.versions[0]!.previewUrl}`, { headers: bearer(first.projectToken) });
  const v2 = await fetch(`${server.url}${listed.versions[1]!.previewUrl}`, { headers: bearer(first.projectToken) });
  expect(v1.status).toBe(200);
  expect(v2.status).toBe(200);
  expect(v1.headers.get("content-security-policy")).toMatch(/^sandbox allow-scripts allow-forms;/);
  expect(v1.headers.get("content-type")).toMatch(/^text\/html/);
  const [html1, html2] = [await v1.text(), await v2.text()];
  expect(html1).toContain("Crumb &amp; Co");
  expect(html2).not.toBe(html1);
  const pricing = /<section[^>]* id="pricing"/;
  expect(html2).toMatch(pricing);
  expect(html1).not.toMatch(pricing);
  const snapshot = generationSnapshotSchema.parse((await getJson(`/api/generations/${second.sessionId}`, bearer(second.token))).json);
  expect(html2).toContain(snapshot.preview!.html_content);

  const restore = await postJson(`${server.url}/api/projects/${first.projectId}/versions/1/restore`, {}, bearer(first.projectToken));
  expect(restore.status).toBe(201);
  const restored = restoreVersionResponseSchema.parse(restore.json);
  // A restore is a turn of its own (prompt-queue.test.ts follows it through the thread).
  expect(restored).toMatchObject({ projectId: first.projectId, version: 3, restoredFrom: 1 });
  expect(restored.sessionId).not.toBe(first.sessionId);
  const after = projectResponseSchema.parse((await getJson(`/api/projects/${first.projectId}`, bearer(first.projectToken))).json);
  expect(after.versions.map((v) => v.version)).toEqual([1, 2, 3]);
  const v3 = await fetch(`${server.url}${restored.previewUrl}`, { headers: bearer(first.projectToken) });
  expect(await v3.text()).toBe(html1);

  // The next follow-up edits the restored site (v3), not v2.
  const third = createGenerationResponseSchema.parse(
    (await postJson(`${server.url}/api/generations`, { prompt: "make the header dark", projectId: first.projectId }, bearer(first.projectToken))).json,
  );
  await waitForCompletion(third.sessionId, third.token);
  const final = projectResponseSchema.parse((await getJson(`/api/projects/${first.projectId}`, bearer(first.projectToken))).json);
  expect(final.versions).toHaveLength(4);
  const v4 = await (await fetch(`${server.url}${final.versions[3]!.previewUrl}`, { headers: bearer(first.projectToken) })).text();
  expect(v4).not.toMatch(pricing);
});

test("only the project token opens a project; unknown projects and versions are 404", async () => {
  const a = await createGeneration(server.url, "A yoga studio in Lisbon");
  const b = await createGeneration(server.url, "A bike repair shop");
  await waitForCompletion(a.sessionId, a.token);

  const cases: [string, Record<string, string>, number, string][] = [
    [`/api/projects/${a.projectId}`, {}, 401, "UNAUTHORIZED"],
    [`/api/projects/${a.projectId}`, bearer(b.projectToken), 401, "UNAUTHORIZED"],
    // A session token is not a project token.
    [`/api/projects/${a.projectId}`, bearer(a.token), 401, "UNAUTHORIZED"],
    [`/api/projects/nope-${a.projectId.slice(5)}`, bearer(a.projectToken), 404, "NOT_FOUND"],
    [`/api/projects/${a.projectId}/versions/1/preview`, {}, 401, "UNAUTHORIZED"],
    // A token in the URL opens nothing, not even with the right token.
    [`/api/projects/${a.projectId}/versions/1/preview?token=${a.projectToken}`, {}, 401, "UNAUTHORIZED"],
    [`/api/projects/${a.projectId}/versions/1/preview?ticket=1.${"A".repeat(43)}`, {}, 401, "UNAUTHORIZED"],
    [`/api/projects/${a.projectId}/versions/9/preview`, bearer(a.projectToken), 404, "NOT_FOUND"],
    [`/api/projects/${a.projectId}/versions/0/preview`, bearer(a.projectToken), 404, "NOT_FOUND"],
    [`/api/projects/${a.projectId}/versions/1.5/preview`, bearer(a.projectToken), 404, "NOT_FOUND"],
    [`/api/projects/${a.projectId}/versions/1/download`, {}, 401, "UNAUTHORIZED"],
    [`/api/projects/${a.projectId}/versions/1/download`, bearer(b.projectToken), 401, "UNAUTHORIZED"],
    [`/api/projects/${a.projectId}/versions/9/download`, bearer(a.projectToken), 404, "NOT_FOUND"],
  ];
  for (const [path, headers, status, code] of cases) {
    const res = await getJson(path, headers);
    expect([path, res.status]).toEqual([path, status]);
    expect(errorBodySchema.parse(res.json).error.code).toBe(code);
  }
  // Tokens are never read from a URL.
  expect((await getJson(`/api/projects/${a.projectId}?token=${a.projectToken}`)).status).toBe(401);
  expect((await postJson(`${server.url}/api/projects/${a.projectId}/versions/1/restore?token=${a.projectToken}`, {})).status).toBe(401);
  expect((await postJson(`${server.url}/api/projects/${a.projectId}/versions/7/restore`, {}, bearer(a.projectToken))).status).toBe(404);
  expect((await postJson(`${server.url}/api/projects/${a.projectId}/versions/1/restore`, {}, bearer(b.projectToken))).status).toBe(401);

  // A project whose first generation has not finished has no versions yet.
  const listed = projectResponseSchema.parse((await getJson(`/api/projects/${b.projectId}`, bearer(b.projectToken))).json);
  expect(listed.versions.length).toBeLessThanOrEqual(1);
});

test("a version opens in a tab through a short-lived ticket for that version only", async () => {
  const a = await createGeneration(server.url, "A tea room called Steep & Co");
  await waitForCompletion(a.sessionId, a.token);
  const b = await createGeneration(server.url, "A bike repair shop");
  await waitForCompletion(b.sessionId, b.token);
  const ticketPath = (projectId: string, version: number) => `${server.url}/api/projects/${projectId}/versions/${version}/ticket`;

  expect((await postJson(ticketPath(a.projectId, 1), {})).status).toBe(401);
  expect((await postJson(ticketPath(a.projectId, 1), {}, bearer(b.projectToken))).status).toBe(401);
  expect((await postJson(ticketPath(a.projectId, 2), {}, bearer(a.projectToken))).status).toBe(404);
  const issued = await postJson(ticketPath(a.projectId, 1), {}, bearer(a.projectToken));
  expect(issued.status).toBe(200);
  const { url, expiresAt } = previewTicketResponseSchema.parse(issued.json);
  expect(url).toMatch(/^\/api\/projects\/[\w-]+\/versions\/1\/preview\?ticket=\d+\.[\w-]{43}$/);
  for (const secret of [a.projectToken, a.token, a.viewerToken]) expect(url).not.toContain(secret);
  expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);

  const opened = await fetch(`${server.url}${url}`);
  expect(opened.status).toBe(200);
  expect(await opened.text()).toContain("Steep &amp; Co");
  const csp = opened.headers.get("content-security-policy") ?? "";
  for (const part of ["sandbox allow-scripts allow-forms", "connect-src 'none'", "form-action 'none'", "img-src data: blob:"]) expect(csp).toContain(part);
  expect(csp).not.toContain("https:");

  // The ticket is bound to its project and version: it opens nothing else.
  const ticket = new URL(url, server.url).searchParams.get("ticket")!;
  const elsewhere = [
    `/api/projects/${b.projectId}/versions/1/preview?ticket=${ticket}`,
    `/api/projects/${a.projectId}/versions/1/download?ticket=${ticket}`,
    `/api/projects/${a.projectId}?ticket=${ticket}`,
    `/api/projects/${a.projectId}/versions/1/preview?ticket=${ticket.replace(/^\d+/, (n) => String(Number(n) + 1))}`,
  ];
  for (const path of elsewhere) expect([path, (await fetch(`${server.url}${path}`)).status]).toEqual([path, 401]);
});

test("a version downloads as a zip with the project token; the zip is titled with the site's name (ampersand kept)", async () => {
  const a = await createGeneration(server.url, "A tea room called Steep & Co");
  await waitForCompletion(a.sessionId, a.token);
  const res = await fetch(`${server.url}/api/projects/${a.projectId}/versions/1/download`, { headers: bearer(a.projectToken) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  expect(Object.keys(files).sort()).toEqual(["index.html", "script.js", "styles.css"]);
  expect(strFromU8(files["index.html"]!)).toContain("<title>Steep &amp; Co</title>");
  const session = await fetch(`${server.url}/api/generations/${a.sessionId}/download`, { headers: bearer(a.viewerToken) });
  expect(session.status).toBe(200);
  expect(strFromU8(unzipSync(new Uint8Array(await session.arrayBuffer()))["index.html"]!)).toContain("<title>Steep &amp; Co</title>");
  // Not with a token in the URL.
  expect((await fetch(`${server.url}/api/generations/${a.sessionId}/download?token=${a.viewerToken}`)).status).toBe(401);
});
