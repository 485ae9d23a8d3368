import { searchCeiling, type ClusterConfig, type ClusterRow } from "../../scripts/bench/cluster";

/*
 * Scenario (h)'s ceiling search (a benchmark, not a timed test): the asked rate doubles until the
 * node sends less than 95 % of it, and the best step is reported as the ceiling.
 */

const config = (): ClusterConfig => ({ sessions: 200, ratePerSession: 5, durationMs: 1000, warmupMs: 0, probe: { ratePerSession: 15, durationMs: 1000, steps: 5 } });
/** A node that can send at most `capacity` events/s. */
const nodeWith = (capacity: number, asked: number[]) => async (rate: number): Promise<ClusterRow[]> => {
  asked.push(rate * 200);
  return [{ scenario: `h probe 200×${rate}/s`, targetPerSec: rate * 200, sentPerSec: Math.min(rate * 200, capacity) } as ClusterRow];
};

test("raises the rate until less than 95 % is sent; the best step is the ceiling, and the saturating rate is kept", async () => {
  const cfg = config();
  const asked: number[] = [];
  const rows = await searchCeiling(cfg, nodeWith(7_000, asked));
  expect(asked).toEqual([3_000, 6_000, 12_000]);
  expect(rows.at(-1)).toMatchObject({ scenario: "h ceiling", sentPerSec: 7_000 });
  expect(cfg.probe.ratePerSession).toBe(60);
});

test("a node that sends every rate asked says the ceiling was not reached", async () => {
  const cfg = config();
  const asked: number[] = [];
  const rows = await searchCeiling(cfg, nodeWith(1e9, asked));
  expect(asked).toEqual([3_000, 6_000, 12_000, 24_000, 48_000]);
  expect(rows.at(-1)!.scenario).toMatch(/not reached/);
});
