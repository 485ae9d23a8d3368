import PQueue from "p-queue";
import { StopReason } from "./run-generation";

/** Runs one generation job in this process; must settle when `signal` aborts. */
export type JobHandler = (sessionId: string, signal: AbortSignal) => Promise<void>;

/** What `cancel` found: a job removed before it ran, a running job now told to stop, or nothing. */
export type CancelOutcome = "dequeued" | "signalled" | "none";

/**
 * Where generation jobs wait and run. `LocalJobQueue` keeps them in this process (the default);
 * `BullJobQueue` (REDIS_URL) keeps them in Redis for workers in any process.
 */
export interface JobQueue {
  enqueue(sessionId: string): Promise<void>;
  cancel(sessionId: string): Promise<CancelOutcome>;
  /** Whether the session has a job waiting or running anywhere. */
  isActive(sessionId: string): Promise<boolean>;
  /** Jobs running in this process, and jobs waiting (in this process, or in Redis). */
  counts(): Promise<{ running: number; queued: number }>;
  /** Interrupts the jobs running here and stops taking new ones. */
  stop(timeoutMs: number): Promise<void>;
}

/** The jobs running in this process, each with the controller that stops it. */
export class LocalJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly onSettled: (sessionId: string) => void = () => {}) {}

  async run(sessionId: string, handler: JobHandler, controller = new AbortController()): Promise<void> {
    this.running.set(sessionId, controller);
    try {
      await handler(sessionId, controller.signal);
    } finally {
      if (this.running.get(sessionId) === controller) this.running.delete(sessionId);
      this.onSettled(sessionId);
    }
  }

  has(sessionId: string): boolean {
    return this.running.has(sessionId);
  }

  get size(): number {
    return this.running.size;
  }

  /** Aborts the session's job here, if it runs here. */
  abort(sessionId: string, reason: StopReason): boolean {
    const controller = this.running.get(sessionId);
    controller?.abort(reason);
    return controller !== undefined;
  }

  abortAll(reason: StopReason): void {
    for (const controller of this.running.values()) controller.abort(reason);
  }
}

/** In-process queue (p-queue) with a concurrency limit: the single-node default. */
export class LocalJobQueue implements JobQueue {
  private readonly queue: PQueue;
  private readonly waiting = new Map<string, AbortController>();

  constructor(
    private readonly deps: { concurrency: number; handler: JobHandler; jobs: LocalJobs },
  ) {
    this.queue = new PQueue({ concurrency: deps.concurrency });
  }

  async enqueue(sessionId: string): Promise<void> {
    const controller = new AbortController();
    this.waiting.set(sessionId, controller);
    void this.queue.add(async () => {
      if (this.waiting.get(sessionId) !== controller) return; // cancelled while waiting
      this.waiting.delete(sessionId);
      await this.deps.jobs.run(sessionId, this.deps.handler, controller);
    });
  }

  async cancel(sessionId: string): Promise<CancelOutcome> {
    if (this.waiting.delete(sessionId)) return "dequeued";
    return this.deps.jobs.abort(sessionId, new StopReason("CANCELLED", "Generation cancelled")) ? "signalled" : "none";
  }

  async isActive(sessionId: string): Promise<boolean> {
    return this.waiting.has(sessionId) || this.deps.jobs.has(sessionId);
  }

  async counts() {
    return { running: this.deps.jobs.size, queued: this.waiting.size };
  }

  /** Waiting jobs are dropped (and returned, to be reported interrupted); running ones are aborted. */
  async stop(timeoutMs: number): Promise<void> {
    this.waiting.clear();
    this.queue.clear();
    this.deps.jobs.abortAll(new StopReason("INTERRUPTED", "The server is restarting; retry to continue"));
    await Promise.race([this.queue.onIdle(), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  /** Sessions waiting in this process's queue. */
  waitingSessions(): string[] {
    return [...this.waiting.keys()];
  }
}
