import type { CreateGenerationBody, Role, SessionStatus } from "@/lib/protocol";
import type { GenerationEngine } from "../engines/engine";
import { AppError } from "../http/app-error";
import type { EventService } from "../realtime/event-service";
import { createRandomId, hashToken, verifyToken } from "../security/tokens";
import type { Store } from "../storage/store";
import type { JobQueue } from "./job-queue";
import { runGeneration } from "./run-generation";

export interface StartedGeneration {
  sessionId: string;
  projectId: string;
  token: string;
  viewerToken: string;
  projectToken: string;
  status: SessionStatus;
}

const RETRYABLE: SessionStatus[] = ["failed", "cancelled", "interrupted"];

/**
 * Sessions and their jobs: creation with tokens, authorisation, cancel and retry. Jobs run in a
 * queue (in this process, or in Redis for workers anywhere), never tied to an HTTP request or a
 * socket: a refresh, a closed tab or a dropped network does not touch a job.
 */
export class GenerationService {
  constructor(
    private readonly deps: { store: Store; events: EventService; engine: GenerationEngine; queue: JobQueue },
  ) {}

  /** Creates a session (and a project unless `projectId` is given) and queues its first run. */
  async start(body: CreateGenerationBody, projectToken?: string): Promise<StartedGeneration> {
    const { store, engine } = this.deps;
    let projectId = body.projectId;
    let newProjectToken: string | undefined;
    let baseVersion: number | null = null;
    if (projectId) {
      if (!projectToken || !verifyToken(projectToken, await store.getProjectTokenHash(projectId))) {
        throw new AppError("UNAUTHORIZED", "A valid project token (Authorization: Bearer) is required to edit a project");
      }
      baseVersion = (await store.latestProjectVersion(projectId))?.version ?? null;
    } else {
      projectId = createRandomId();
      newProjectToken = createRandomId();
    }
    const sessionId = createRandomId();
    const token = createRandomId();
    const viewerToken = createRandomId();
    await store.createSession({
      id: sessionId, projectId, prompt: body.prompt, tokenHash: hashToken(token), viewerTokenHash: hashToken(viewerToken),
      engine: engine.name, baseVersion, newProjectTokenHash: newProjectToken ? hashToken(newProjectToken) : undefined,
    });
    await this.deps.queue.enqueue(sessionId);
    return { sessionId, projectId, token, viewerToken, projectToken: newProjectToken ?? projectToken!, status: "queued" };
  }

  /** The role a token grants on a session, or null. */
  async authorize(sessionId: string, token: string): Promise<Role | null> {
    const secrets = await this.deps.store.getSessionSecrets(sessionId);
    if (!secrets) return null;
    if (verifyToken(token, secrets.tokenHash)) return "owner";
    if (verifyToken(token, secrets.viewerTokenHash)) return "viewer";
    return null;
  }

  /** Stops a queued or running generation at its next safe point, wherever it runs. */
  async cancel(sessionId: string): Promise<void> {
    const outcome = await this.deps.queue.cancel(sessionId);
    if (outcome === "none") throw new AppError("CONFLICT", "This generation is not running or queued");
    // A job removed before it ran has no run to stop: report the cancellation now.
    if (outcome === "dequeued") await this.finishWithoutRun(sessionId, "CANCELLED", "Generation cancelled");
  }

  /** Re-runs a failed, cancelled or interrupted session from its first unfinished step. */
  async retry(sessionId: string): Promise<void> {
    const state = await this.deps.events.getState(sessionId);
    if (!state) throw new AppError("NOT_FOUND", "No such generation");
    const retryable = RETRYABLE.includes(state.status) && state.error?.retry_available !== false;
    if (!retryable || (await this.deps.queue.isActive(sessionId))) {
      throw new AppError("CONFLICT", `A ${state.status} generation cannot be retried`);
    }
    await this.deps.queue.enqueue(sessionId);
  }

  /**
   * Marks sessions left running or queued by a previous process as interrupted, so clients see a
   * clear, retryable failure instead of a spinner that never ends (single-process mode only: with
   * a shared queue, another worker takes such jobs over).
   */
  async recoverInterrupted(): Promise<number> {
    const stale = await this.deps.store.listSessionsByStatus(["queued", "running"]);
    for (const session of stale) {
      await this.finishWithoutRun(session.id, "INTERRUPTED", "The server restarted while this generation was running");
    }
    return stale.length;
  }

  /** Publishes the retryable error and the terminal event for a session whose run cannot go on. */
  async finishWithoutRun(sessionId: string, code: "CANCELLED" | "INTERRUPTED", message: string): Promise<void> {
    const { events } = this.deps;
    await events.emit(sessionId, "generation:error", { error_code: code, error_message: message, retry_available: true });
    await events.emit(sessionId, "generation:completed", { status: "failed", total_time: 0, files_generated: 0, final_url: `/preview/${sessionId}` });
  }

  /** Runs one job of a session in this process (the queue's handler). */
  async runJob(sessionId: string, signal: AbortSignal): Promise<void> {
    const { store, events, engine } = this.deps;
    const session = await store.getSession(sessionId);
    if (!session) return;
    const base = session.baseVersion ? await store.getProjectVersion(session.projectId, session.baseVersion) : null;
    await runGeneration({
      sessionId, prompt: session.prompt, projectId: session.projectId, baseSite: base?.site, engine, events, store, signal,
    });
  }
}
