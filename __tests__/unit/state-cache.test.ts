import type { SessionEvent } from "@/lib/protocol";
import { createLogger } from "@/lib/server/logger";
import { EventService } from "@/lib/server/realtime/event-service";
import type { Store } from "@/lib/server/storage/store";

/*
 * The cache of folded states is bounded by bytes, not only by count: a preview can hold three
 * files of up to 512 K characters each, so 2,000 cached folds could otherwise hold gigabytes.
 */

const previewOf = (sessionId: string, chars: number): SessionEvent => ({
  type: "preview:updated",
  data: {
    seq: 1, session_id: sessionId, timestamp: "2026-12-01T10:00:00.000Z", step_id: "structure", preview_url: `/preview/${sessionId}`,
    html_content: "x".repeat(chars), css_content: "", js_content: "", version: 1, metadata: {},
  },
});

function createService(maxCachedBytes: number) {
  const store = {
    getSession: async (id: string) => ({ id, projectId: "p", lastSeq: 1 }),
    getSnapshot: async () => null,
    readEvents: async (id: string, after: number) => (after === 0 ? [previewOf(id, 100_000)] : []),
  } as unknown as Store;
  return new EventService({ store, broadcast: () => undefined, logger: createLogger({ level: "silent" }), maxCachedBytes });
}

test("folds of large previews are evicted oldest first once their bytes pass the bound, and refolded on demand", async () => {
  const events = createService(1_000_000); // each fold ≈ 200 KB (100 K UTF-16 characters)
  for (let i = 0; i < 20; i++) await events.getState(`s${i}`);
  expect(events.cachedStateBytes).toBeLessThanOrEqual(1_000_000);
  expect(events.cachedStateBytes).toBeGreaterThan(600_000);
  // An evicted fold comes back whole from the log.
  const again = await events.getState("s0");
  expect(again?.preview?.html_content).toHaveLength(100_000);
  expect(events.cachedStateBytes).toBeLessThanOrEqual(1_000_000);
  events.forget("s0");
  expect(events.cachedStateBytes).toBeLessThanOrEqual(1_000_000 - 200_000);
});
