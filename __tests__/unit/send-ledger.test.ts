import { createSendLedger } from "../../lib/client/frame-guard";

/*
 * The preview's send ledger: a rendering re-sent for the same frame runtime (the page re-rendered,
 * nothing restarted) is a duplicate, and must not use up the one re-send that a runtime which
 * restarted meanwhile needs (a direct edit's turn: its first rendering reloads the frame, and the
 * page may re-render before the new runtime says "ready"). Forged "ready"s still get one re-send.
 */
test("a duplicate for the same runtime is skipped and keeps the re-send for a restarted one", () => {
  const ledger = createSendLedger();
  expect(ledger.allow("s3", 1, true, 2)).toBe(true); // goes to the page that is reloading
  expect(ledger.allow("s3", 1, true, 2)).toBe(false); // the page re-rendered: a duplicate
  expect(ledger.allow("s3", 1, true, 3)).toBe(true); // the restarted runtime asks: re-sent
  expect(ledger.resends()).toBe(1);
  expect(ledger.allow("s3", 1, true, 4)).toBe(false); // a forged "ready": nothing more
  expect(ledger.allow("s3", 1, true, 5)).toBe(false);
  expect(ledger.allow("s3", 2, true, 5)).toBe(true); // a new version always goes out
});

test("without a load count the ledger re-sends each rendering once, as before", () => {
  const ledger = createSendLedger();
  expect(ledger.allow("a", 1, false)).toBe(true);
  expect(ledger.allow("a", 1, false)).toBe(true);
  expect(ledger.allow("a", 1, false)).toBe(false);
});
