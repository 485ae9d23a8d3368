import { previewFilesOf, type GenerationState } from "@/lib/protocol";
import { EngineError, emptySite, type GenerationEngine, type PlannedStep, type SiteFiles, type SiteHistory, type SiteImage } from "../engines/engine";
import type { Logger } from "../logger";
import type { EventService } from "../realtime/event-service";
import { stampElementIds } from "../site/element-ids";
import type { Store } from "../storage/store";
import { PreviewPublisher, siteFromState } from "./preview-publisher";
import { StopReason } from "./stop-reason";

export interface RunInput {
  sessionId: string;
  prompt: string;
  projectId: string;
  baseSite?: SiteFiles;
  /** The project version `baseSite` is (follow-ups): engines may read the versions before it. */
  baseVersion?: number | null;
  engine: GenerationEngine;
  /** The project's uploaded images (metadata only; the markup references them by name). */
  images?: SiteImage[];
  events: EventService;
  store: Store;
  signal: AbortSignal;
  /** Tests only (`FAULT_INJECTION`): called between the version's write and the completion's. */
  afterVersionSaved?: () => void;
  /** Start, end and failure of the run at info, with codes only. */
  logger?: Pick<Logger, "info">;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
const seconds = (fromMs: number) => round((performance.now() - fromMs) / 1000);
/** Files a site consists of, counting only the ones with content. */
export const countFiles = (site: SiteFiles) => [site.html, site.css, site.js].filter((f) => f.trim() !== "").length;

/**
 * One run of a generation, from `generation:started` to exactly one terminal `generation:completed`.
 * On a retry, the plan and the output of completed steps come from the event log, so the run
 * continues from the first unfinished step.
 */
export async function runGeneration(input: RunInput): Promise<void> {
  const { sessionId, engine, events, signal } = input;
  const state = (await events.getState(sessionId))!;
  const runStartedAt = performance.now();
  const previewUrl = `/preview/${sessionId}`;
  const done = new Set(state.steps.filter((s) => s.status === "completed").map((s) => s.step_id));
  let site = await recoverCompletedSite(input, state, done);
  let currentStep: PlannedStep | undefined;
  let started = false;
  const preview = new PreviewPublisher({ sessionId, events, engineName: engine.name, signal }, state);
  const run = state.run + 1;
  // A retry redoes the step it stopped in, but the bar never goes back past what was shown.
  const floor = state.run > 0 ? state.progress : 0;
  const atLeastShown = (progress: number) => Math.max(progress, floor);
  input.logger?.info({ sessionId, run, engine: engine.name, resumeAfter: done.size }, "generation run started");
  const history = historyOf(input);

  try {
    const plan: PlannedStep[] = state.steps.some((s) => s.step_id !== PLANNING_STEP_ID)
      ? state.steps.map((s) => ({ id: s.step_id, title: s.title }))
      : await planSteps(input, done, (step) => (currentStep = step));
    const total = plan.length;
    const remainingAtStart = plan.filter((s) => !done.has(s.id)).length;
    signal.throwIfAborted();
    await events.emit(sessionId, "generation:started", {
      project_id: input.projectId,
      total_steps: total,
      estimated_time: round(remainingAtStart * engine.estimateStepSeconds()),
      run,
      steps: plan.map((s) => ({ step_id: s.id, title: s.title, status: done.has(s.id) ? "completed" : "pending" })),
      engine: engine.name,
    });
    started = true;

    const durations: number[] = [];
    const estimateRemaining = (left: number) => {
      const perStep = durations.length
        ? durations.reduce((a, b) => a + b, 0) / durations.length
        : engine.estimateStepSeconds();
      return round(perStep * left);
    };

    for (const [index, step] of plan.entries()) {
      if (done.has(step.id)) continue;
      signal.throwIfAborted();
      currentStep = step;
      const stepStartedAt = performance.now();
      const progressBefore = atLeastShown(round((done.size / total) * 100, 1));
      const common = { step_id: step.id, step_number: index + 1, total_steps: total, title: step.title };
      const left = total - done.size;
      await events.emit(sessionId, "generation:step", {
        ...common, status: "pending", progress: progressBefore, message: `Up next: ${step.title}`,
        estimated_remaining: estimateRemaining(left),
      });
      await events.emit(sessionId, "generation:step", {
        ...common, status: "in_progress", progress: progressBefore, message: `${step.title}…`,
        estimated_remaining: estimateRemaining(left),
      });

      const stepShare = 100 / total;
      const result = await engine.runStep({
        prompt: input.prompt, step, index, plan, site, baseSite: input.baseSite, history, signal, images: input.images,
        onPartial: (partial, fraction) => {
          const within = Math.min(Math.max(fraction, 0), 0.99);
          preview.offer(step.id, partial, atLeastShown(round((done.size / total) * 100 + within * stepShare, 1)));
        },
      });
      preview.cancel();
      await preview.settle();
      signal.throwIfAborted();
      if (result.site) {
        // Every version's markup carries stable element ids (select, direct edits, aimed prompts).
        site = { ...result.site, html: stampElementIds(result.site.html) };
        preview.snapshot(step.id, site, { step: step.id, engine: engine.name });
        await preview.settle();
      }
      const duration = seconds(stepStartedAt);
      durations.push(duration);
      done.add(step.id);
      currentStep = undefined;
      await events.emit(sessionId, "generation:step", {
        ...common, status: "completed", progress: atLeastShown(round((done.size / total) * 100, 1)),
        message: result.message ?? `Finished: ${step.title}`, estimated_remaining: estimateRemaining(total - done.size),
        duration,
      });
    }

    // One version per session: a run that crashed right after storing it, retried or taken over,
    // updates that version instead of orphaning it (and start-up recovery completes such a run).
    // A follow-up that left the site exactly as it was is not a new version, and not "done".
    if (input.baseSite && sameSite(site, input.baseSite)) {
      throw new EngineError("NOT_APPLIED", "Not applied: this follow-up left the site unchanged, so no new version was made.", false);
    }
    await input.store.saveSessionVersion({ projectId: input.projectId, sessionId, prompt: input.prompt, site });
    input.afterVersionSaved?.();
    await events.emit(sessionId, "generation:completed", {
      status: "completed", total_time: seconds(runStartedAt), files_generated: countFiles(site), final_url: previewUrl,
    });
    input.logger?.info({ sessionId, run, seconds: seconds(runStartedAt) }, "generation run completed");
  } catch (error) {
    preview.cancel();
    await preview.settle().catch(() => undefined);
    const failure = describeFailure(error, signal);
    input.logger?.info({ sessionId, run, code: failure.code, step: currentStep?.id, retryAvailable: failure.retryAvailable }, "generation run failed");
    // A follow-up that was not applied still shows the site it left as it was, and can be followed up.
    if (failure.code === "NOT_APPLIED" && input.baseSite && !(await events.getState(sessionId))?.preview) {
      const stepId = currentStep?.id ?? "not-applied";
      preview.snapshot(stepId, input.baseSite, { step: stepId, engine: engine.name, unchanged: true });
      await preview.settle().catch(() => undefined);
    }
    if (currentStep && (started || currentStep.id === PLANNING_STEP_ID)) {
      const state = (await events.getState(sessionId))!;
      const index = state.steps.findIndex((s) => s.step_id === currentStep!.id);
      await events.emit(sessionId, "generation:step", {
        step_id: currentStep.id, step_number: index + 1, total_steps: state.steps.length, title: currentStep.title,
        // An edit the engine could not apply is understood, not broken: its step ends, not fails.
        status: failure.code === "NOT_APPLIED" ? "completed" : "failed", progress: state.progress, message: failure.message, estimated_remaining: 0,
      });
    }
    // A run that failed before writing any markup leaves nothing to show: say so for the preview.
    const quiet = failure.code === "CANCELLED" || failure.code === "INTERRUPTED" || failure.code === "NOT_APPLIED";
    if (!quiet && !(await events.getState(sessionId))?.preview) {
      await events.emit(sessionId, "preview:error", { error_code: failure.code, error_message: "No preview: the generation stopped before any part of the site was written." });
    }
    await events.emit(sessionId, "generation:error", {
      step_id: currentStep?.id, error_code: failure.code, error_message: failure.message,
      retry_available: failure.retryAvailable,
    });
    await events.emit(sessionId, "generation:completed", {
      status: "failed", total_time: seconds(runStartedAt), files_generated: countFiles(site), final_url: previewUrl,
    });
    return;
  }
}

const sameSite = (a: SiteFiles, b: SiteFiles) => a.html === b.html && a.css === b.css && a.js === b.js;

/** The project's versions up to the base, read lazily, for a follow-up's undo and redo. */
function historyOf(input: RunInput): SiteHistory | undefined {
  const { baseVersion, projectId, store } = input;
  if (!input.baseSite || !baseVersion) return undefined;
  return {
    listVersions: async () => (await store.listProjectVersionSummaries(projectId)).filter((v) => v.version <= baseVersion),
    loadVersion: async (version) => (version <= baseVersion ? ((await store.getProjectVersion(projectId, version))?.site ?? null) : null),
  };
}

/** Id of the visible planning step of engines that set `planningTitle`. */
export const PLANNING_STEP_ID = "planning";

/**
 * Asks the engine for its plan. An engine whose planning takes a while (a model call) gets it
 * shown as the plan's first step, in progress while it runs, instead of a session stuck on "queued".
 */
async function planSteps(input: RunInput, done: Set<string>, onStep: (step: PlannedStep | undefined) => void): Promise<PlannedStep[]> {
  const { engine, events, sessionId, signal } = input;
  const planInput = { prompt: input.prompt, baseSite: input.baseSite, signal };
  if (!engine.planningTitle) return engine.plan(planInput);
  const step = { id: PLANNING_STEP_ID, title: engine.planningTitle };
  const common = { step_id: step.id, step_number: 1, total_steps: 1, title: step.title, progress: 0 };
  const startedAt = performance.now();
  onStep(step);
  await events.emit(sessionId, "generation:step", { ...common, status: "in_progress", message: `${step.title}…`, estimated_remaining: engine.estimateStepSeconds() });
  const planned = await engine.plan(planInput);
  signal.throwIfAborted();
  await events.emit(sessionId, "generation:step", {
    ...common, status: "completed", message: `Planned ${planned.length} step${planned.length === 1 ? "" : "s"}`,
    estimated_remaining: round(planned.length * engine.estimateStepSeconds()), duration: seconds(startedAt),
  });
  onStep(undefined);
  done.add(step.id);
  return [step, ...planned];
}

/** Maps any failure to a public code and message; internal details never reach clients. */
function describeFailure(error: unknown, signal: AbortSignal) {
  const reason: unknown = signal.aborted ? signal.reason : error;
  if (reason instanceof StopReason) return { code: reason.code, message: reason.message, retryAvailable: true };
  if (error instanceof EngineError) {
    return { code: error.code, message: error.message, retryAvailable: error.retryAvailable };
  }
  return { code: "GENERATION_FAILED" as const, message: "The generation failed unexpectedly. You can retry it.", retryAvailable: true };
}

/**
 * The site as completed steps left it. A run that failed mid-stream leaves a partial preview in
 * the log; the next run starts from the last snapshot of a completed step instead.
 */
async function recoverCompletedSite(input: RunInput, state: GenerationState, done: Set<string>): Promise<SiteFiles> {
  if (!state.preview || done.has(state.preview.step_id)) return siteFromState(state) ?? input.baseSite ?? emptySite();
  const events = await input.events.readSince(input.sessionId, 0);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === "preview:updated" && done.has(e.data.step_id) && e.data.metadata.partial !== true) {
      return previewFilesOf(e.data);
    }
  }
  // No completed snapshot left (none yet, or the log was compacted): the partial beats nothing
  // once a step has completed, since it still holds that step's output.
  return (done.size > 0 ? siteFromState(state) : null) ?? input.baseSite ?? emptySite();
}
