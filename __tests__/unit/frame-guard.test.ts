import { createSendLedger } from "@/lib/client/frame-guard";

/* The preview frame's send ledger: a rendering is re-sent once per frame start, never more. */

test("the same rendering goes out once more per frame start, and never twice within one", () => {
  const ledger = createSendLedger();
  expect(ledger.allow("a", 1, false, 1)).toBe(true);
  expect(ledger.allow("a", 1, false, 1)).toBe(true); // one re-send
  expect(ledger.allow("a", 1, false, 1)).toBe(false);
  // A new turn's first version reloads a frame whose script ran; the re-send that went into the
  // reloading frame must not leave the restarted one blank.
  expect(ledger.allow("b", 1, true, 1)).toBe(true);
  expect(ledger.allow("b", 1, true, 1)).toBe(true);
  expect(ledger.allow("b", 1, true, 2)).toBe(true);
  expect(ledger.allow("b", 1, true, 2)).toBe(false);
  expect(ledger.resends()).toBeLessThanOrEqual(ledger.renderings());
  expect(ledger.highest()).toBe(1);
});
