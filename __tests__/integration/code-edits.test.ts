import { createGenerationResponseSchema, errorBodySchema, projectResponseSchema, CODE_MAX_CHARS } from "@/lib/protocol";
import { bearer, connectRecorder, createGeneration, isTerminal, postJson } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(90_000);

/*
 * Issue 18 item 4 over HTTP, against the real server: a hand edit of the code (a `code` site
 * edit) is the next turn and a version, described by the server, with its broken ids repaired and
 * fresh ones stamped; a whole site past the usual 64 KB body cap is accepted for it (and only
 * for it); bounds and tokens are enforced with clear errors and nothing stored.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { GENERATION_ENGINE: "template", TEMPLATE_STEP_MS: "20", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" } });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

async function waitForCompletion(sessionId: string, token: string) {
  const client = connectRecorder(server.url, { sessionId, token });
  await client.waitFor(isTerminal);
  client.socket.close();
  return client.events;
}

const api = () => `${server.url}/api/generations`;

async function versionsOf(projectId: string, projectToken: string) {
  const res = await fetch(`${server.url}/api/projects/${projectId}`, { headers: bearer(projectToken) });
  return projectResponseSchema.parse(await res.json()).versions;
}

test("a code edit over 64 KB is the next version, described by the server, ids repaired and stamped", async () => {
  const first = await createGeneration(server.url, "A bakery called Crumb & Co with a menu");
  await waitForCompletion(first.sessionId, first.token);
  const [v1] = await versionsOf(first.projectId, first.projectToken);
  const doc = await (await fetch(`${server.url}${v1!.previewUrl}`, { headers: bearer(first.projectToken) })).text();
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(doc)![1]!;
  const h1Id = /<h1 data-ov-id="([^"]+)"/.exec(body)![1]!;
  // Two headings with the same id (a pasted copy), one new element without any, and a long comment past 64 KB.
  const html = `<section class="hand"><h1 data-ov-id="${h1Id}">Made by hand</h1><h1 data-ov-id="${h1Id}">Copy</h1><p>New</p></section><!-- ${"x".repeat(70_000)} -->`;
  const css = "h1 { color: #c026d3; }";
  const edit = await postJson(api(), { prompt: "anything the client says", projectId: first.projectId, edit: { kind: "code", html, css, js: "" } }, bearer(first.projectToken));
  expect(edit.status).toBe(202);
  const second = createGenerationResponseSchema.parse(edit.json);
  const last = (await waitForCompletion(second.sessionId, second.token)).at(-1)!;
  expect(last.type === "generation:completed" && last.data.status).toBe("completed");

  const versions = await versionsOf(first.projectId, first.projectToken);
  expect(versions.map((v) => [v.version, v.sessionId, v.prompt])).toEqual([
    [1, first.sessionId, "A bakery called Crumb & Co with a menu"],
    [2, second.sessionId, "Edited the code by hand"],
  ]);
  const saved = await (await fetch(`${server.url}${versions[1]!.previewUrl}`, { headers: bearer(first.projectToken) })).text();
  const ids = [...saved.matchAll(/data-ov-id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids.length).toBe(4); // section, both headings, paragraph
  expect(new Set(ids).size).toBe(4);
  expect(ids).toContain(h1Id);
  expect(saved).toContain(css);
  expect(saved).toContain("Made by hand");
});

test("only a code edit may pass 64 KB; files past the bound, no token, or no version are refused and nothing is stored", async () => {
  const first = await createGeneration(server.url, "A florist called Petal with opening hours");
  await waitForCompletion(first.sessionId, first.token);
  const code = (html: string) => ({ prompt: "Edit", projectId: first.projectId, edit: { kind: "code", html, css: "", js: "" } });
  const expectError = (res: { status: number; json: unknown }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(errorBodySchema.parse(res.json).error.code).toBe(code);
  };

  // A plain prompt padded past 64 KB with an unknown field: still 413 (not read as a code edit).
  expectError(await postJson(api(), { prompt: "hi", projectId: first.projectId, pad: "x".repeat(70 * 1024) }, bearer(first.projectToken)), 413, "PAYLOAD_TOO_LARGE");
  expectError(await postJson(api(), { prompt: "hi", edit: { kind: "text", id: "e1", text: "x".repeat(70 * 1024) } }, bearer(first.projectToken)), 413, "PAYLOAD_TOO_LARGE");
  // Past 2 MiB: refused whatever it claims to be.
  expectError(await postJson(api(), code("x".repeat(2 * 1024 * 1024 + 10)), bearer(first.projectToken)), 413, "PAYLOAD_TOO_LARGE");
  // One file past its bound: 400 with the schema's reason.
  expectError(await postJson(api(), code("x".repeat(CODE_MAX_CHARS + 1)), bearer(first.projectToken)), 400, "VALIDATION_ERROR");
  // Without the project's token: 401.
  expectError(await postJson(api(), code("<h1>Mine now</h1>")), 401, "UNAUTHORIZED");
  // Without a project: 400 (a code edit changes an existing site).
  expectError(await postJson(api(), { prompt: "Edit", edit: { kind: "code", html: "<p>x</p>", css: "", js: "" } }), 400, "VALIDATION_ERROR");
  expect((await versionsOf(first.projectId, first.projectToken)).map((v) => v.version)).toEqual([1]);
});
