import { readdirSync, readFileSync } from "node:fs";

/** Linux clock ticks per second for /proc/<pid>/stat times (USER_HZ; 100 on every mainstream kernel). */
const CLOCK_TICKS = 100;

export interface ProcSample {
  at: number;
  /** user + system CPU seconds, all threads (zlib and GC threads included). */
  cpuSeconds: number;
  rssBytes: number;
}

/** Reads CPU time and resident memory of a process from /proc; null once it has exited. */
export function sampleProc(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { at: performance.now(), cpuSeconds: (utime + stime) / CLOCK_TICKS, rssBytes: rssKb * 1024 };
  } catch {
    return null;
  }
}

/** Direct children of a process (all its threads'), from /proc/<pid>/task/<tid>/children. */
function childPids(pid: number): number[] {
  try {
    const out: number[] = [];
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (list) out.push(...list.split(/\s+/).map(Number));
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * CPU seconds of a process and every descendant (PostgreSQL: the postmaster, its background
 * processes and one backend per client connection). Live processes count their own time; those
 * that exited and were reaped count in their parent's cutime/cstime, so a backend that came and
 * went during a measurement is not lost and nothing is counted twice. RSS is the root's only
 * (summing would count shared memory once per process).
 */
export function sampleTree(pid: number): ProcSample | null {
  const root = sampleProc(pid);
  if (!root) return null;
  let cpuSeconds = 0;
  const seen = new Set<number>();
  const visit = (p: number) => {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime (fields 14–17 of stat(5), 11–14 after the command name)
      cpuSeconds += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
    } catch {
      return; // exited meanwhile: its time is in its parent's cutime from now on
    }
    for (const child of childPids(p)) visit(child);
  };
  visit(pid);
  return { at: root.at, cpuSeconds, rssBytes: root.rssBytes };
}

/** CPU seconds the whole machine spent busy (all cores, everything but idle and iowait). */
function sampleMachineBusySeconds(): number {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - (fields[3] ?? 0) - (fields[4] ?? 0)) / CLOCK_TICKS;
}

type ProcWatch = { cpuPercent: number; peakRssBytes: number; endRssBytes: number };
export type WatchResult = Record<string, ProcWatch> & {
  /** CPU used on the machine by processes outside the bench (other engineers' builds and tests). */
  others?: ProcWatch;
};

/** Share of samples the server's main (event-loop) thread spent in each scheduler state. */
export interface MainThreadStates {
  /** R: running or waiting for a core. */
  running: number;
  /** S: sleeping in epoll, i.e. the event loop had nothing to do. */
  idle: number;
  /** D: uninterruptible sleep, i.e. blocked on disk (SQLite write or checkpoint fsync). */
  disk: number;
  samples: number;
}

/** The scheduler state letter of a thread ("R", "S", "D", ...); null once it has exited. */
function readThreadState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
    return stat.charAt(stat.lastIndexOf(")") + 2);
  } catch {
    return null;
  }
}

/**
 * Samples the main thread's state every few ms (schedstat and delay accounting are off on this
 * kernel, so sampling is the portable way) to tell "busy", "idle" and "blocked on disk" apart.
 */
export function sampleMainThread(pid: number, intervalMs = 5) {
  const counts: Record<string, number> = {};
  let samples = 0;
  const timer = setInterval(() => {
    const state = readThreadState(pid);
    if (!state) return;
    counts[state] = (counts[state] ?? 0) + 1;
    samples++;
  }, intervalMs);
  return {
    stop(): MainThreadStates {
      clearInterval(timer);
      const share = (state: string) => (samples ? ((counts[state] ?? 0) / samples) * 100 : 0);
      return { running: share("R"), idle: share("S"), disk: share("D"), samples };
    },
  };
}

/**
 * Samples a set of processes every `intervalMs` until stopped; reports CPU % and peak RSS of each,
 * plus `others`: machine-wide busy CPU minus the watched processes, to flag a noisy machine.
 * Names in `trees` are measured with their descendants (sampleTree).
 */
export function watchProcs(pids: Record<string, number>, intervalMs = 200, trees: Record<string, number> = {}) {
  const sample = (name: string, pid: number) => (name in trees ? sampleTree(pid) : sampleProc(pid));
  pids = { ...pids, ...trees };
  const machineStart = sampleMachineBusySeconds();
  const wallStart = performance.now();
  const first: Record<string, ProcSample | null> = {};
  const peakRss: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    first[name] = sample(name, pid);
    peakRss[name] = first[name]?.rssBytes ?? 0;
  }
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) peakRss[name] = Math.max(peakRss[name] ?? 0, sampleProc(pid)?.rssBytes ?? 0);
  }, intervalMs);
  return {
    /** CPU % per process (100 = one full core) over the watch, and peak RSS in bytes. */
    stop(): WatchResult {
      clearInterval(timer);
      const out: WatchResult = {};
      let ownCpuSeconds = 0;
      for (const [name, pid] of Object.entries(pids)) {
        const end = sample(name, pid);
        const start = first[name];
        const seconds = end && start ? (end.at - start.at) / 1000 : 0;
        out[name] = {
          cpuPercent: end && start && seconds > 0 ? ((end.cpuSeconds - start.cpuSeconds) / seconds) * 100 : 0,
          peakRssBytes: Math.max(peakRss[name] ?? 0, end?.rssBytes ?? 0),
          endRssBytes: end?.rssBytes ?? 0,
        };
        ownCpuSeconds += end && start ? end.cpuSeconds - start.cpuSeconds : 0;
      }
      const wallSeconds = (performance.now() - wallStart) / 1000;
      const othersSeconds = sampleMachineBusySeconds() - machineStart - ownCpuSeconds;
      out.others = { cpuPercent: wallSeconds > 0 ? Math.max(0, (othersSeconds / wallSeconds) * 100) : 0, peakRssBytes: 0, endRssBytes: 0 };
      return out;
    },
  };
}
