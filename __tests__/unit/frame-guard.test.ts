import { createSendLedger } from "@/lib/client/frame-guard";

describe("createSendLedger", () => {
  test("a new version, or the switch to its script, always goes out", () => {
    const ledger = createSendLedger();
    expect(ledger.allow("s1", 1, false, "i1")).toBe(true);
    expect(ledger.allow("s1", 2, false, "i1")).toBe(true);
    expect(ledger.allow("s1", 2, true, "i1")).toBe(true);
    expect(ledger.allow("s2", 1, true, "i1")).toBe(true);
    expect(ledger.renderings()).toBe(4);
    expect(ledger.resends()).toBe(0);
    expect(ledger.highest()).toBe(2);
  });

  test("the same rendering to the runtime that has it is never posted again, and spends nothing", () => {
    const ledger = createSendLedger();
    expect(ledger.allow("s1", 1, true, "i1")).toBe(true);
    // The page re-rendered (a new snapshot object of the same version): no post.
    expect(ledger.allow("s1", 1, true, "i1")).toBe(false);
    expect(ledger.allow("s1", 1, true, "i1")).toBe(false);
    expect(ledger.resends()).toBe(0);
    // The runtime then restarts (another turn's site after a script ran): it gets the rendering.
    expect(ledger.allow("s1", 1, true, "i2")).toBe(true);
    expect(ledger.resends()).toBe(1);
  });

  test("a restarted runtime gets a rendering once more at most, whatever number of forged readies", () => {
    const ledger = createSendLedger();
    expect(ledger.allow("s1", 3, true, "i1")).toBe(true);
    expect(ledger.allow("s1", 3, true, "i2")).toBe(true);
    for (let i = 3; i < 50; i++) expect(ledger.allow("s1", 3, true, `i${i}`)).toBe(false);
    expect(ledger.resends()).toBe(1);
    // A new version still goes out.
    expect(ledger.allow("s1", 4, true, "i50")).toBe(true);
  });
});
