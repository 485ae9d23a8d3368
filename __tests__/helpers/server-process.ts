import { createInterface } from "node:readline";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

export interface RunningServer {
  port: number;
  url: string;
  dataDir: string;
  proc: ChildProcess;
  /** Every stdout line the server printed (pino JSON). */
  logs: string[];
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** The parent's env for a spawned app process, minus what would change its engine. */
export function inheritedTestEnv(): Record<string, string | undefined> {
  // A developer's own provider settings must not turn every test into real LLM calls.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|GENERATION_ENGINE)/.test(k)));
  return { ...env, GENERATION_ENGINE: "template" };
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "openv0-test-"));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts the real server (`node --import tsx server.ts`, production build, PORT=0) as a child
 * process and resolves with the port it printed. Booting Next inside Jest is not possible.
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  if (!existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (npm test does it).");
  }
  const dataDir = options.dataDir ?? makeDataDir();
  const proc = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...inheritedTestEnv(),
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      TEMPLATE_STEP_MS: "0",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  let stderr = "";
  proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL"); // never leave a half-started server behind
      reject(new Error(`server did not start in 60 s\n${stderr}`));
    }, 60_000);
    createInterface({ input: proc.stdout! }).on("line", (line) => {
      logs.push(line);
      if (line.includes('"server listening"')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\n${stderr}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    proc,
    logs,
    stop: async (signal = "SIGTERM") => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}
