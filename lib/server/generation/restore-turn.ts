import type { EventService } from "../realtime/event-service";
import type { ProjectNotices } from "../realtime/project-notices";
import { createRandomId, hashToken } from "../security/tokens";
import type { ProjectVersion, Store } from "../storage/store";
import { GenerationError } from "./generation-error";
import { countFiles } from "./run-generation";

/** The project already holds as many restored copies as it may. */
export class RestoreLimitError extends Error {
  constructor(readonly maxRestores: number) {
    super(`restore cap of ${maxRestores} reached`);
    this.name = "RestoreLimitError";
  }
}

/** The `engine` of a session that restores a version: no model, no template, a copy. */
export const RESTORE_ENGINE = "restore";
const STEP_ID = "restore";

export interface RestoreDeps {
  store: Store;
  events: EventService;
  notices?: Pick<ProjectNotices, "turnStarted">;
}

/**
 * Restores `from` as the project's newest version, as a turn of its conversation: a session whose
 * one step copies the version, publishing the same events a run does. So the restored site is
 * what the newest turn shows, `/preview/<its session>` serves, a second tab and a share viewer see
 * land live, and the next prompt edits — one notion of the current version everywhere.
 */
export async function restoreAsTurn(deps: RestoreDeps, input: { projectId: string; from: number; maxRestores?: number }): Promise<ProjectVersion | null> {
  const { store, events } = deps;
  const { projectId, from } = input;
  const sessionId = createRandomId();
  const prompt = `Restore v${from}`;
  // Nobody holds these two tokens: the owner reaches the turn with the project token.
  const reserved = await store.reserveRestoreTurn({
    session: { id: sessionId, projectId, prompt, tokenHash: hashToken(createRandomId()), viewerTokenHash: hashToken(createRandomId()), engine: RESTORE_ENGINE },
    from,
    maxRestores: input.maxRestores ?? 0,
  });
  switch (reserved.outcome) {
    case "not-found":
      return null;
    case "busy":
      throw new GenerationError("CONFLICT", "A turn of this project is still running; restore when it has finished (or cancel it)");
    case "limit":
      throw new RestoreLimitError(input.maxRestores ?? 0);
  }
  const source = reserved.source;
  deps.notices?.turnStarted(projectId, sessionId);
  try {
    const startedAt = performance.now();
    const step = { step_id: STEP_ID, step_number: 1, total_steps: 1, title: prompt };
    await events.emit(sessionId, "generation:started", {
      project_id: projectId, total_steps: 1, estimated_time: 0, run: 1, engine: RESTORE_ENGINE,
      steps: [{ step_id: STEP_ID, title: prompt, status: "pending" }],
    });
    await events.emit(sessionId, "generation:step", { ...step, status: "in_progress", progress: 0, message: `${prompt}…`, estimated_remaining: 0 });
    await events.emit(sessionId, "preview:updated", {
      step_id: STEP_ID, preview_url: `/preview/${sessionId}`, html_content: source.site.html, css_content: source.site.css,
      js_content: source.site.js, version: 1, metadata: { restored_from: from },
    });
    const elapsed = () => Math.round(performance.now() - startedAt) / 1000;
    await events.emit(sessionId, "generation:step", {
      ...step, status: "completed", progress: 100, message: `Restored v${from}`, estimated_remaining: 0, duration: elapsed(),
    });
    // Added before the run announces completion, as a run does: completion is the clients' cue to reload versions.
    const version = await store.addProjectVersion({ projectId, sessionId, prompt: source.prompt, site: source.site, restoredFrom: from });
    await events.emit(sessionId, "generation:completed", {
      status: "completed", total_time: elapsed(), files_generated: countFiles(source.site), final_url: `/preview/${sessionId}`,
    });
    return version;
  } catch (error) {
    // The turn must not stay "queued": the project would refuse every restore until a restart.
    await events.emit(sessionId, "generation:error", { error_code: "GENERATION_FAILED", error_message: "The restore could not be finished; try again", retry_available: false }).catch(() => undefined);
    throw error;
  }
}
