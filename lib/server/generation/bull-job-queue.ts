import { Queue, Worker, type ConnectionOptions } from "bullmq";
import type { Logger } from "../logger";
import { LocalJobs, type CancelOutcome, type JobHandler, type JobQueue } from "./job-queue";
import { StopReason } from "./stop-reason";

const QUEUE_NAME = "openv0-generations";
const WAITING_STATES = new Set(["waiting", "delayed", "prioritized", "waiting-children"]);

export interface BullJobQueueOptions {
  connection: ConnectionOptions;
  handler: JobHandler;
  jobs: LocalJobs;
  logger: Logger;
  /** Jobs this process runs at once; 0 = this process only enqueues (web node with WORKER_IN_WEB=0). */
  workerConcurrency: number;
  /** BullMQ lock duration: a job whose worker died is taken over by another after about this long. */
  lockMs: number;
  /** Tells every process to stop the session's job (the one running it obeys). */
  broadcastCancel: (sessionId: string) => void;
  /** A job that stalled too often is given up: the session must still end clearly. */
  onAbandoned: (sessionId: string) => Promise<void>;
}

/**
 * Generation jobs in Redis (BullMQ): any process may enqueue, workers in any process run them.
 * The job id is the session id, so a session never has two jobs at once. A worker that dies
 * mid-job leaves a stalled job that another worker takes over; the run then continues from the
 * session's log (a new `generation:started`, from the first unfinished step).
 */
export class BullJobQueue implements JobQueue {
  private readonly queue: Queue;
  private readonly worker: Worker | null;

  constructor(private readonly options: BullJobQueueOptions) {
    const { connection, workerConcurrency, lockMs, jobs, handler, logger } = options;
    this.queue = new Queue(QUEUE_NAME, { connection });
    this.worker =
      workerConcurrency > 0
        ? new Worker(QUEUE_NAME, (job) => jobs.run(String(job.data.sessionId), handler), {
            connection,
            concurrency: workerConcurrency,
            lockDuration: lockMs,
            stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
            maxStalledCount: 2,
          })
        : null;
    this.worker?.on("failed", (job, error) => {
      logger.error({ err: error, sessionId: job?.data.sessionId }, "generation job failed in the queue");
      if (job && /stalled/i.test(error.message)) void options.onAbandoned(String(job.data.sessionId));
    });
    this.worker?.on("error", (error) => logger.error({ err: error }, "queue worker error"));
  }

  /** Resolves once this process consumes jobs (or at once when it only enqueues). */
  async ready(): Promise<void> {
    await this.queue.waitUntilReady();
    await this.worker?.waitUntilReady();
  }

  /**
   * BullMQ serves waiting jobs first come, first served across all workers (fair groups are a
   * BullMQ Pro feature); the per-client cap is not enforced here, the shared per-IP start limit
   * in Redis bounds how much of the queue one client can fill (see README, limits).
   */
  async queuedFor(): Promise<number> {
    return 0;
  }

  async enqueue(sessionId: string): Promise<void> {
    await this.queue.add("generate", { sessionId }, { jobId: sessionId, removeOnComplete: true, removeOnFail: true });
  }

  async cancel(sessionId: string): Promise<CancelOutcome> {
    const job = await this.queue.getJob(sessionId);
    if (!job) return "none";
    if (WAITING_STATES.has(await job.getState())) {
      try {
        await job.remove();
        return "dequeued";
      } catch {
        // A worker locked it in the meantime: stop it where it runs.
      }
    }
    this.options.jobs.abort(sessionId, new StopReason("CANCELLED"));
    this.options.broadcastCancel(sessionId);
    return "signalled";
  }

  async isActive(sessionId: string): Promise<boolean> {
    const job = await this.queue.getJob(sessionId);
    if (!job) return false;
    const state = await job.getState();
    return state === "active" || WAITING_STATES.has(state);
  }

  async counts() {
    return { running: this.options.jobs.size, queued: await this.queue.getWaitingCount() };
  }

  /** Jobs waiting in Redis stay there for other workers: nothing is dropped. */
  async stop(timeoutMs: number): Promise<string[]> {
    this.options.jobs.abortAll(new StopReason("INTERRUPTED"));
    const closing = Promise.all([this.worker?.close(), this.queue.close()]);
    await Promise.race([closing, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    return [];
  }
}
