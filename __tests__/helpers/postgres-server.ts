import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { findExecutable, findFreePort, reapWhenWeExit } from "./redis-server";

export interface RunningPostgres {
  /** `postgres://openv0@127.0.0.1:PORT/openv0` (trust auth on loopback, no password). */
  url: string;
  port: number;
  /** Temp dir holding the cluster and its socket; deleted by stop(). */
  dir: string;
  proc: ChildProcess;
  /** `pg_ctl stop -m immediate`, waits for the postmaster to exit, deletes the temp dir. */
  stop: () => Promise<void>;
}

const SUPERUSER = "openv0";
const DATABASE = "openv0";

/** initdb/pg_ctl/postgres live in /usr/lib/postgresql/<major>/bin on Debian (not on PATH); newest major wins. */
function findPostgresBin(): string {
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors) {
    const bin = path.join(root, major, "bin");
    if (["initdb", "pg_ctl", "postgres"].every((b) => existsSync(path.join(bin, b)))) return bin;
  }
  const initdb = findExecutable("initdb");
  if (initdb && existsSync(path.join(path.dirname(initdb), "pg_ctl"))) return path.dirname(initdb);
  throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found: install them: apt-get install -y postgresql");
}

/**
 * PostgreSQL refuses to run as root. As root we run every server binary as the `postgres` OS
 * user (created by the Debian package) by spawning with its uid/gid, which keeps the postmaster
 * our direct child so its PID is known; as a normal user we run them as ourselves.
 */
function resolveRunAs(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error("running as root needs a `postgres` OS user to run PostgreSQL: apt-get install -y postgresql (creates it)");
  }
}

function childOptions(dir: string, runAs: ReturnType<typeof resolveRunAs>): SpawnOptions {
  // A developer's PG* variables (PGDATA, PGPORT, PGHOST…) must not redirect our throw-away cluster.
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: "C" };
  for (const key of Object.keys(env)) if (key.startsWith("PG")) delete env[key];
  // cwd = our temp dir: the postgres user may not be allowed to read the repo directory.
  return { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], ...runAs };
}

/** Runs a short-lived PostgreSQL binary to completion; rejects with its output on failure. */
function runTool(binary: string, args: string[], options: SpawnOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(binary, args, options);
    let output = "";
    proc.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    proc.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    proc.once("error", reject);
    proc.once("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(binary)} exited with ${code}\n${output}`))));
  });
}

/**
 * Creates a throw-away cluster in a temp dir, starts it on a free loopback port, creates `openv0`.
 * Tests run it without durability (fsync off); `durable: true` keeps PostgreSQL's defaults (fsync,
 * synchronous_commit, full_page_writes on), for benchmarks that must count the WAL flush.
 */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  const runAs = resolveRunAs();
  const dir = mkdtempSync(path.join(tmpdir(), "openv0-pg-"));
  try {
    if (runAs) chownSync(dir, runAs.uid, runAs.gid);
    const options = childOptions(dir, runAs);
    const dataDir = path.join(dir, "data");
    // --locale=C: a machine whose LANG names an ungenerated locale would otherwise make initdb fail.
    await runTool(path.join(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", SUPERUSER, "--no-sync", "-E", "UTF8", "--locale=C"], options);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        return await launchPostgres({ bin, dir, dataDir, options, port: await findFreePort(), durable });
      } catch (error) {
        lastError = error;
        if (!/already in use|could not bind/i.test(String(error))) break;
      }
    }
    throw lastError;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function launchPostgres(o: { bin: string; dir: string; dataDir: string; options: SpawnOptions; port: number; durable: boolean }): Promise<RunningPostgres> {
  const fast = o.durable ? [] : ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];
  const settings = ["listen_addresses=127.0.0.1", ...fast, "max_connections=200"];
  const args = ["-D", o.dataDir, "-p", String(o.port), "-k", o.dir, ...settings.flatMap((s) => ["-c", s])];
  const proc = spawn(path.join(o.bin, "postgres"), args, o.options);
  // SIGQUIT = immediate shutdown; the reaper also deletes the cluster's files.
  const disarm = reapWhenWeExit(proc, "QUIT", o.dir);
  let output = "";
  proc.stdout!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-8_000)));
  proc.stderr!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-8_000)));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  void exited.then(disarm);
  let died: Error | undefined;
  proc.once("exit", (code, signal) => (died = new Error(`postgres exited (${code ?? signal}) before accepting connections\n${output}`)));
  proc.once("error", (error) => (died = error));

  const adminUrl = `postgres://${SUPERUSER}@127.0.0.1:${o.port}/postgres`;
  try {
    await waitForConnections(adminUrl, () => died, () => output);
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    proc.kill("SIGKILL");
    await exited;
    throw error;
  }

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        await runTool(path.join(o.bin, "pg_ctl"), ["stop", "-D", o.dataDir, "-m", "immediate", "-w", "-t", "20"], o.options).catch(() => {
          proc.kill("SIGKILL"); // pg_ctl could not do it (pid file gone?): the postmaster is our child
        });
        await exited;
      }
      rmSync(o.dir, { recursive: true, force: true });
    })());
  return { url: `postgres://${SUPERUSER}@127.0.0.1:${o.port}/${DATABASE}`, port: o.port, dir: o.dir, proc, stop };
}

/** Polls with a real client until the server accepts a query (it refuses while starting up). */
async function waitForConnections(url: string, died: () => Error | undefined, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const failure = died();
    if (failure) throw failure;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on("error", () => undefined); // reported through connect()/query()
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`postgres did not accept connections in 30 s: ${String(lastError)}\n${output()}`);
}
