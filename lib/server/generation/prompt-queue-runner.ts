import { QUEUE_MAX_ITEMS, type SessionEvent } from "@/lib/protocol";
import type { Logger } from "../logger";
import type { ProjectNotices } from "../realtime/project-notices";
import { createRandomId, hashToken } from "../security/tokens";
import type { QueuedPrompt, Store } from "../storage/store";
import { GenerationError } from "./generation-error";
import type { JobQueue } from "./job-queue";

export interface PromptQueueDeps {
  store: Store;
  queue: Pick<JobQueue, "enqueue">;
  engineName: string;
  notices?: Pick<ProjectNotices, "turnStarted" | "turnUpdated">;
  logger: Logger;
}

/**
 * The project's prompt queue, run by the server: a prompt typed during a run waits in the
 * database and is started when the project's last run ends, whichever process sees that end (the
 * take is one transaction, so two processes never start the same prompt). Nothing depends on the
 * page that typed it staying open.
 */
export class PromptQueueRunner {
  constructor(private readonly deps: PromptQueueDeps) {}

  /** Queues `prompt` at the end, then starts it at once if nothing of the project runs. */
  async add(projectId: string, prompt: string): Promise<{ item: QueuedPrompt; startedSessionId: string | null }> {
    const item = await this.deps.store.addQueuedPrompt({ id: createRandomId(), projectId, prompt, max: QUEUE_MAX_ITEMS });
    if (item === "full") {
      throw new GenerationError("QUEUE_FULL", `This project already has ${QUEUE_MAX_ITEMS} prompts waiting; wait for some to run`, { max: QUEUE_MAX_ITEMS });
    }
    this.changed(projectId);
    const startedSessionId = await this.drain(projectId);
    return { item, startedSessionId };
  }

  /** Tells the project's open pages that its queue changed (they reload it with the turns). */
  changed(projectId: string): void {
    this.deps.notices?.turnUpdated(projectId);
  }

  /** Starts the project's next waiting prompt when none of its turns is unfinished; its session id, or null. */
  async drain(projectId: string): Promise<string | null> {
    const { store, queue, engineName } = this.deps;
    const taken = await store.takeQueuedPrompt({
      projectId,
      // Nobody holds the session's own tokens: the owner reaches the turn with the project token.
      toSession: (item, baseVersion) => ({
        id: createRandomId(), projectId, prompt: item.prompt, tokenHash: hashToken(createRandomId()),
        viewerTokenHash: hashToken(createRandomId()), engine: engineName, baseVersion,
      }),
    });
    if (!taken) return null;
    await queue.enqueue(taken.session.id, `queue:${projectId}`);
    this.deps.notices?.turnStarted(projectId, taken.session.id);
    return taken.session.id;
  }

  /** At start-up: every project with waiting prompts whose runs all ended (a crash between the two). */
  async drainAll(): Promise<void> {
    for (const projectId of await this.deps.store.listProjectsWithQueuedPrompts()) await this.drainSafely(projectId);
  }

  /** For the event hook: a run's end starts the next prompt of its project. */
  noteEvent(event: SessionEvent, projectIdOf: (sessionId: string) => Promise<string | null>): void {
    if (event.type !== "generation:completed") return;
    void projectIdOf(event.data.session_id).then(
      (projectId) => (projectId ? this.drainSafely(projectId) : undefined),
      () => undefined,
    );
  }

  private async drainSafely(projectId: string): Promise<void> {
    try {
      await this.drain(projectId);
    } catch (error) {
      // The prompt stays queued (the take rolled back, or its session is recovered at start-up).
      this.deps.logger.error({ err: error, projectId }, "could not start a queued prompt");
    }
  }
}
