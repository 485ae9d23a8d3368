/*
 * The preview frame runs generated code, so everything it posts is hostile input. These two small
 * guards keep a misbehaving (or malicious) site from driving the app: a token bucket that drops
 * message floods, and a ledger that re-sends a version of the site at most once, whatever the
 * frame says.
 */

/** A token bucket: `burst` messages at once, refilled at `perSecond`; the rest are dropped. */
export function createMessageBudget({ burst, perSecond, now = Date.now }: { burst: number; perSecond: number; now?: () => number }) {
  let tokens = burst;
  let last = now();
  return {
    /** True when one more message may be handled now. */
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Decides each post to the frame. A new version (or the switch to running its script) always goes
 * out; the same rendering again, which only a "ready" from the frame can ask for, goes out once
 * more at most: a frame that really restarted needs it, fifty forged "ready"s get nothing.
 */
export function createSendLedger() {
  let last: string | null = null;
  let lastLoad: number | undefined;
  let highest = 0;
  const resent = new Set<string>();
  const sent = new Set<string>();
  return {
    /**
     * Records a post of this rendering and says whether it may go out. With `load` (how many times
     * the frame's runtime started), the same rendering for the same runtime is a duplicate, not a
     * re-send: it is skipped without using up the one re-send, which a runtime that restarted
     * (while the rendering was on its way to the page it left) still needs.
     */
    allow(epoch: string, version: number, runScript: boolean, load?: number): boolean {
      const key = `${epoch}:${version}:${runScript}`;
      if (key === last) {
        if (load !== undefined && load === lastLoad) return false;
        if (resent.has(key)) return false;
        resent.add(key);
      }
      last = key;
      lastLoad = load;
      sent.add(key);
      highest = Math.max(highest, version);
      return true;
    },
    /** The highest version posted so far (0 before any): a "rendered" above it is a lie. */
    highest: () => highest,
    /** How many re-sends went out (each rendering at most once). */
    resends: () => resent.size,
    /** How many distinct renderings went out: the re-sends never outnumber them. */
    renderings: () => sent.size,
  };
}

/** Keeps the newest distinct messages, at most `max`, each with how often it was reported. */
export function addSiteReport(reports: readonly SiteReport[], message: string, max = 5): SiteReport[] {
  const existing = reports.find((r) => r.message === message);
  if (existing) return reports.map((r) => (r === existing ? { ...r, count: r.count + 1 } : r));
  return [...reports, { message, count: 1 }].slice(-max);
}

export interface SiteReport {
  message: string;
  count: number;
}
