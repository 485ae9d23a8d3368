import type { SessionEvent } from "@/lib/protocol";

export type ReadPage = (sessionId: string, afterSeq: number, limit: number) => Promise<SessionEvent[]>;

/** Full pages kept for other sockets replaying the same stretch of the same session. */
const MAX_CACHED_PAGES = 16;
/** A cached page unused for this long is dropped. */
const PAGE_TTL_MS = 10_000;

interface CachedPage {
  events: Promise<SessionEvent[]>;
  usedAt: number;
  /** When the read started, on the `stamp()` clock. */
  startedAt: number;
  /** Resolved with a full page: it can never change. */
  full: boolean;
}

/**
 * One log read shared by every socket replaying the same page of the same session. A *full* page
 * is kept for a while and given to anyone (it never changes: the log is append-only, and only
 * finished, unwatched sessions are compacted). A read that may turn out short — the tail — is only
 * shared with sockets that joined their room before it started: a socket that joined later may
 * have missed, live, an event committed after that read, and must read again.
 */
export class ReplayPages {
  private readonly pages = new Map<string, CachedPage>();
  private clock = 0;

  constructor(
    private readonly readPage: ReadPage,
    readonly pageSize: number,
  ) {}

  /** A point in time for `read`'s `joinedAt`: take it right after the socket joined its room. */
  stamp(): number {
    return ++this.clock;
  }

  read(sessionId: string, afterSeq: number, joinedAt: number): Promise<SessionEvent[]> {
    const key = `${sessionId}:${afterSeq}`;
    const now = Date.now();
    const cached = this.pages.get(key);
    if (cached && (cached.full || cached.startedAt > joinedAt) && now - cached.usedAt < PAGE_TTL_MS) {
      cached.usedAt = now;
      return cached.events;
    }
    const events = this.readPage(sessionId, afterSeq, this.pageSize);
    const entry: CachedPage = { events, usedAt: now, startedAt: this.stamp(), full: false };
    this.pages.set(key, entry);
    this.trim(now);
    events.then(
      (page) => {
        if (page.length === this.pageSize) entry.full = true;
        else if (this.pages.get(key) === entry) this.pages.delete(key);
      },
      () => {
        if (this.pages.get(key) === entry) this.pages.delete(key);
      },
    );
    return events;
  }

  private trim(now: number): void {
    for (const [key, page] of this.pages) {
      if (this.pages.size <= MAX_CACHED_PAGES && now - page.usedAt < PAGE_TTL_MS) break;
      this.pages.delete(key);
    }
  }
}
