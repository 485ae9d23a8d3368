import { diffPreviewFiles, previewFilesOf, type GenerationState } from "@/lib/protocol";
import { emptySite, type SiteFiles } from "../engines/engine";
import type { EventService } from "../realtime/event-service";

/** The site a session's folded state shows, if any. */
export const siteFromState = (state: GenerationState): SiteFiles | null =>
  state.preview ? previewFilesOf(state.preview) : null;

/*
 * Streamed previews are adaptive: each event's envelope costs about as much as 100–300 characters
 * of page, so a slow model's text is batched up to PREVIEW_MAX_INTERVAL_MS (the preview still moves
 * every second), while a fast one that has produced PREVIEW_MIN_CHARS new characters publishes
 * after PREVIEW_MIN_INTERVAL_MS (at most ≈5 events per second per session).
 */
const PREVIEW_MIN_INTERVAL_MS = 200;
const PREVIEW_MAX_INTERVAL_MS = 1_000;
const PREVIEW_MIN_CHARS = 1_024;
const siteLength = (site: SiteFiles) => site.html.length + site.css.length + site.js.length;
/** While streaming, a full snapshot at most this often; deltas in between. */
const SNAPSHOT_INTERVAL_MS = 10_000;

/**
 * Publishes a streaming engine's partial sites: throttled, as `preview:delta` events carrying only
 * what changed, with a full `preview:updated` snapshot at the end of every step and every
 * SNAPSHOT_INTERVAL_MS, so a client that missed a delta is corrected soon.
 */
export class PreviewPublisher {
  /** What clients hold at `version`. */
  private shown: SiteFiles;
  private version: number;
  private lastSentAt = -Infinity;
  private lastSnapshotAt = performance.now();
  private pending: { stepId: string; site: SiteFiles; progress: number } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  /** A publish that failed in the background, rethrown into the run at the next offer or settle. */
  private failure: unknown = null;
  /** The newest background publish; publishes of a session are chained, so awaiting it awaits all. */
  private inflight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: { sessionId: string; events: EventService; engineName: string; signal: AbortSignal },
    state: GenerationState,
  ) {
    this.shown = siteFromState(state) ?? emptySite();
    this.version = state.preview?.version ?? 0;
  }

  /** Takes the newest partial site; publishes it now or when the throttle window ends. */
  offer(stepId: string, site: SiteFiles, progress: number): void {
    if (this.failure) throw this.failure;
    this.pending = { stepId, site, progress };
    const grown = siteLength(site) - siteLength(this.shown);
    const due = this.lastSentAt + (grown >= PREVIEW_MIN_CHARS ? PREVIEW_MIN_INTERVAL_MS : PREVIEW_MAX_INTERVAL_MS);
    const now = performance.now();
    if (due <= now) return this.flush();
    if (this.timer && due >= this.timerDue) return;
    // Enough text arrived to publish sooner than the pending timer would.
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      try {
        this.flush();
      } catch (error) {
        this.failure = error;
      }
    }, due - now);
  }

  /** Resolves once every preview event handed to the EventService is logged; throws a failed one. */
  async settle(): Promise<void> {
    await this.inflight;
    if (this.failure) throw this.failure;
  }

  private track(publish: Promise<unknown>): void {
    this.inflight = publish.catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  /** Publishes a full snapshot (always at the end of a step). */
  snapshot(stepId: string, site: SiteFiles, metadata: Record<string, unknown>): void {
    this.cancel();
    this.version += 1;
    this.track(this.deps.events.emit(this.deps.sessionId, "preview:updated", {
      step_id: stepId, preview_url: `/preview/${this.deps.sessionId}`, html_content: site.html, css_content: site.css,
      js_content: site.js, version: this.version, metadata,
    }));
    this.shown = site;
    this.lastSentAt = this.lastSnapshotAt = performance.now();
  }

  /** Drops an unsent partial and its timer (the step ended, failed or was cancelled). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
    this.pending = null;
  }

  private flush(): void {
    const pending = this.pending;
    this.cancel();
    if (!pending || this.deps.signal.aborted) return;
    // An empty page is no preview: publishing it would hide that nothing could be shown yet.
    if (this.version === 0 && siteLength(pending.site) === 0) return;
    if (this.version === 0 || performance.now() - this.lastSnapshotAt >= SNAPSHOT_INTERVAL_MS) {
      this.snapshot(pending.stepId, pending.site, { step: pending.stepId, engine: this.deps.engineName, partial: true });
      return;
    }
    const ops = diffPreviewFiles(this.shown, pending.site);
    if (ops.length === 0) return;
    this.track(this.deps.events.emit(this.deps.sessionId, "preview:delta", {
      step_id: pending.stepId, base_version: this.version, version: this.version + 1, ops, progress: pending.progress,
    }));
    this.version += 1;
    this.shown = pending.site;
    this.lastSentAt = performance.now();
  }
}
