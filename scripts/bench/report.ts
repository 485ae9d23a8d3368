import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FirstEventResult } from "./first-event";
import type { Percentiles } from "./percentiles";
import type { MainThreadStates } from "./proc-stats";

/** One load scenario on one server. */
export interface LoadResult {
  scenario: string;
  server: string;
  connections: number;
  targetPerSec: number | null;
  sentPerSec: number;
  deliveredPerSec: number;
  /** Receive time minus the actual publish-call time stamped in the payload. */
  latencyMs: Percentiles | null;
  /** Receive time minus the time the rate plan scheduled the event (includes publisher lag). */
  schedLatencyMs: Percentiles | null;
  expected: number;
  lost: number;
  dups: number;
  serverCpuPercent: number;
  serverPeakRssMb: number;
  clientsCpuPercent: number;
  /** Machine CPU used by processes outside the bench during the scenario (noise). */
  othersCpuPercent: number;
  /** Where the server's event-loop thread was while publishing: running, idle or blocked on disk. */
  serverMainThread: MainThreadStates;
  publisherLagP99Ms: number;
  wireBytesPerEvent: number;
  payloadBytesPerEvent: number;
  publishErrors: number;
  extra?: Record<string, unknown>;
}

/** Scenario (e): memory of idle connections. */
export interface MemoryResult {
  server: string;
  connections: number;
  failed: number;
  connectMs: number;
  rssPerConnKb: number;
  heapPerConnKb: number;
  /** After every connection received one 8 KB preview (allocates per-connection zlib state). */
  rssPerConnAfterPreviewKb: number;
  heapPerConnAfterPreviewKb: number;
  /** Off-heap memory V8 knows about (zlib contexts, buffers) after the preview, per connection. */
  externalPerConnAfterPreviewKb: number;
  previewLost: number;
}

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(digits));
const int = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? "–" : Math.round(n).toLocaleString("en-US"));

/** Renders rows as a fixed-width text table. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function renderLoadTable(results: LoadResult[]): string {
  return renderTable(
    ["scenario", "server", "conns", "target/s", "sent/s", "deliv/s", "p50 ms", "p95 ms", "p99 ms", "p99 sched", "lost", "dup", "srv CPU%", "main R/S/D %", "srv RSS MB", "cli CPU%", "other CPU%"],
    results.map((r) => [
      r.scenario, r.server, int(r.connections), int(r.targetPerSec), int(r.sentPerSec), int(r.deliveredPerSec),
      fmt(r.latencyMs?.p50, 2), fmt(r.latencyMs?.p95, 2), fmt(r.latencyMs?.p99, 2), fmt(r.schedLatencyMs?.p99, 2),
      int(r.lost), int(r.dups), fmt(r.serverCpuPercent, 0),
      `${fmt(r.serverMainThread.running, 0)}/${fmt(r.serverMainThread.idle, 0)}/${fmt(r.serverMainThread.disk, 0)}`, fmt(r.serverPeakRssMb, 0), fmt(r.clientsCpuPercent, 0),
      fmt(r.othersCpuPercent, 0),
    ]),
  );
}

/** OpenV0 / baseline for each scenario both ran. */
export function renderRatioTable(results: LoadResult[]): string {
  const rows: string[][] = [];
  for (const ours of results.filter((r) => r.server === "openv0")) {
    const base = results.find((r) => r.server === "baseline" && r.scenario === ours.scenario);
    if (!base) continue;
    const ratio = (a?: number, b?: number) => (a !== undefined && b ? fmt(a / b, 2) : "–");
    rows.push([
      ours.scenario, "openv0/baseline", ratio(ours.deliveredPerSec, base.deliveredPerSec), ratio(ours.latencyMs?.p50, base.latencyMs?.p50),
      ratio(ours.latencyMs?.p99, base.latencyMs?.p99), ratio(ours.serverCpuPercent, base.serverCpuPercent),
    ]);
  }
  return renderTable(["scenario", "ratio", "deliv/s", "p50", "p99", "srv CPU"], rows);
}

export function renderMemoryTable(results: MemoryResult[]): string {
  return renderTable(
    ["scenario", "server", "conns", "failed", "connect s", "RSS KB/conn", "heap KB/conn", "RSS KB/conn +8KB msg", "heap KB/conn +8KB msg", "ext KB/conn +8KB msg"],
    results.map((r) => [
      "e idle", r.server, int(r.connections), int(r.failed), fmt(r.connectMs / 1000, 1), fmt(r.rssPerConnKb), fmt(r.heapPerConnKb),
      fmt(r.rssPerConnAfterPreviewKb), fmt(r.heapPerConnAfterPreviewKb), fmt(r.externalPerConnAfterPreviewKb),
    ]),
  );
}

export function renderCompressionTable(rows: { setting: string; load?: LoadResult; memory?: MemoryResult }[]): string {
  return renderTable(
    ["setting", "server", "wire B/event", "payload B/event", "wire/payload", "p50 ms", "p99 ms", "srv CPU%", "cli CPU%", "other CPU%", "RSS KB/conn idle", "RSS KB/conn +8KB", "ext KB/conn +8KB"],
    rows.map(({ setting, load, memory }) => [
      setting, load?.server ?? memory?.server ?? "", int(load?.wireBytesPerEvent), int(load?.payloadBytesPerEvent),
      load && load.payloadBytesPerEvent ? fmt(load.wireBytesPerEvent / load.payloadBytesPerEvent, 2) : "–",
      fmt(load?.latencyMs?.p50, 2), fmt(load?.latencyMs?.p99, 2), fmt(load?.serverCpuPercent, 0), fmt(load?.clientsCpuPercent, 0),
      fmt(load?.othersCpuPercent, 0), fmt(memory?.rssPerConnKb), fmt(memory?.rssPerConnAfterPreviewKb), fmt(memory?.externalPerConnAfterPreviewKb),
    ]),
  );
}

/** (f): what the drop did to each server. */
export function renderDropSummary(load: LoadResult[]): string {
  const ms = (n?: number) => (n === undefined ? "–" : `${n.toFixed(0)} ms`);
  return load
    .filter((r) => r.scenario.startsWith("f"))
    .map((r) => {
      const x = (r.extra ?? {}) as { killed?: number; reconnectMs?: Percentiles | null; catchUpMs?: Percentiles | null; notCaughtUp?: number; maxReconnectAttempts?: number; connectErrors?: number; connectErrorSample?: string };
      return `f ${r.server}: ${x.killed ?? 0} transports killed; lost ${r.lost} of ${r.expected}, dup ${r.dups}; ` +
        `reconnected p50 ${ms(x.reconnectMs?.p50)} / max ${ms(x.reconnectMs?.max)} after the kill (client backoff 800–1200 ms); ` +
        `caught up p50 ${ms(x.catchUpMs?.p50)} / p95 ${ms(x.catchUpMs?.p95)} / max ${ms(x.catchUpMs?.max)}; not caught up ${x.notCaughtUp ?? 0}; ` +
        `max attempts ${x.maxReconnectAttempts ?? 0}; connect errors ${x.connectErrors ?? 0}${x.connectErrorSample ? ` (${x.connectErrorSample})` : ""}`;
    })
    .join("\n");
}

/** (g): POST /api/generations → first event. */
export function renderFirstEvent(g: FirstEventResult | null): string {
  if (!g) return "g not run";
  return `g POST /api/generations → first event (openv0, ${g.runs} real generations after 1 warm-up, TEMPLATE_STEP_MS=0): ` +
    `p50 ${fmt(g.firstEventMs?.p50)} ms, p95 ${fmt(g.firstEventMs?.p95)} ms, p99 ${fmt(g.firstEventMs?.p99)} ms; cold first run ${fmt(g.coldFirstEventMs)} ms ` +
    `(POST alone p50 ${fmt(g.postMs?.p50)} ms; POST → completed p50 ${fmt(g.completedMs?.p50, 0)} ms; ${g.failed} failed)`;
}

/** Writes the run as JSON (timestamped and `latest.json`) and the printed text under bench-results/. */
export function writeResults(root: string, data: unknown, text: string): string {
  const dir = path.join(root, "bench-results");
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `bench-${stamp}.json`);
  const json = JSON.stringify(data, null, 2);
  writeFileSync(file, json);
  writeFileSync(path.join(dir, "latest.json"), json);
  writeFileSync(path.join(dir, "latest.txt"), text);
  return file;
}

/** The rows of scenario (h) (defined in cluster.ts; only the fields the tables need). */
interface ClusterRowView extends LoadResult {
  setup: string;
  clients: string;
  cpu: { publisher: number; otherNode: number | null; redis: number | null; postgres: number | null };
}

/** (h) latency and delivery, one row per set of sockets. */
export function renderClusterTable(rows: ClusterRowView[]): string {
  return renderTable(
    ["setup", "clients", "conns", "target/s", "sent/s", "deliv/s", "p50 ms", "p95 ms", "p99 ms", "p99 sched", "lost", "dup"],
    rows.map((r) => [
      r.setup, r.clients, int(r.connections), int(r.targetPerSec), int(r.sentPerSec), int(r.deliveredPerSec),
      fmt(r.latencyMs?.p50, 2), fmt(r.latencyMs?.p95, 2), fmt(r.latencyMs?.p99, 2), fmt(r.schedLatencyMs?.p99, 2), int(r.lost), int(r.dups),
    ]),
  );
}

/** (h) CPU of every process taking part, once per run (100 = one core). */
export function renderClusterCpuTable(rows: ClusterRowView[]): string {
  const runs = rows.filter((r, i) => rows.findIndex((o) => o.setup === r.setup && o.scenario === r.scenario) === i);
  return renderTable(
    ["setup", "run", "publisher CPU%", "other node CPU%", "redis CPU%", "postgres CPU%", "main R/S/D %", "publisher RSS MB", "cli CPU%", "other CPU%"],
    runs.map((r) => [
      r.setup, r.scenario, fmt(r.cpu.publisher, 0), fmt(r.cpu.otherNode, 0), fmt(r.cpu.redis, 0), fmt(r.cpu.postgres, 0),
      `${fmt(r.serverMainThread.running, 0)}/${fmt(r.serverMainThread.idle, 0)}/${fmt(r.serverMainThread.disk, 0)}`,
      fmt(r.serverPeakRssMb, 0), fmt(r.clientsCpuPercent, 0), fmt(r.othersCpuPercent, 0),
    ]),
  );
}

export interface ClusterRatio {
  name: string;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Difference in ms (numerator − denominator). */
  deltaP50Ms: number | null;
  deltaP99Ms: number | null;
}

/** The overhead of the cross-node path, as ratios (and differences) of latency percentiles. */
export function clusterRatios(rows: ClusterRowView[]): ClusterRatio[] {
  const find = (setup: string, clients: string) => rows.find((r) => r.setup === setup && r.clients.startsWith(clients) && !r.scenario.startsWith("h ceiling") && !r.scenario.startsWith("h probe"));
  const a = find("2 nodes, PG+Redis", "on A");
  const b = find("2 nodes, PG+Redis", "on B");
  const pg = find("1 node, PG+Redis", "all");
  const sqlite = find("1 node, SQLite", "all");
  const pairs: [string, ClusterRowView | undefined, ClusterRowView | undefined][] = [
    ["2 nodes: B (cross-node) / A (same node)", b, a],
    ["2 nodes B / 1 node PG+Redis", b, pg],
    ["2 nodes A / 1 node PG+Redis", a, pg],
    ["1 node PG+Redis / 1 node SQLite", pg, sqlite],
    ["2 nodes B / 1 node SQLite", b, sqlite],
  ];
  const ratio = (x?: number, y?: number) => (x !== undefined && y ? x / y : null);
  const delta = (x?: number, y?: number) => (x !== undefined && y !== undefined ? x - y : null);
  return pairs.map(([name, num, den]) => ({
    name,
    p50: ratio(num?.latencyMs?.p50, den?.latencyMs?.p50), p95: ratio(num?.latencyMs?.p95, den?.latencyMs?.p95), p99: ratio(num?.latencyMs?.p99, den?.latencyMs?.p99),
    deltaP50Ms: delta(num?.latencyMs?.p50, den?.latencyMs?.p50), deltaP99Ms: delta(num?.latencyMs?.p99, den?.latencyMs?.p99),
  }));
}

export function renderClusterRatios(ratios: ClusterRatio[]): string {
  return renderTable(
    ["latency ratio", "", "p50", "p95", "p99", "Δ p50 ms", "Δ p99 ms"],
    ratios.map((r) => [r.name, "", fmt(r.p50, 2), fmt(r.p95, 2), fmt(r.p99, 2), fmt(r.deltaP50Ms, 2), fmt(r.deltaP99Ms, 2)]),
  );
}
