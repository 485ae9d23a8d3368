import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { Redis } from "ioredis";

export interface RunningRedis {
  url: string;
  port: number;
  proc: ChildProcess;
  /** Kills the server and resolves once it has exited. */
  stop: () => Promise<void>;
}

/**
 * Asks the kernel for a free loopback port. The port is released before it is used, so a
 * collision is possible (another process may grab it): callers retry on "address in use".
 */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("could not find a free port"))));
    });
  });
}

/** Finds an executable on PATH (plus the Debian sbin dirs, which a normal user's PATH may lack). */
export function findExecutable(name: string, extraDirs: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/local/bin", "/usr/bin", "/usr/sbin", ...extraDirs];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/**
 * Makes sure `pid` does not outlive us, even if a test forgets stop() or Jest itself is killed
 * (Jest's sandbox never delivers `process.on("exit")`, and a killed run runs no afterAll). A tiny
 * shell blocks reading a pipe from us; when the pipe closes — we exited, however — it kills `pid`
 * and removes `dir`. Both child and pipes are unref'd so a forgotten stop() cannot hang Jest.
 * Returns the disarm function for the normal stop path.
 */
export function reapWhenWeExit(proc: ChildProcess, signal: "KILL" | "QUIT", dir = ""): () => void {
  proc.unref();
  for (const stream of [proc.stdout, proc.stderr]) (stream as { unref?: () => void } | null)?.unref?.();
  const script = 'read _; kill -s "$1" "$2" 2>/dev/null; if [ -n "$3" ]; then sleep 1; rm -rf "$3"; fi';
  const reaper = spawn("sh", ["-c", script, "openv0-reaper", signal, String(proc.pid), dir], { stdio: ["pipe", "ignore", "ignore"] });
  reaper.on("error", () => undefined); // no sh: we just lose the safety net
  reaper.unref();
  (reaper.stdin as { unref?: () => void } | null)?.unref?.();
  return () => {
    reaper.kill("SIGKILL");
  };
}

/**
 * Starts a throw-away `redis-server` on a free loopback port (no persistence) and resolves once it
 * answers PING. Retries with another port if the chosen one was taken in the meantime.
 */
export async function startRedis(): Promise<RunningRedis> {
  const binary = findExecutable("redis-server");
  if (!binary) throw new Error("redis-server not found: install it: apt-get install -y redis-server");
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await launchRedis(binary, await findFreePort());
    } catch (error) {
      lastError = error;
      if (!/address already in use/i.test(String(error))) break;
    }
  }
  throw lastError;
}

async function launchRedis(binary: string, port: number): Promise<RunningRedis> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"];
  const proc = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  const disarm = reapWhenWeExit(proc, "KILL");
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  void exited.then(disarm);
  let output = "";
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not become ready in 15 s\n${output}`)), 15_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on("data", onData);
      proc.stderr!.on("data", onData);
      proc.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code} before it was ready\n${output}`));
      });
    });
    // The log line says the listener is up; a real PING proves the URL we hand out works.
    await pingRedis(`redis://127.0.0.1:${port}`);
  } catch (error) {
    proc.kill("SIGKILL");
    await exited;
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    proc,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      await exited;
    },
  };
}

/** Connects once (no retries), sends PING and disconnects; throws if the answer is not PONG. */
export async function pingRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5_000 });
  client.on("error", () => undefined); // surfaced by connect()/ping() below, not as an unhandled event
  try {
    await client.connect();
    const answer = await client.ping();
    if (answer !== "PONG") throw new Error(`redis answered ${answer} to PING`);
  } finally {
    client.disconnect();
  }
}
