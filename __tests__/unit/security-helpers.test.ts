import { loadEnv as loadEnvFrom } from "@/lib/server/env";
import { FairLanes } from "@/lib/server/generation/fair-lanes";
import { hashId, redactSecrets, redactUrl } from "@/lib/server/logger";
import { resolveClientIp } from "@/lib/server/security/client-ip";
import { issuePreviewTicket, verifyPreviewTicket } from "@/lib/server/security/preview-ticket";
import { escapeHtml, renderSiteDocument } from "@/lib/server/site/render-document";

describe("resolveClientIp (TRUST_PROXY = hops from the right)", () => {
  const headers = { "x-forwarded-for": "6.6.6.6, 1.1.1.1, 2.2.2.2" };
  test.each([
    [0, "9.9.9.9"],
    [1, "2.2.2.2"],
    [2, "1.1.1.1"],
    [3, "6.6.6.6"],
    [9, "6.6.6.6"],
  ])("%i trusted hops → %s", (hops, expected) => {
    expect(resolveClientIp(headers, "::ffff:9.9.9.9", hops)).toBe(expected);
  });
  test("several X-Forwarded-For headers read as one list; none falls back to the peer", () => {
    expect(resolveClientIp({ "x-forwarded-for": ["6.6.6.6", "1.1.1.1"] } as never, "9.9.9.9", 1)).toBe("1.1.1.1");
    expect(resolveClientIp({}, "9.9.9.9", 1)).toBe("9.9.9.9");
  });
});

describe("FairLanes", () => {
  test("serves clients round-robin, a newcomer before a busy client's backlog", () => {
    const lanes = new FairLanes();
    lanes.add("heavy", "h1");
    expect(lanes.take()).toBe("h1");
    for (const id of ["h2", "h3", "h4"]) lanes.add("heavy", id);
    lanes.add("light", "l1");
    lanes.add("other", "o1");
    const order = [lanes.take(), lanes.take(), lanes.take(), lanes.take(), lanes.take(), lanes.take()];
    expect(order).toEqual(["l1", "o1", "h2", "h3", "h4", undefined]);
  });
  test("remove drops a waiting job and counts follow", () => {
    const lanes = new FairLanes();
    lanes.add("a", "1");
    lanes.add("a", "2");
    expect(lanes.countFor("a")).toBe(2);
    expect(lanes.remove("1")).toBe(true);
    expect(lanes.remove("1")).toBe(false);
    expect([lanes.countFor("a"), lanes.size, lanes.take(), lanes.size]).toEqual([1, 1, "2", 0]);
  });
});

describe("log redaction", () => {
  test("secret-looking keys are censored at any depth; long strings and deep objects are cut", () => {
    const data = { a: { b: { c: { Authorization: "x", session_id: "y", list: [{ password: "p" }] } } }, text: "z".repeat(300) };
    const out = redactSecrets(data) as Record<string, unknown>;
    expect(JSON.stringify(out)).not.toMatch(/"x"|"y"|"p"/);
    expect((out.text as string).length).toBeLessThan(210);
    expect(JSON.stringify(redactSecrets({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }))).toContain("[too deep]");
  });
  test("ids become a stable short hash, also inside URLs", () => {
    const id = "Abcdefghijklmnopqrstuvwxyz012345";
    expect(hashId(id)).toMatch(/^#[0-9a-f]{12}$/);
    expect(redactUrl(`/g/${id}?x=1`)).toBe(`/g/${hashId(id)}?x=1`);
  });
});

describe("preview tickets", () => {
  const key = "stored-project-token-hash";
  test("open only their version of their project, until they expire", () => {
    const now = Date.UTC(2026, 0, 1);
    const { ticket } = issuePreviewTicket({ key, projectId: "p1", version: 2, now });
    expect(verifyPreviewTicket({ key, projectId: "p1", version: 2, ticket, now })).toBe(true);
    expect(verifyPreviewTicket({ key, projectId: "p1", version: 3, ticket, now })).toBe(false);
    expect(verifyPreviewTicket({ key, projectId: "p2", version: 2, ticket, now })).toBe(false);
    expect(verifyPreviewTicket({ key: "other", projectId: "p1", version: 2, ticket, now })).toBe(false);
    expect(verifyPreviewTicket({ key, projectId: "p1", version: 2, ticket, now: now + 301_000 })).toBe(false);
    expect(verifyPreviewTicket({ key, projectId: "p1", version: 2, ticket: `${ticket}x`, now })).toBe(false);
  });
});

test("the document title keeps characters like & (escaped, not dropped)", () => {
  expect(escapeHtml(`Crumb & Co <"best">`)).toBe("Crumb &amp; Co &lt;&quot;best&quot;&gt;");
  expect(renderSiteDocument({ html: "", css: "", js: "" }, { title: "Crumb & Co" })).toContain("<title>Crumb &amp; Co</title>");
});

test("TRUST_PROXY is a hop count; the old true/false spellings still read as 1/0", () => {
  const loadEnv = (vars: Record<string, string>) => loadEnvFrom({ NODE_ENV: "test", ...vars });
  expect(loadEnv({}).TRUST_PROXY).toBe(0);
  expect(loadEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  expect(loadEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
  expect(loadEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
  expect(() => loadEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
});
