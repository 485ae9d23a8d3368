import type { SessionStatus } from "./common";
import type { SessionEvent } from "./events";
import { applyPreviewOps, previewFilesOf } from "./preview-delta";
import type { GenerationState, StepSnapshot } from "./http";

/*
 * The one fold from a session's event log to its state. The server uses it to answer
 * `GET /api/generations/:id` and to decide cancel/retry; the browser store uses the very same
 * function, so a snapshot and a live client can never disagree about what the events mean.
 */

/** State of a session before any event. */
export function createInitialState(sessionId: string, projectId: string): GenerationState {
  return {
    session_id: sessionId,
    project_id: projectId,
    status: "queued",
    run: 0,
    steps: [],
    current_step_id: null,
    progress: 0,
    message: "Waiting to start…",
    estimated_remaining: null,
    estimated_time: null,
    preview: null,
    preview_error: null,
    error: null,
    started_at: null,
    completed_at: null,
    total_time: null,
    files_generated: null,
    final_url: null,
    last_seq: 0,
    updated_at: null,
  };
}

/** What a run, and each of its unfinished steps, becomes when it stops with this error code. */
const statusForErrorCode = (code: string): "cancelled" | "interrupted" | "failed" =>
  code === "CANCELLED" ? "cancelled" : code === "INTERRUPTED" ? "interrupted" : "failed";

/**
 * Steps after a run stopped: the one named by the error and every other step still in progress
 * take the stop's status (a crash may name none, yet a step was running); pending ones stay.
 */
function stopSteps(steps: StepSnapshot[], stepId: string | undefined, code: string): StepSnapshot[] {
  const status = statusForErrorCode(code);
  return steps.map((s) => (s.status === "in_progress" || (s.step_id === stepId && s.status !== "completed") ? { ...s, status } : s));
}

/**
 * Seconds from the run's start to its last event so far: when a run stops, the time it was last
 * known to be working. (Start-up recovery after a crash reports a total of 0 much later; the
 * downtime in between is not the run's.)
 */
export function secondsRunSoFar(state: GenerationState): number | null {
  if (!state.started_at || !state.updated_at) return null;
  return Math.max(0, (Date.parse(state.updated_at) - Date.parse(state.started_at)) / 1000);
}
function updateStep(steps: StepSnapshot[], stepId: string, patch: Partial<StepSnapshot>, title = stepId) {
  const index = steps.findIndex((s) => s.step_id === stepId);
  if (index === -1) {
    return [
      ...steps,
      { step_id: stepId, title, status: "pending", message: "", started_at: null, duration: null, ...patch },
    ] satisfies StepSnapshot[];
  }
  return steps.map((s, i) => (i === index ? { ...s, ...patch } : s));
}

/** The session status after an event: the one rule both the fold and the storage layer use. */
export function nextSessionStatus(status: SessionStatus, event: SessionEvent): SessionStatus {
  switch (event.type) {
    case "generation:started":
    case "generation:step":
      return "running";
    case "generation:error":
      return statusForErrorCode(event.data.error_code);
    case "generation:completed":
      if (event.data.status === "completed") return "completed";
      return status === "running" || status === "queued" ? "failed" : status;
    default:
      return status;
  }
}

/** Applies one session event to the state (pure; returns a new object). The status is decided once, by `nextSessionStatus`. */
export function reduceSessionEvent(state: GenerationState, event: SessionEvent): GenerationState {
  const next = reduceByType(state, event);
  return { ...next, status: nextSessionStatus(state.status, event), last_seq: event.data.seq, updated_at: event.data.timestamp };
}

function reduceByType(state: GenerationState, event: SessionEvent): GenerationState {
  switch (event.type) {
    case "generation:started": {
      const d = event.data;
      const previous = new Map(state.steps.map((s) => [s.step_id, s]));
      return {
        ...state,
        project_id: d.project_id,
        run: d.run,
        steps: d.steps.map((s) => {
          const kept = previous.get(s.step_id);
          return s.status === "completed" && kept
            ? { ...kept, status: "completed" }
            : { step_id: s.step_id, title: s.title, status: s.status, message: "", started_at: null, duration: null };
        }),
        current_step_id: null,
        message: d.run > 1 ? "Retrying…" : "Generation started",
        estimated_time: d.estimated_time,
        estimated_remaining: d.estimated_time,
        error: null,
        preview_error: null,
        // A step before the announcement (a model's planning) already opened this run: keep its start.
        started_at: state.status === "running" && state.started_at ? state.started_at : d.timestamp,
        completed_at: null,
        total_time: null,
        final_url: null,
      };
    }
    case "generation:step": {
      const d = event.data;
      const patch: Partial<StepSnapshot> = { status: d.status, message: d.message, title: d.title };
      if (d.status === "in_progress") patch.started_at = d.timestamp;
      if (d.duration !== undefined) patch.duration = d.duration;
      // The first event of a run may be a step (a model engine's planning, before
      // `generation:started`): the run, and its measured time, start there.
      const opensRun = state.status !== "running";
      return {
        ...state,
        // Such a run counts even if it fails while planning (no `generation:started` ever comes).
        ...(opensRun ? { run: state.run + 1, started_at: d.timestamp, completed_at: null, total_time: null } : {}),
        steps: updateStep(state.steps, d.step_id, patch, d.title),
        current_step_id: d.step_id,
        progress: Math.max(state.progress, d.progress),
        message: d.message,
        estimated_remaining: d.estimated_remaining,
      };
    }
    case "generation:completed": {
      const d = event.data;
      const ok = d.status === "completed";
      return {
        ...state,
        current_step_id: null,
        progress: ok ? 100 : state.progress,
        message: ok ? "Your site is ready" : state.message,
        estimated_remaining: 0,
        completed_at: d.timestamp,
        total_time: d.total_time > 0 ? d.total_time : (state.total_time ?? d.total_time),
        files_generated: d.files_generated,
        final_url: d.final_url,
      };
    }
    case "generation:error": {
      const d = event.data;
      return {
        ...state,
        steps: stopSteps(state.steps, d.step_id, d.error_code),
        current_step_id: null,
        total_time: secondsRunSoFar(state),
        message: d.error_message,
        estimated_remaining: null,
        error: { code: d.error_code, message: d.error_message, retry_available: d.retry_available, step_id: d.step_id ?? null },
      };
    }
    case "preview:updated": {
      const d = event.data;
      return {
        ...state,
        preview_error: null,
        preview: {
          version: d.version,
          step_id: d.step_id,
          html_content: d.html_content,
          css_content: d.css_content,
          js_content: d.js_content,
          updated_at: d.timestamp,
        },
      };
    }
    case "preview:delta": {
      const d = event.data;
      const progress = Math.max(state.progress, d.progress ?? 0);
      const current = state.preview;
      // A client that missed the base version ignores the delta; the next snapshot puts it right.
      const files =
        current && current.version === d.base_version
          ? applyPreviewOps(previewFilesOf(current), d.ops)
          : null;
      if (!files) return { ...state, progress };
      return {
        ...state,
        progress,
        preview: {
          version: d.version,
          step_id: d.step_id,
          html_content: files.html,
          css_content: files.css,
          js_content: files.js,
          updated_at: d.timestamp,
        },
      };
    }
    case "preview:error":
      return { ...state, preview_error: { code: event.data.error_code, message: event.data.error_message } };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
