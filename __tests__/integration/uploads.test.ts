import http from "node:http";
import { unzipSync, strFromU8 } from "fflate";
import { errorBodySchema, listAssetsResponseSchema, uploadAssetResponseSchema, type AssetInfo, type CreateGenerationResponse } from "@/lib/protocol";
import { SVG_WITH_SCRIPT, makeExecutable, makePng } from "../helpers/image-bytes";
import { bearer, connectRecorder, createGeneration, isTerminal, postJson } from "../helpers/clients";
import { removeDataDir, startServer, type RunningServer } from "../helpers/server-process";

jest.setTimeout(180_000);

/*
 * Uploads against the real server: hostile input refused with a clear JSON error and nothing
 * stored (a renamed executable, an SVG with a script, a 50 MB body declared or streamed, 1,000
 * files past the cap, wrong tokens), then a logo that lands as a turn and reaches the published
 * page (same-origin folder, path-restricted CSP, favicon), the zip's images/ and the API.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { TEMPLATE_STEP_MS: "0", RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" } });
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

async function finish(sessionId: string, token: string) {
  const client = connectRecorder(server.url, { sessionId, token });
  await client.waitFor(isTerminal, 60_000);
  client.socket.close();
  return client.events;
}

async function newSite(prompt = "A bakery called Crumb & Co with a menu and a gallery"): Promise<CreateGenerationResponse> {
  const created = await createGeneration(server.url, prompt);
  await finish(created.sessionId, created.token);
  return created;
}

async function upload(site: CreateGenerationResponse, body: Uint8Array, options: { token?: string; type?: string; query?: string } = {}) {
  const res = await fetch(`${server.url}/api/projects/${site.projectId}/assets${options.query ?? "?alt=Crumb%20%26%20Co%20logo&role=logo"}`, {
    method: "POST",
    headers: { "content-type": options.type ?? "image/png", ...(options.token === "" ? {} : bearer(options.token ?? site.projectToken)) },
    body: new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

function expectError(res: { status: number; json: unknown }, status: number, code: string): string {
  expect(res.status).toBe(status);
  const body = errorBodySchema.parse(res.json);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

async function listed(site: CreateGenerationResponse): Promise<AssetInfo[]> {
  const res = await fetch(`${server.url}/api/projects/${site.projectId}/assets`, { headers: bearer(site.projectToken) });
  expect(res.status).toBe(200);
  return listAssetsResponseSchema.parse(await res.json()).assets;
}

/** Streams `total` bytes chunked (no length declared), stopping as soon as the server answers; how much it wrote and the answer. */
function streamUpload(site: CreateGenerationResponse, total: number): Promise<{ status: number; body: string; written: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${server.url}/api/projects/${site.projectId}/assets`);
    let written = 0;
    let answered = false;
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...bearer(site.projectToken), "content-type": "image/png" } }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, written }));
    });
    // The server may close the connection after answering: that is the refusal, not a failure.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.concat([makePng(4, 4), Buffer.alloc(64 * 1024 - makePng(4, 4).length)]);
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("hostile uploads are refused with clear errors and nothing is stored", async () => {
  const site = await newSite();
  const exe = expectError(await upload(site, makeExecutable()), 415, "UNSUPPORTED_MEDIA_TYPE");
  expect(exe).toMatch(/program, not an image/);
  const svg = expectError(await upload(site, SVG_WITH_SCRIPT, { type: "image/svg+xml" }), 415, "UNSUPPORTED_MEDIA_TYPE");
  expect(svg).toMatch(/SVG/);
  // Declared as a PNG, named as one: the bytes decide.
  expectError(await upload(site, SVG_WITH_SCRIPT, { type: "image/png" }), 415, "UNSUPPORTED_MEDIA_TYPE");
  expectError(await upload(site, new Uint8Array(0)), 400, "VALIDATION_ERROR");
  // A tiny file claiming a 100,000-pixel-wide picture.
  const bomb = makePng(1, 1);
  bomb.writeUInt32BE(100_000, 16);
  expectError(await upload(site, bomb), 413, "PAYLOAD_TOO_LARGE");

  // 50 MB declared: refused before the body is read.
  const big = new Uint8Array(50 * 1024 * 1024);
  big.set(makePng(4, 4));
  const declared = await upload(site, big);
  expect(expectError(declared, 413, "PAYLOAD_TOO_LARGE")).toMatch(/5 MB/);
  // 50 MB streamed without a length: refused once it passes 5 MB, long before the 50 MB are sent.
  const streamed = await streamUpload(site, 50 * 1024 * 1024);
  expect(streamed.status).toBe(413);
  expect(errorBodySchema.parse(JSON.parse(streamed.body)).error.code).toBe("PAYLOAD_TOO_LARGE");
  expect(streamed.written).toBeLessThan(30 * 1024 * 1024);

  // Wrong, missing, read-only and other projects' tokens.
  expectError(await upload(site, makePng(2, 2), { token: "x".repeat(32) }), 401, "UNAUTHORIZED");
  expectError(await upload(site, makePng(2, 2), { token: "" }), 401, "UNAUTHORIZED");
  expectError(await upload(site, makePng(2, 2), { token: site.projectViewerToken! }), 403, "FORBIDDEN");
  const other = await newSite("A yoga studio called Still");
  expectError(await upload(site, makePng(2, 2), { token: other.projectToken }), 401, "UNAUTHORIZED");
  expectError(await upload(site, makePng(2, 2), { token: site.token }), 401, "UNAUTHORIZED");
  expectError(await upload(site, makePng(2, 2), { query: "?role=banner" }), 400, "VALIDATION_ERROR");

  expect(await listed(site)).toEqual([]);
  // An edit naming an image the project does not hold starts no turn.
  const turns = async () => ((await (await fetch(`${server.url}/api/projects/${site.projectId}/turns`, { headers: bearer(site.projectToken) })).json()) as { turns: unknown[] }).turns.length;
  const before = await turns();
  const edit = await postJson(`${server.url}/api/generations`, { prompt: "logo", projectId: site.projectId, edit: { kind: "logo", asset: "0123456789abcdef.png", alt: "" } }, bearer(site.projectToken));
  expectError(edit, 404, "NOT_FOUND");
  expect(await turns()).toBe(before);
});

test("1,000 files: the first 50 are stored, every other is refused with 409 ASSET_LIMIT_REACHED", async () => {
  const site = await newSite();
  const png = makePng(2, 2);
  const statuses: number[] = [];
  const codes = new Set<string>();
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < 1000) {
      next += 1;
      const res = await upload(site, png, { query: "?alt=dot" });
      statuses.push(res.status);
      if (res.status !== 201) codes.add(errorBodySchema.parse(res.json).error.code);
    }
  }));
  expect(statuses).toHaveLength(1000);
  expect(statuses.filter((s) => s === 201)).toHaveLength(50);
  expect(statuses.filter((s) => s === 409)).toHaveLength(950);
  expect([...codes]).toEqual(["ASSET_LIMIT_REACHED"]);
  expect(await listed(site)).toHaveLength(50);
});

test("a logo lands as a turn and reaches the published page, its favicon, the zip and the API; gone with the project", async () => {
  const site = await newSite();
  const png = makePng(40, 20, [16, 185, 129]);
  const res = await upload(site, png);
  expect(res.status).toBe(201);
  const { asset } = uploadAssetResponseSchema.parse(res.json);
  expect(asset).toMatchObject({ mime: "image/png", width: 40, height: 20, alt: "Crumb & Co logo", role: "logo", bytes: png.length, ref: `images/${asset.name}` });

  // The bytes, to whoever may see the project, typed from the content and never sniffed.
  const own = await fetch(`${server.url}/api/projects/${site.projectId}/assets/${asset.name}`, { headers: bearer(site.projectToken) });
  expect(own.status).toBe(200);
  expect(own.headers.get("content-type")).toBe("image/png");
  expect(own.headers.get("x-content-type-options")).toBe("nosniff");
  expect(Buffer.from(await own.arrayBuffer()).equals(png)).toBe(true);
  expect((await fetch(`${server.url}/api/projects/${site.projectId}/assets/${asset.name}`, { headers: bearer(site.projectViewerToken!) })).status).toBe(200);
  const watch = await fetch(`${server.url}/api/projects/${site.projectId}/assets/${asset.name}`, { headers: { ...bearer(site.viewerToken), "x-openv0-session": site.sessionId } });
  expect(watch.status).toBe(200);
  expect((await fetch(`${server.url}/api/projects/${site.projectId}/assets/${asset.name}`)).status).toBe(401);
  const other = await newSite("A yoga studio called Still");
  expect((await fetch(`${server.url}/api/projects/${site.projectId}/assets/${asset.name}`, { headers: { ...bearer(other.token), "x-openv0-session": other.sessionId } })).status).toBe(401);

  // Applied as a direct edit: a turn with its own version; the markup names the image, no bytes.
  const edit = await postJson(`${server.url}/api/generations`, { prompt: "logo", projectId: site.projectId, edit: { kind: "logo", asset: asset.name, alt: "Crumb & Co logo" } }, bearer(site.projectToken));
  expect(edit.status).toBe(202);
  const turn = edit.json as { sessionId: string; token: string };
  const events = await finish(turn.sessionId, turn.token);
  const preview = events.filter((e) => e.type === "preview:updated").at(-1);
  expect(preview?.type === "preview:updated" && preview.data.html_content).toContain(`src="images/${asset.name}"`);
  expect(JSON.stringify(events).length).toBeLessThan(200_000);
  const thread = (await (await fetch(`${server.url}/api/projects/${site.projectId}/turns`, { headers: bearer(site.projectToken) })).json()) as { turns: Array<{ prompt: string }> };
  expect(thread.turns.at(-1)?.prompt).toBe("Set the logo");

  // Published: the page points at its own image folder, which its CSP admits (and nothing else).
  const published = await postJson(`${server.url}/api/projects/${site.projectId}/publish`, {}, bearer(site.projectToken));
  expect(published.status).toBe(201);
  const slug = (published.json as { publication: { slug: string } }).publication.slug;
  const page = await fetch(`${server.url}/s/${slug}`);
  const html = await page.text();
  expect(html).toContain(`src="/s/${slug}/images/${asset.name}"`);
  expect(html).toContain(`<link rel="icon" href="/s/${slug}/images/${asset.name}">`);
  const csp = page.headers.get("content-security-policy")!;
  expect(csp).toContain(`img-src data: blob: ${new URL(server.url).origin}/s/${slug}/images/;`);
  expect(csp).toContain("default-src 'none'");
  const served = await fetch(`${server.url}/s/${slug}/images/${asset.name}`);
  expect(served.status).toBe(200);
  expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  // An upload the published version does not show is not served there.
  const unused = uploadAssetResponseSchema.parse((await upload(site, makePng(3, 3), { query: "?alt=spare" })).json).asset;
  expect((await fetch(`${server.url}/s/${slug}/images/${unused.name}`)).status).toBe(404);
  expect((await fetch(`${server.url}/preview/${turn.sessionId}/images/${asset.name}`)).status).toBe(200);
  expect((await fetch(`${server.url}/preview/${turn.sessionId}/images/${unused.name}`)).status).toBe(404);

  // A version opened by a ticket (a tab, a compare frame) loads its images with that ticket.
  const ticket = await postJson(`${server.url}/api/projects/${site.projectId}/versions/2/ticket`, {}, bearer(site.projectToken));
  const ticketUrl = (ticket.json as { url: string }).url;
  const versionPage = await fetch(`${server.url}${ticketUrl}`);
  const versionHtml = await versionPage.text();
  const imageUrl = new RegExp(`src="(/api/projects/${site.projectId}/versions/2/images/${asset.name}\\?ticket=[^"]+)"`).exec(versionHtml)?.[1];
  expect(imageUrl).toBeDefined();
  expect(versionPage.headers.get("content-security-policy")).toContain(`img-src data: blob: ${new URL(server.url).origin}/api/projects/${site.projectId}/versions/2/images/;`);
  expect((await fetch(`${server.url}${imageUrl!.replace(/&amp;/g, "&")}`)).status).toBe(200);
  expect((await fetch(`${server.url}/api/projects/${site.projectId}/versions/2/images/${asset.name}?ticket=1.forged`)).status).toBe(401);
  // Fetched by the app with the token, the document keeps the references for the frame to resolve.
  const bearerHtml = await (await fetch(`${server.url}/api/projects/${site.projectId}/versions/2/preview`, { headers: bearer(site.projectToken) })).text();
  expect(bearerHtml).toContain(`src="images/${asset.name}"`);

  // The zip: the image under images/, exactly what the markup references, and the icon.
  const zipRes = await fetch(`${server.url}/api/projects/${site.projectId}/versions/2/download`, { headers: bearer(site.projectToken) });
  expect(zipRes.status).toBe(200);
  const files = unzipSync(new Uint8Array(await zipRes.arrayBuffer()));
  expect(Buffer.from(files[`images/${asset.name}`]!).equals(png)).toBe(true);
  expect(files[`images/${unused.name}`]).toBeUndefined();
  const index = strFromU8(files["index.html"]!);
  expect(index).toContain(`src="images/${asset.name}"`);
  expect(index).toContain(`<link rel="icon" href="images/${asset.name}">`);

  // Deleted with the project.
  expect((await fetch(`${server.url}/api/projects/${site.projectId}`, { method: "DELETE", headers: bearer(site.projectToken) })).status).toBe(204);
  expect((await fetch(`${server.url}/api/projects/${site.projectId}/assets/${asset.name}`, { headers: bearer(site.projectToken) })).status).toBe(404);
  expect((await fetch(`${server.url}/s/${slug}/images/${asset.name}`)).status).toBe(404);
});

test("the built-in engine puts the project's photos and logo in the page on \"use my photos\"", async () => {
  const site = await newSite("A bakery called Crumb & Co");
  const photo = uploadAssetResponseSchema.parse((await upload(site, makePng(8, 6), { query: "?alt=Our%20sourdough&role=image" })).json).asset;
  const second = uploadAssetResponseSchema.parse((await upload(site, makePng(6, 8), { query: "?alt=The%20counter&role=image" })).json).asset;
  const logo = uploadAssetResponseSchema.parse((await upload(site, makePng(20, 20))).json).asset;
  const res = await postJson(`${server.url}/api/generations`, { prompt: "use my photos and logo", projectId: site.projectId }, bearer(site.projectToken));
  expect(res.status).toBe(202);
  const turn = res.json as { sessionId: string; token: string };
  const events = await finish(turn.sessionId, turn.token);
  const last = events.filter((e) => e.type === "preview:updated").at(-1);
  const html = last?.type === "preview:updated" ? last.data.html_content : "";
  // The hero's artwork is the first picture of the page: it gets the first photo.
  const hero = /<figure[^>]*class="hero-art"[^>]*>\s*<img[^>]*>/.exec(html)?.[0] ?? "";
  expect(hero).toContain(`src="images/${photo.name}"`);
  expect(hero).toContain(`alt="Our sourdough"`);
  expect(html).toContain(`src="images/${second.name}"`);
  expect(html).toMatch(new RegExp(`<img[^>]*data-ov-logo[^>]*src="images/${logo.name}"`));
});
