import { errorBodySchema } from "@/lib/protocol";
import { connectRecorder, createGeneration, expectConnectError, isTerminal, postJson } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(60_000);

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

async function expectError(res: { status: number; json: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = errorBodySchema.parse(res.json);
  expect(body.error.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
  return body;
}

const api = () => `${server.url}/api/generations`;

test.each([
  ["empty prompt", { prompt: "" }],
  ["whitespace prompt", { prompt: "   \n\t " }],
  ["prompt too long", { prompt: "x".repeat(4001) }],
  ["prompt of wrong type", { prompt: 42 }],
  ["missing prompt", {}],
  ["array body", [1, 2]],
  ["null body", null],
  ["unknown field", { prompt: "hi", extra: true }],
  ["bad projectId", { prompt: "hi", projectId: "../../etc" }],
])("POST /api/generations rejects %s with 400 VALIDATION_ERROR", async (_name, body) => {
  const res = await postJson(api(), body);
  const parsed = await expectError(res, 400, "VALIDATION_ERROR");
  if (body && typeof body === "object" && !Array.isArray(body)) expect(parsed.error.details).toBeDefined();
});

test("malformed JSON → 400, wrong content type → 415, oversized body → 413", async () => {
  await expectError(await postJson(api(), "{not json"), 400, "VALIDATION_ERROR");
  const form = await fetch(api(), { method: "POST", headers: { "content-type": "text/plain" }, body: "prompt=hi" });
  await expectError({ status: form.status, json: await form.json() }, 415, "UNSUPPORTED_MEDIA_TYPE");
  await expectError(await postJson(api(), { prompt: "x".repeat(70 * 1024) }), 413, "PAYLOAD_TOO_LARGE");
  const invalidUtf8 = await fetch(api(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: Buffer.from([0x7b, 0x22, 0x70, 0xff, 0xfe, 0x22, 0x7d]),
  });
  await expectError({ status: invalidUtf8.status, json: await invalidUtf8.json() }, 400, "VALIDATION_ERROR");
});

test("a prompt at exactly 4000 characters (after trimming) is accepted", async () => {
  const res = await postJson(api(), { prompt: `  ${"a".repeat(4000)}  ` });
  expect(res.status).toBe(202);
});

test("projectId without the project's token → 401", async () => {
  const created = await createGeneration(server.url);
  await expectError(await postJson(api(), { prompt: "edit it", projectId: created.projectId }), 401, "UNAUTHORIZED");
  const ok = await postJson(api(), { prompt: "add a pricing section", projectId: created.projectId }, { authorization: `Bearer ${created.projectToken}` });
  expect(ok.status).toBe(202);
});

test("snapshot, cancel and retry: 401 without token, 404 unknown, 403 for viewers, 409 when not allowed", async () => {
  const created = await createGeneration(server.url);
  const watcher = connectRecorder(server.url, { sessionId: created.sessionId, token: created.token });
  await watcher.waitFor(isTerminal);
  watcher.socket.close();
  const base = `${api()}/${created.sessionId}`;
  const get = async (url: string, token?: string) => {
    const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, json: await res.json() };
  };
  await expectError(await get(base), 401, "UNAUTHORIZED");
  await expectError(await get(base, "wrong-token"), 401, "UNAUTHORIZED");
  await expectError(await get(`${api()}/doesnotexist`, created.token), 404, "NOT_FOUND");
  expect((await get(base, created.viewerToken)).status).toBe(200);
  await expectError(await postJson(`${base}/cancel`, {}, { authorization: `Bearer ${created.viewerToken}` }), 403, "FORBIDDEN");
  await expectError(await postJson(`${base}/retry`, {}, { authorization: `Bearer ${created.viewerToken}` }), 403, "FORBIDDEN");
  await expectError(await postJson(`${base}/cancel`, {}, { authorization: `Bearer ${created.token}` }), 409, "CONFLICT");
  await expectError(await postJson(`${base}/retry`, {}, { authorization: `Bearer ${created.token}` }), 409, "CONFLICT");
  const preview404 = await fetch(`${server.url}/preview/nope`);
  expect(preview404.status).toBe(404);
  const unknownApi = await fetch(`${server.url}/api/nothing-here`);
  await expectError({ status: unknownApi.status, json: await unknownApi.json() }, 404, "NOT_FOUND");
});

test("sockets with bad handshakes are refused with a coded connect_error", async () => {
  const created = await createGeneration(server.url);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{}, "VALIDATION_ERROR"],
    [{ sessionId: created.sessionId }, "VALIDATION_ERROR"],
    [{ sessionId: { $ne: 1 }, token: "x" }, "VALIDATION_ERROR"],
    [{ sessionId: created.sessionId, token: created.token, lastEventId: "abc" }, "VALIDATION_ERROR"],
    [{ sessionId: created.sessionId, token: created.token, lastEventId: -1 }, "VALIDATION_ERROR"],
    [{ sessionId: "x".repeat(500), token: "y" }, "VALIDATION_ERROR"],
    [{ sessionId: "unknownsession", token: created.token }, "NOT_FOUND"],
    [{ sessionId: created.sessionId, token: "wrong" }, "UNAUTHORIZED"],
  ];
  for (const [auth, code] of cases) {
    const refused = await expectConnectError(server.url, auth);
    expect(refused.message).toBe(code);
    expect(refused.data).toEqual({ code, message: expect.any(String) });
  }
});

test("the server is still healthy after all of the above", async () => {
  const res = await fetch(`${server.url}/api/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
  expect(server.proc.exitCode).toBeNull();
});

test.each([
  ["GET", "/api/generations", "POST"],
  ["DELETE", "/api/generations", "POST"],
  ["GET", "/api/generations/abc/cancel", "POST"],
  ["PUT", "/api/health", "GET"],
  ["POST", "/api/generations/abc/download", "GET"],
  ["GET", "/api/projects/abc/versions/1/ticket", "POST"],
])("%s %s answers a JSON 405 with Allow: %s", async (method, path, allowed) => {
  const res = await fetch(`${server.url}${path}`, { method });
  await expectError({ status: res.status, json: await res.json() }, 405, "METHOD_NOT_ALLOWED");
  expect(res.headers.get("allow")).toBe(allowed);
});
