import PQueue from "p-queue";
import { type CreateGenerationBody, type Role, type SessionStatus } from "@/lib/protocol";
import type { GenerationEngine } from "../engines/engine";
import { AppError } from "../http/app-error";
import type { Logger } from "../logger";
import type { EventService } from "../realtime/event-service";
import { createRandomId, hashToken, verifyToken } from "../security/tokens";
import type { Store } from "../storage/store";
import { runGeneration, StopReason } from "./run-generation";

interface Job {
  controller: AbortController;
  phase: "queued" | "running";
}

export interface StartedGeneration {
  sessionId: string;
  projectId: string;
  token: string;
  viewerToken: string;
  projectToken: string;
  status: SessionStatus;
}

/**
 * Owns generation jobs: a queue with a concurrency limit, in the server process, never tied to an
 * HTTP request or a socket. A refresh, a closed tab or a dropped network does not touch a job.
 */
export class GenerationService {
  private readonly queue: PQueue;
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly deps: {
      store: Store;
      events: EventService;
      engine: GenerationEngine;
      logger: Logger;
      maxConcurrent: number;
      /** Whether any socket watches the session; unwatched finished sessions drop their cached state. */
      hasWatchers: (sessionId: string) => boolean;
    },
  ) {
    this.queue = new PQueue({ concurrency: deps.maxConcurrent });
  }

  /** Creates a session (and a project unless `projectId` is given) and queues its first run. */
  start(body: CreateGenerationBody, projectToken?: string): StartedGeneration {
    const { store, engine } = this.deps;
    let projectId = body.projectId;
    let newProjectToken: string | undefined;
    let baseVersion: number | null = null;
    if (projectId) {
      if (!projectToken || !verifyToken(projectToken, store.getProjectTokenHash(projectId))) {
        throw new AppError("UNAUTHORIZED", "A valid project token (Authorization: Bearer) is required to edit a project");
      }
      baseVersion = store.latestProjectVersion(projectId)?.version ?? null;
    } else {
      projectId = createRandomId();
      newProjectToken = createRandomId();
    }
    const sessionId = createRandomId();
    const token = createRandomId();
    const viewerToken = createRandomId();
    store.createSession({
      id: sessionId, projectId, prompt: body.prompt, tokenHash: hashToken(token), viewerTokenHash: hashToken(viewerToken),
      engine: engine.name, baseVersion, newProjectTokenHash: newProjectToken ? hashToken(newProjectToken) : undefined,
    });
    this.enqueue(sessionId);
    return { sessionId, projectId, token, viewerToken, projectToken: newProjectToken ?? projectToken!, status: "queued" };
  }

  /** The role a token grants on a session, or null. */
  authorize(sessionId: string, token: string): Role | null {
    const secrets = this.deps.store.getSessionSecrets(sessionId);
    if (!secrets) return null;
    if (verifyToken(token, secrets.tokenHash)) return "owner";
    if (verifyToken(token, secrets.viewerTokenHash)) return "viewer";
    return null;
  }

  /** Stops a queued or running generation at its next safe point. */
  cancel(sessionId: string): void {
    const job = this.jobs.get(sessionId);
    if (!job) throw new AppError("CONFLICT", "This generation is not running or queued");
    job.controller.abort(new StopReason("CANCELLED", "Generation cancelled"));
    if (job.phase === "queued") {
      // A queued job has no run to stop: report the cancellation now instead of when its turn comes.
      this.jobs.delete(sessionId);
      this.deps.events.emitError(sessionId, { error_code: "CANCELLED", error_message: "Generation cancelled", retry_available: true });
      this.deps.events.emitGenerationCompleted(sessionId, { status: "failed", total_time: 0, files_generated: 0, final_url: `/preview/${sessionId}` });
    }
  }

  /** Re-runs a failed, cancelled or interrupted session from its first unfinished step. */
  retry(sessionId: string): void {
    const state = this.deps.events.getState(sessionId);
    if (!state) throw new AppError("NOT_FOUND", "No such generation");
    const retryable = ["failed", "cancelled", "interrupted"].includes(state.status) && state.error?.retry_available !== false;
    if (this.jobs.has(sessionId) || !retryable) {
      throw new AppError("CONFLICT", `A ${state.status} generation cannot be retried`);
    }
    this.enqueue(sessionId);
  }

  isActive(sessionId: string): boolean {
    return this.jobs.has(sessionId);
  }

  counts() {
    let running = 0;
    for (const job of this.jobs.values()) if (job.phase === "running") running++;
    return { running, queued: this.jobs.size - running };
  }

  /**
   * Marks sessions left running or queued by a previous process as interrupted, so clients see a
   * clear, retryable failure instead of a spinner that never ends.
   */
  recoverInterrupted(): number {
    const stale = this.deps.store.listSessionsByStatus(["queued", "running"]);
    for (const session of stale) {
      this.deps.events.emitError(session.id, {
        error_code: "INTERRUPTED", error_message: "The server restarted while this generation was running", retry_available: true,
      });
      this.deps.events.emitGenerationCompleted(session.id, { status: "failed", total_time: 0, files_generated: 0, final_url: `/preview/${session.id}` });
    }
    return stale.length;
  }

  /** Stops every job (shutdown): each publishes INTERRUPTED and its terminal event; resolves when all settled. */
  async stopAll(timeoutMs: number): Promise<void> {
    for (const [sessionId, job] of this.jobs) {
      job.controller.abort(new StopReason("INTERRUPTED", "The server is restarting; retry to continue"));
      if (job.phase === "queued") this.finishQueuedAsInterrupted(sessionId);
    }
    await Promise.race([this.queue.onIdle(), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  private finishQueuedAsInterrupted(sessionId: string) {
    this.jobs.delete(sessionId);
    this.deps.events.emitError(sessionId, { error_code: "INTERRUPTED", error_message: "The server is restarting; retry to continue", retry_available: true });
    this.deps.events.emitGenerationCompleted(sessionId, { status: "failed", total_time: 0, files_generated: 0, final_url: `/preview/${sessionId}` });
  }

  private enqueue(sessionId: string): void {
    const job: Job = { controller: new AbortController(), phase: "queued" };
    this.jobs.set(sessionId, job);
    void this.queue.add(async () => {
      if (job.controller.signal.aborted) return;
      job.phase = "running";
      try {
        await this.runJob(sessionId, job.controller.signal);
      } catch (error) {
        // runGeneration reports its own failures; reaching here means publishing itself failed.
        this.deps.logger.error({ err: error, sessionId }, "generation job crashed");
      } finally {
        if (this.jobs.get(sessionId) === job) this.jobs.delete(sessionId);
        // Memory stays flat: a finished session nobody watches keeps nothing in memory.
        if (!this.jobs.has(sessionId) && !this.deps.hasWatchers(sessionId)) this.deps.events.forget(sessionId);
      }
    });
  }

  private async runJob(sessionId: string, signal: AbortSignal) {
    const { store, events, engine } = this.deps;
    const session = store.getSession(sessionId);
    if (!session) return;
    const base = session.baseVersion ? store.listProjectVersions(session.projectId).find((v) => v.version === session.baseVersion) : null;
    await runGeneration({
      sessionId, prompt: session.prompt, projectId: session.projectId, baseSite: base?.site, engine, events, store, signal,
    });
  }
}
