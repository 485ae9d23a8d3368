/** Clients whose last turn is remembered. */
const MEMORY = 10_000;

/**
 * Waiting jobs grouped by client, taken round-robin: the next job comes from the client served
 * least recently (a newcomer first), so one client's hundred queued jobs cannot make another
 * client's single job wait behind all of them.
 */
export class FairLanes {
  private readonly lanes = new Map<string, string[]>();
  private readonly clientOf = new Map<string, string>();
  private readonly lastServed = new Map<string, number>();
  private turn = 0;

  add(client: string, jobId: string): void {
    this.clientOf.set(jobId, client);
    const lane = this.lanes.get(client);
    if (lane) lane.push(jobId);
    else this.lanes.set(client, [jobId]);
  }

  /** Removes a waiting job; false when it was not waiting. */
  remove(jobId: string): boolean {
    const client = this.clientOf.get(jobId);
    if (client === undefined) return false;
    this.clientOf.delete(jobId);
    const lane = this.lanes.get(client)!.filter((id) => id !== jobId);
    if (lane.length) this.lanes.set(client, lane);
    else this.lanes.delete(client);
    return true;
  }

  /** The next job to run, or undefined when nothing waits. */
  take(): string | undefined {
    let chosen: string | undefined;
    for (const client of this.lanes.keys()) {
      if (chosen === undefined || (this.lastServed.get(client) ?? 0) < (this.lastServed.get(chosen) ?? 0)) chosen = client;
    }
    if (chosen === undefined) return undefined;
    const jobId = this.lanes.get(chosen)![0]!;
    this.remove(jobId);
    // Re-inserted so the map stays in serving order, oldest first, for pruning.
    this.lastServed.delete(chosen);
    this.lastServed.set(chosen, ++this.turn);
    this.prune();
    return jobId;
  }

  /** Forgets the least recently served idle clients beyond MEMORY (they count as newcomers again). */
  private prune(): void {
    for (const client of this.lastServed.keys()) {
      if (this.lastServed.size <= MEMORY) return;
      if (!this.lanes.has(client)) this.lastServed.delete(client);
    }
  }

  has(jobId: string): boolean {
    return this.clientOf.has(jobId);
  }

  /** Jobs a client has waiting. */
  countFor(client: string): number {
    return this.lanes.get(client)?.length ?? 0;
  }

  get size(): number {
    return this.clientOf.size;
  }

  ids(): string[] {
    return [...this.clientOf.keys()];
  }

  clear(): void {
    this.lanes.clear();
    this.clientOf.clear();
    this.lastServed.clear();
  }
}
