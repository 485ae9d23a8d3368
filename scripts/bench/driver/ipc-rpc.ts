import type { ChildProcess } from "node:child_process";

/*
 * A tiny request/response layer over Node's IPC channel, shared by the bench orchestrator, its
 * client workers and the two servers it drives. Bench-only: nothing in the app imports it.
 */

interface RpcRequest {
  rpc: "req";
  id: number;
  cmd: string;
  args: unknown;
}
interface RpcReply {
  rpc: "res";
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export type RpcHandlers = Record<string, (args: never) => unknown>;

/** Answers requests arriving on this process's IPC channel (the process was spawned with "ipc"). */
export function serveRpc(handlers: RpcHandlers): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error("serveRpc needs an IPC channel (spawn with stdio 'ipc' or fork)");
  process.on("message", (message: unknown) => {
    const request = message as RpcRequest;
    if (request?.rpc !== "req") return;
    const handler = handlers[request.cmd];
    void (async () => {
      try {
        if (!handler) throw new Error(`unknown bench command ${request.cmd}`);
        const result = await handler(request.args as never);
        send({ rpc: "res", id: request.id, ok: true, result } satisfies RpcReply);
      } catch (error) {
        send({ rpc: "res", id: request.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies RpcReply);
      }
    })();
  });
}

export type RpcCall = <T = unknown>(cmd: string, args?: unknown, timeoutMs?: number) => Promise<T>;

/** Sends requests to a child process that runs `serveRpc`. */
export function createRpcClient(child: ChildProcess, name: string): RpcCall {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  child.on("message", (message: unknown) => {
    const reply = message as RpcReply;
    if (reply?.rpc !== "res") return;
    const entry = pending.get(reply.id);
    if (!entry) return;
    pending.delete(reply.id);
    clearTimeout(entry.timer);
    if (reply.ok) entry.resolve(reply.result);
    else entry.reject(new Error(`${name}: ${reply.error}`));
  });
  child.once("exit", (code, signal) => {
    for (const entry of pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(new Error(`${name} exited (${code ?? signal}) with a request pending`));
    }
    pending.clear();
  });
  return <T>(cmd: string, args?: unknown, timeoutMs = 60_000) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${name}: ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      child.send({ rpc: "req", id, cmd, args: args ?? null } satisfies RpcRequest);
    });
}
