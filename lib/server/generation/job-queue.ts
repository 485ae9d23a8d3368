import PQueue from "p-queue";
import { FairLanes } from "./fair-lanes";
import { StopReason } from "./stop-reason";

/** Runs one generation job in this process; must settle when `signal` aborts. */
export type JobHandler = (sessionId: string, signal: AbortSignal) => Promise<void>;

/** What `cancel` found: a job removed before it ran, a running job now told to stop, or nothing. */
export type CancelOutcome = "dequeued" | "signalled" | "none";

/**
 * Where generation jobs wait and run. `LocalJobQueue` keeps them in this process (the default);
 * `BullJobQueue` (REDIS_URL) keeps them in Redis for workers in any process.
 */
export interface JobQueue {
  /** Resolves once the queue can take and run jobs (at once for the local queue). */
  ready(): Promise<void>;
  /** Queues a session's job; `client` (the requester's IP) is whose turn it takes in fair queueing. */
  enqueue(sessionId: string, client?: string): Promise<void>;
  /** Jobs `client` has waiting, as far as this queue can tell (for the per-client cap). */
  queuedFor(client: string): Promise<number>;
  cancel(sessionId: string): Promise<CancelOutcome>;
  /** Whether the session has a job waiting or running anywhere. */
  isActive(sessionId: string): Promise<boolean>;
  /** Jobs running in this process, and jobs waiting (in this process, or in Redis). */
  counts(): Promise<{ running: number; queued: number }>;
  /**
   * Interrupts the jobs running here and stops taking new ones. Resolves with the sessions whose
   * waiting jobs it dropped (their owners must report them); jobs kept elsewhere are not dropped.
   */
  stop(timeoutMs: number): Promise<string[]>;
}

/** The jobs running in this process, each with the controller that stops it. */
export class LocalJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly onSettled: (sessionId: string) => void = () => {}) {}

  /**
   * Runs the session's job unless it already runs here: a queue may hand a job out again while its
   * run goes on (BullMQ re-delivers a job whose lock lapsed on a starved event loop), and two runs
   * of one session would publish every step twice.
   */
  async run(sessionId: string, handler: JobHandler, controller = new AbortController()): Promise<void> {
    if (this.running.has(sessionId)) return;
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

/** Jobs from clients that are not known (a recovery, an internal retry) share one lane. */
const ANONYMOUS = "";

/**
 * In-process queue with a concurrency limit: the single-node default. p-queue runs at most
 * `concurrency` turns at once; each turn takes the next job from the fair lanes, so waiting jobs
 * are served round-robin across clients rather than first come, first served.
 */
export class LocalJobQueue implements JobQueue {
  private readonly queue: PQueue;
  private readonly waiting = new FairLanes();
  private readonly controllers = new Map<string, AbortController>();

  constructor(
    private readonly deps: { concurrency: number; handler: JobHandler; jobs: LocalJobs },
  ) {
    this.queue = new PQueue({ concurrency: deps.concurrency });
  }

  async ready(): Promise<void> {}

  async enqueue(sessionId: string, client = ANONYMOUS): Promise<void> {
    this.controllers.set(sessionId, new AbortController());
    this.waiting.add(client, sessionId);
    void this.queue.add(() => this.runNext());
  }

  async queuedFor(client: string): Promise<number> {
    return this.waiting.countFor(client);
  }

  private async runNext(): Promise<void> {
    const sessionId = this.waiting.take();
    if (sessionId === undefined) return; // its job was cancelled while waiting
    const controller = this.controllers.get(sessionId)!;
    this.controllers.delete(sessionId);
    await this.deps.jobs.run(sessionId, this.deps.handler, controller);
  }

  async cancel(sessionId: string): Promise<CancelOutcome> {
    if (this.waiting.remove(sessionId)) {
      this.controllers.delete(sessionId);
      return "dequeued";
    }
    return this.deps.jobs.abort(sessionId, new StopReason("CANCELLED")) ? "signalled" : "none";
  }

  async isActive(sessionId: string): Promise<boolean> {
    return this.waiting.has(sessionId) || this.deps.jobs.has(sessionId);
  }

  async counts() {
    return { running: this.deps.jobs.size, queued: this.waiting.size };
  }

  /** Waiting jobs are dropped and returned, to be reported interrupted; running ones are aborted. */
  async stop(timeoutMs: number): Promise<string[]> {
    const dropped = this.waiting.ids();
    this.waiting.clear();
    this.controllers.clear();
    this.queue.clear();
    this.deps.jobs.abortAll(new StopReason("INTERRUPTED"));
    await Promise.race([this.queue.onIdle(), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    return dropped;
  }

  /** Sessions waiting in this process's queue. */
  waitingSessions(): string[] {
    return this.waiting.ids();
  }
}
