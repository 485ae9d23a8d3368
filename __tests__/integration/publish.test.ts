import { errorBodySchema, publishStateSchema, type CreateGenerationResponse } from "@/lib/protocol";
import { PREVIEW_HEADERS } from "@/lib/server/site/preview-headers";
import { bearer, connectRecorder, createGeneration, isTerminal, postJson } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(120_000);

/*
 * Publishing against the real server: one stable address per project that serves the published
 * version (not the newest) as a real page, slug rules with clear errors, Update, Unpublish and
 * delete, and every route of a deleted project answering 404.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { TEMPLATE_STEP_MS: "0", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" } });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body), redirect: "manual",
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, text, json };
}

async function finish(sessionId: string, token: string) {
  const client = connectRecorder(server.url, { sessionId, token });
  await client.waitFor(isTerminal, 60_000);
  client.socket.close();
}

async function newSite(prompt: string): Promise<CreateGenerationResponse> {
  const created = await createGeneration(server.url, prompt);
  await finish(created.sessionId, created.token);
  return created;
}

async function followUp(site: CreateGenerationResponse, prompt: string) {
  const res = await postJson(`${server.url}/api/generations`, { prompt, projectId: site.projectId }, bearer(site.projectToken));
  expect(res.status).toBe(202);
  const { sessionId, token } = res.json as { sessionId: string; token: string };
  await finish(sessionId, token);
  return sessionId;
}

const publish = (site: CreateGenerationResponse, body: unknown = {}) => call("POST", `/api/projects/${site.projectId}/publish`, bearer(site.projectToken), body);

function expectError(res: { status: number; json: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(errorBodySchema.parse(res.json).error.code).toBe(code);
}

test("slug rules: length, characters, reserved words and taken addresses are refused with clear errors", async () => {
  const site = await newSite("A bakery called Crumb & Co with a menu, in green");
  for (const slug of ["ab", "x".repeat(41), "Crumb", "crumb co", "crumb--co", "-crumb", "crumb_co", "crümb", "../etc"]) {
    const res = await publish(site, { slug });
    expectError(res, 400, "VALIDATION_ERROR");
  }
  for (const slug of ["api", "admin", "preview", "s"]) {
    const res = await publish(site, { slug });
    expectError(res, 400, "VALIDATION_ERROR");
    expect(JSON.stringify(res.json)).toContain("reserved");
  }
  expectError(await publish(site, { slug: "crumb", extra: 1 }), 400, "VALIDATION_ERROR");
  expectError(await publish(site, { version: 99 }), 404, "NOT_FOUND");

  // The default address comes from the site's name.
  const first = await publish(site);
  expect(first.status).toBe(201);
  expect(publishStateSchema.parse(first.json).publication).toMatchObject({ slug: "crumb-co", url: "/s/crumb-co", version: 1 });

  const other = await newSite("A portfolio for a photographer named Ana Ruiz");
  const taken = await publish(other, { slug: "crumb-co" });
  expectError(taken, 409, "CONFLICT");
  expect(errorBodySchema.parse(taken.json).error.message).toContain("/s/crumb-co");
  expect((await publish(other, { slug: "ana-ruiz-photos" })).status).toBe(201);

  // Without the project token nothing is published or read.
  expectError(await call("POST", `/api/projects/${site.projectId}/publish`, {}, {}), 401, "UNAUTHORIZED");
  expectError(await call("GET", `/api/projects/${site.projectId}/publish`, bearer(other.projectToken)), 401, "UNAUTHORIZED");
  expectError(await call("POST", `/api/projects/${site.projectId}/publish`, bearer(site.projectViewerToken!), {}), 403, "FORBIDDEN");
});

test("the address serves the published version as a real page until Update; Unpublish and delete give 404", async () => {
  const site = await newSite("A landing page for a yoga studio called Flow Space in Lisbon");
  const published = publishStateSchema.parse((await publish(site, { slug: "flow-space" })).json);
  expect(published.publication!.version).toBe(1);

  const page = await call("GET", "/s/flow-space");
  expect(page.status).toBe(200);
  // The generated sites' one policy, from its one owner.
  expect(page.headers.get("content-security-policy")).toBe(PREVIEW_HEADERS["Content-Security-Policy"]);
  expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  expect(page.headers.get("cache-control")).toBe("no-cache");
  expect(page.text).toMatch(/<title>[^<]*Flow Space[^<]*<\/title>/);
  expect(page.text).toMatch(/<meta name="description" content="[^"]{40,}">/);
  expect(page.text).toContain('<meta property="og:title"');
  expect(page.text).toContain(`<meta property="og:url" content="${server.url}/s/flow-space">`);
  expect(page.text).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
  expect(page.text).not.toContain("Harbour Light");

  // A revalidation with the same publication is a 304; the page is counted as visited each time.
  const etag = page.headers.get("etag")!;
  expect((await call("GET", "/s/flow-space", { "if-none-match": etag })).status).toBe(304);

  // An edit makes v2, but the address keeps serving v1 until Update.
  await followUp(site, "Rename to Harbour Light");
  expect((await call("GET", "/s/flow-space")).text).not.toContain("Harbour Light");
  const state = publishStateSchema.parse((await call("GET", `/api/projects/${site.projectId}/publish`, bearer(site.projectToken))).json);
  expect(state).toMatchObject({ currentVersion: 2, publication: { version: 1, slug: "flow-space" } });
  expect(state.publication!.visits).toBe(3);

  const updated = await publish(site);
  expect(updated.status).toBe(200);
  expect(publishStateSchema.parse(updated.json).publication).toMatchObject({ version: 2, slug: "flow-space" });
  const after = await call("GET", "/s/flow-space", { "if-none-match": etag });
  expect(after.status).toBe(200);
  expect(after.text).toContain("Harbour Light");

  // Moving to another address frees the old one.
  expect((await publish(site, { slug: "flow-lisbon" })).status).toBe(200);
  expect((await call("GET", "/s/flow-space")).status).toBe(404);
  expect((await call("GET", "/s/flow-lisbon")).status).toBe(200);

  expect((await call("DELETE", `/api/projects/${site.projectId}/publish`, bearer(site.projectToken))).status).toBe(204);
  const gone = await call("GET", "/s/flow-lisbon");
  expect(gone.status).toBe(404);
  expect(gone.headers.get("content-type")).toContain("text/html");
  expectError(await call("DELETE", `/api/projects/${site.projectId}/publish`, bearer(site.projectToken)), 404, "NOT_FOUND");
  expect((await call("GET", "/s/NOT-A-SLUG")).status).toBe(404);
});

test("every route of a deleted project answers 404, its public address included", async () => {
  const site = await newSite("A small SaaS called Ledgerly that does invoicing, in blue");
  const second = await followUp(site, "make the header dark");
  expect((await publish(site, { slug: "ledgerly" })).status).toBe(201);
  expect((await call("POST", `/api/projects/${site.projectId}/queue`, bearer(site.projectToken), { prompt: "add a blog" })).status).toBe(201);
  await finishQueued(site);
  expect((await call("GET", "/s/ledgerly")).status).toBe(200);

  expect((await call("DELETE", `/api/projects/${site.projectId}`, bearer(site.projectToken))).status).toBe(204);
  const p = site.projectId;
  const auth = bearer(site.projectToken);
  const routes: [string, string, Record<string, string>, unknown?][] = [
    ["GET", "/s/ledgerly", {}],
    ["GET", `/p/${p}`, {}],
    ["GET", `/api/projects/${p}`, auth],
    ["PATCH", `/api/projects/${p}`, auth, { name: "x" }],
    ["DELETE", `/api/projects/${p}`, auth],
    ["GET", `/api/projects/${p}/turns`, auth],
    ["GET", `/api/projects/${p}/publish`, auth],
    ["POST", `/api/projects/${p}/publish`, auth, {}],
    ["DELETE", `/api/projects/${p}/publish`, auth],
    ["GET", `/api/projects/${p}/queue`, auth],
    ["POST", `/api/projects/${p}/queue`, auth, { prompt: "again" }],
    ["POST", `/api/projects/${p}/share`, auth],
    ["GET", `/api/projects/${p}/versions/1/preview`, auth],
    ["GET", `/api/projects/${p}/versions/1/download`, auth],
    ["POST", `/api/projects/${p}/versions/1/ticket`, auth],
    ["POST", `/api/projects/${p}/versions/1/restore`, auth],
    ["GET", `/api/generations/${site.sessionId}`, bearer(site.token)],
    ["GET", `/api/generations/${site.sessionId}/download`, bearer(site.token)],
    ["GET", `/preview/${site.sessionId}`, {}],
    ["GET", `/preview/${second}`, {}],
    ["GET", `/g/${site.sessionId}`, {}],
  ];
  for (const [method, path, headers, body] of routes) {
    const res = await call(method, path, headers, body);
    expect([method, path, res.status]).toEqual([method, path, 404]);
  }
});

/** Waits for the turn the queue started (it ran at once: nothing else was running). */
async function finishQueued(site: CreateGenerationResponse) {
  const turns = (await call("GET", `/api/projects/${site.projectId}/turns`, bearer(site.projectToken))).json as { turns: { sessionId: string }[] };
  await finish(turns.turns.at(-1)!.sessionId, site.projectToken);
}
