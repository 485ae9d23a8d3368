import { createInterface } from "node:readline";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { reapWhenWeExit } from "./redis-server";
import { inheritedTestEnv, makeDataDir, removeDataDir, ROOT } from "./server-process";

export const WORKER_SCRIPT = "scripts/worker.ts";

export interface RunningWorker {
  proc: ChildProcess;
  /** Every stdout line the worker printed (pino JSON). */
  logs: string[];
  /** Sends a signal (SIGTERM by default), resolves with the exit code and removes the worker's temp DATA_DIR. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts a generation worker (`node --import tsx scripts/worker.ts`) as a child process and
 * resolves once it logs `"worker ready"` (it has no HTTP port to wait for). Same env hygiene as
 * `startServer`: a developer's provider settings never leak in, the built-in engine is forced.
 */
export async function startWorker(options: { env?: Record<string, string> } = {}): Promise<RunningWorker> {
  if (!existsSync(path.join(ROOT, WORKER_SCRIPT))) {
    throw new Error(`${WORKER_SCRIPT} does not exist yet: the scale-out worker entry point (issue 6) has not landed`);
  }
  // Without DATA_DIR the worker would fall back to ./data inside the repository.
  const ownDataDir = options.env?.DATA_DIR ? undefined : makeDataDir();
  const proc = spawn(process.execPath, ["--import", "tsx", WORKER_SCRIPT], {
    cwd: ROOT,
    env: {
      ...inheritedTestEnv(),
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      TEMPLATE_STEP_MS: "0",
      ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  let stderr = "";
  proc.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-16_000)));
  // A worker outliving a killed test run would keep polling Redis forever.
  const disarm = reapWhenWeExit(proc, "KILL");
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  void exited.then(disarm);
  const cleanUp = () => {
    if (ownDataDir) removeDataDir(ownDataDir);
  };
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    const code = await exited;
    cleanUp();
    return code;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not log "worker ready" in 60 s\n${logs.join("\n")}\n${stderr}`)), 60_000);
      createInterface({ input: proc.stdout! }).on("line", (line) => {
        logs.push(line);
        if (isReadyLine(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited with ${code} before it was ready\n${logs.join("\n")}\n${stderr}`));
      });
    });
  } catch (error) {
    // A worker that never became ready must not keep consuming jobs behind the test's back.
    await stop("SIGKILL");
    throw error;
  }
  return { proc, logs, stop };
}

/** The pino line `{"msg":"worker ready",…}`; parsed rather than substring-matched so a prompt echo cannot fake it. */
function isReadyLine(line: string): boolean {
  if (!line.includes("worker ready")) return false;
  try {
    return (JSON.parse(line) as { msg?: unknown }).msg === "worker ready";
  } catch {
    return false;
  }
}
