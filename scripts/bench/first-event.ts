import { io } from "socket.io-client";
import { sessionEventTypes } from "@/lib/protocol";
import { nowMs } from "./driver/bench-payloads";
import { percentiles, type Percentiles } from "./percentiles";

export interface FirstEventResult {
  runs: number;
  /** The very first generation on the fresh server (route code loads lazily): not in the percentiles. */
  coldFirstEventMs: number | null;
  failed: number;
  /** POST sent → 202 received. */
  postMs: Percentiles | null;
  /** POST sent → first session event received on the socket (what the user waits for). */
  firstEventMs: Percentiles | null;
  /** POST sent → generation:completed received (built-in template engine, TEMPLATE_STEP_MS=0). */
  completedMs: Percentiles | null;
}

const SESSION_EVENTS = new Set<string>(sessionEventTypes);

/**
 * (g) Real generations, one after another on an otherwise idle server: POST /api/generations,
 * open the socket like the workspace does (lastEventId 0), time the first event. Each run waits
 * for `generation:completed` so runs do not overlap.
 */
export async function measureFirstEvent(url: string, runs: number): Promise<FirstEventResult> {
  const post: number[] = [];
  const first: number[] = [];
  const completed: number[] = [];
  let failed = 0;
  let coldFirstEventMs: number | null = null;
  for (let i = -1; i < runs; i++) {
    if (i === 0) {
      coldFirstEventMs = first.pop() ?? null;
      post.length = 0;
      completed.length = 0;
    }
    const t0 = nowMs();
    try {
      const response = await fetch(`${url}/api/generations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt: `A bakery called Crumb & Co, in green (bench run ${i})` }),
      });
      if (response.status !== 202) throw new Error(`POST /api/generations answered ${response.status}`);
      const { sessionId, token } = (await response.json()) as { sessionId: string; token: string };
      post.push(nowMs() - t0);
      await new Promise<void>((resolve, reject) => {
        const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { sessionId, token, lastEventId: 0 } });
        const timer = setTimeout(() => {
          socket.disconnect();
          reject(new Error("generation did not complete in 20 s"));
        }, 20_000);
        let sawFirst = false;
        socket.onAny((type: string) => {
          if (!SESSION_EVENTS.has(type)) return;
          if (!sawFirst) {
            sawFirst = true;
            first.push(nowMs() - t0);
          }
          if (type === "generation:completed") {
            completed.push(nowMs() - t0);
            clearTimeout(timer);
            socket.disconnect();
            resolve();
          }
        });
        socket.on("connect_error", (error) => {
          clearTimeout(timer);
          reject(error);
        });
      });
    } catch (error) {
      failed++;
      console.error(`  (g) run ${i} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { runs, coldFirstEventMs, failed, postMs: percentiles(post), firstEventMs: percentiles(first), completedMs: percentiles(completed) };
}
