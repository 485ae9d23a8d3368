import { previewFilesOf, secondsRunSoFar, sessionInstructionSchema, type CreateGenerationBody, type GenerationState, type SessionInstruction, type SessionStatus } from "@/lib/protocol";
import { describeSiteEdit } from "../site/apply-edit";
import { prepareTurn } from "../site/edit-engines";
import { hasElement } from "../site/element-ids";
import type { GenerationEngine } from "../engines/engine";
import type { EventService } from "../realtime/event-service";
import type { ProjectNotices } from "../realtime/project-notices";
import { createRandomId, hashToken, verifyToken } from "../security/tokens";
import type { Logger } from "../logger";
import type { Store } from "../storage/store";
import type { JobQueue } from "./job-queue";
import { GenerationError } from "./generation-error";
import { countFiles, runGeneration } from "./run-generation";
import { StopReason, stopMessages, type StopCode } from "./stop-reason";

export interface StartedGeneration {
  sessionId: string;
  projectId: string;
  token: string;
  viewerToken: string;
  projectToken: string;
  /** Read-only token for the whole project; only when the project is new (later: POST /api/projects/:id/share). */
  projectViewerToken?: string;
  status: SessionStatus;
}

const RETRYABLE: SessionStatus[] = ["failed", "cancelled", "interrupted"];

/** Who asks, and the caps that apply to them (from the environment). */
export interface RequestLimits {
  /** The requester's IP: whose turn a queued job takes, and whose queue cap applies. */
  client: string;
  /** Jobs one client may have waiting (0 = no cap). */
  maxQueued: number;
}

/**
 * Sessions and their jobs: creation with tokens, cancel and retry. Jobs run in a queue (in this
 * process, or in Redis for workers anywhere), never tied to an HTTP request or a socket: a
 * refresh, a closed tab or a dropped network does not touch a job. Refusals are GenerationErrors;
 * the HTTP layer maps them to statuses.
 */
export class GenerationService {
  constructor(
    private readonly deps: {
      store: Store; events: EventService; engine: GenerationEngine; queue: JobQueue;
      /** Tells the project's open pages that a turn started (a hint; the turn list is the truth). */
      notices?: Pick<ProjectNotices, "turnStarted">;
      /** Tests only (`FAULT_INJECTION`): see RunInput. */
      afterVersionSaved?: () => void;
      /** Run starts, retries and failures at info, with their codes (never a prompt or a token). */
      logger?: Pick<Logger, "info">;
    },
  ) {}

  /** Creates a session (and a project unless `projectId` is given) and queues its first run. */
  async start(body: CreateGenerationBody, options: RequestLimits & { projectToken?: string }): Promise<StartedGeneration> {
    const { store, engine } = this.deps;
    const { projectToken } = options;
    await this.checkQueueRoom(options);
    let projectId = body.projectId;
    let newProjectToken: string | undefined;
    let projectViewerToken: string | undefined;
    let baseVersion: number | null = null;
    let prompt = body.prompt;
    if (projectId) {
      if (!projectToken || !verifyToken(projectToken, await store.getProjectTokenHash(projectId))) {
        throw new GenerationError("UNAUTHORIZED", "A valid project token (Authorization: Bearer) is required to edit a project");
      }
      const latest = await store.latestProjectVersion(projectId);
      baseVersion = latest?.version ?? null;
      // An edit names an element of the current version, or it is refused now (nothing stored).
      const elementId = body.edit && "id" in body.edit ? body.edit.id : body.targetId;
      if (elementId !== undefined && (!latest || !hasElement(latest.site.html, elementId))) {
        throw new GenerationError("NOT_FOUND", "The selected element is not in the project's current version; select it again", { elementId });
      }
      if (body.edit && !latest) throw new GenerationError("NOT_FOUND", "The project has no version to edit yet");
      // An image edit names one of this project's uploads (the markup only ever references those).
      const asset = body.edit && "asset" in body.edit ? body.edit.asset : undefined;
      if (asset && !(await store.listProjectAssets(projectId)).some((a) => a.name === asset)) {
        throw new GenerationError("NOT_FOUND", "No such image in this project; upload it first", { asset });
      }
      if (body.edit && latest) prompt = describeSiteEdit(latest.site.html, body.edit);
    } else {
      projectId = createRandomId();
      newProjectToken = createRandomId();
      projectViewerToken = createRandomId();
    }
    const sessionId = createRandomId();
    const token = createRandomId();
    const viewerToken = createRandomId();
    const instruction: SessionInstruction | null = body.edit ? { edit: body.edit } : body.targetId ? { targetId: body.targetId } : null;
    await store.createSession({
      id: sessionId, projectId, prompt, instruction: instruction ? JSON.stringify(instruction) : undefined, tokenHash: hashToken(token), viewerTokenHash: hashToken(viewerToken),
      engine: body.edit ? "direct-edit" : engine.name, baseVersion, newProjectTokenHash: newProjectToken ? hashToken(newProjectToken) : undefined,
      newProjectViewerTokenHash: projectViewerToken ? hashToken(projectViewerToken) : undefined,
    });
    await this.deps.queue.enqueue(sessionId, options.client);
    // Only follow-ups: a new project has no page open anywhere yet.
    if (body.projectId) this.deps.notices?.turnStarted(projectId, sessionId);
    return { sessionId, projectId, token, viewerToken, projectToken: newProjectToken ?? projectToken!, projectViewerToken, status: "queued" };
  }

  /** Stops a queued or running generation at its next safe point, wherever it runs. */
  async cancel(sessionId: string): Promise<void> {
    const outcome = await this.deps.queue.cancel(sessionId);
    if (outcome === "none") throw new GenerationError("CONFLICT", "This generation is not running or queued");
    // A job removed before it ran has no run to stop: report the cancellation now.
    if (outcome === "dequeued") await this.finishWithoutRun(sessionId, "CANCELLED");
  }

  /**
   * Re-runs a failed, cancelled or interrupted session from its first unfinished step, at most
   * `maxRuns` runs per session (each run may be a paid model call and grows the log).
   */
  async retry(sessionId: string, options: RequestLimits & { maxRuns: number }): Promise<void> {
    const state = await this.deps.events.getState(sessionId);
    if (!state) throw new GenerationError("NOT_FOUND", "No such generation");
    const retryable = RETRYABLE.includes(state.status) && state.error?.retry_available !== false;
    if (!retryable || (await this.deps.queue.isActive(sessionId))) {
      throw new GenerationError("CONFLICT", `A ${state.status} generation cannot be retried`);
    }
    if (options.maxRuns > 0 && state.run >= options.maxRuns) {
      throw new GenerationError("RUN_LIMIT_REACHED", `This generation has used all of its ${options.maxRuns} runs; start a new one`, { maxRuns: options.maxRuns });
    }
    await this.checkQueueRoom(options);
    await this.deps.queue.enqueue(sessionId, options.client);
    this.deps.logger?.info({ sessionId, run: state.run + 1, after: state.error?.code ?? state.status }, "generation retry queued");
  }

  private async checkQueueRoom({ client, maxQueued }: RequestLimits): Promise<void> {
    if (maxQueued > 0 && (await this.deps.queue.queuedFor(client)) >= maxQueued) {
      // A slot frees when one of the client's jobs starts: about one engine step from now at best.
      const retryAfterSeconds = Math.max(1, Math.ceil(this.deps.engine.estimateStepSeconds()));
      throw new GenerationError("QUEUE_FULL", `You already have ${maxQueued} generations waiting; wait for them to start`, { maxQueued, retryAfterSeconds });
    }
  }

  /**
   * Marks sessions left running or queued by a previous process as interrupted, so clients see a
   * clear, retryable failure instead of a spinner that never ends (single-process mode only: with
   * a shared queue, another worker takes such jobs over).
   */
  async recoverInterrupted(): Promise<number> {
    const stale = await this.deps.store.listSessionsByStatus(["queued", "running"]);
    for (const session of stale) await this.finishWithoutRun(session.id, "INTERRUPTED", stopMessages.restarted);
    return stale.length;
  }

  /**
   * Publishes the retryable error and the terminal event for a session whose run cannot go on,
   * with the run's measured time (if it had started) and the files its preview holds.
   */
  async finishWithoutRun(sessionId: string, code: StopCode, message?: string): Promise<void> {
    const { events } = this.deps;
    const state = await events.getState(sessionId);
    if (state && (await this.completeStoredRun(state))) return;
    const reason = new StopReason(code, message);
    await events.emit(sessionId, "generation:error", { error_code: reason.code, error_message: reason.message, retry_available: true });
    // The time the run was last known to work (the fold's rule): after a crash, the downtime
    // before start-up recovery is not the run's.
    const ranFor = state?.status === "running" ? (secondsRunSoFar(state) ?? 0) : 0;
    const preview = state?.preview;
    await events.emit(sessionId, "generation:completed", {
      status: "failed",
      total_time: ranFor,
      files_generated: preview ? countFiles(previewFilesOf(preview)) : 0,
      final_url: `/preview/${sessionId}`,
    });
  }

  /**
   * A run's version is written just before its completion event. A process that died between the
   * two left a run whose every step completed and whose version is stored: it did finish, so it
   * is completed now (with that version's files) rather than reported interrupted. Returns
   * whether it was such a run.
   */
  private async completeStoredRun(state: GenerationState): Promise<boolean> {
    if (state.status === "completed" || state.steps.length === 0 || state.steps.some((s) => s.status !== "completed")) return false;
    const version = await this.deps.store.getSessionVersion(state.project_id, state.session_id);
    if (!version) return false;
    await this.deps.events.emit(state.session_id, "generation:completed", {
      status: "completed",
      total_time: (state.status === "running" ? secondsRunSoFar(state) : null) ?? 0,
      files_generated: countFiles(version.site),
      final_url: `/preview/${state.session_id}`,
    });
    return true;
  }

  /** Runs one job of a session in this process (the queue's handler). */
  async runJob(sessionId: string, signal: AbortSignal): Promise<void> {
    const { store, events, engine } = this.deps;
    const session = await store.getSession(sessionId);
    if (!session) return;
    // A completed session can never run again (retry refuses it). A queue that hands its job out a
    // second time — BullMQ takes over a job whose lock lapsed, even one that just finished on a
    // starved worker — must not start a run the user never asked for.
    if ((await events.getState(sessionId))?.status === "completed") return;
    const base = session.baseVersion ? await store.getProjectVersion(session.projectId, session.baseVersion) : null;
    const turn = prepareTurn({ engine, instruction: readInstruction(session.instruction), baseSite: base?.site });
    const images = (await store.listProjectAssets(session.projectId)).map(({ name, alt, role, width, height }) => ({ name, alt, role, width, height }));
    await runGeneration({
      sessionId, prompt: session.prompt, projectId: session.projectId, baseSite: turn.baseSite, baseVersion: session.baseVersion, engine: turn.engine, events, store, signal, images,
      afterVersionSaved: this.deps.afterVersionSaved,
      logger: this.deps.logger,
    });
  }
}

/** A stored instruction, validated again (the row is data); unreadable means a plain prompt. */
function readInstruction(json: string | null): SessionInstruction | null {
  if (!json) return null;
  try {
    const parsed = sessionInstructionSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
