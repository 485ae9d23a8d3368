import type { SessionEventInput } from "@/lib/protocol";

/*
 * The events the bench publishes, identical for OpenV0 and the plain Socket.IO baseline. The
 * protocol's zod schemas strip unknown keys, so the send times travel inside fields that exist:
 * the step's `message` string and the preview's free-form `metadata`.
 */

export type BenchEventKind = "step" | "preview";

/**
 * Wall-clock milliseconds with sub-millisecond resolution. Comparable across processes on one
 * machine: `timeOrigin` is the process start on the system clock, `now()` the monotonic offset.
 */
export const nowMs = (): number => performance.timeOrigin + performance.now();

const STEP_PREFIX = "bench ";

/** A `generation:step` carrying the actual publish time and the time the rate plan scheduled it. */
export function buildStepEvent(sessionId: string, sentAt: number, scheduledAt: number): SessionEventInput {
  return {
    type: "generation:step",
    data: {
      session_id: sessionId,
      timestamp: new Date().toISOString(),
      step_id: "bench",
      step_number: 1,
      total_steps: 1,
      status: "in_progress",
      progress: 50,
      message: `${STEP_PREFIX}${sentAt.toFixed(3)} ${scheduledAt.toFixed(3)}`,
      estimated_remaining: 1,
      title: "Bench step",
    },
  };
}

/** A `preview:updated` whose html_content is one of the pre-built pages of about `bytes` bytes. */
export function buildPreviewEvent(sessionId: string, html: string, version: number, sentAt: number, scheduledAt: number): SessionEventInput {
  return {
    type: "preview:updated",
    data: {
      session_id: sessionId,
      timestamp: new Date().toISOString(),
      step_id: "bench",
      preview_url: `/preview/${sessionId}`,
      html_content: html,
      css_content: "body{font-family:system-ui;margin:0}.hero{padding:4rem 2rem}",
      js_content: "",
      version,
      metadata: { bench_sent_at: sentAt, bench_scheduled_at: scheduledAt },
    },
  };
}

/** Reads the two times back from a received step or preview payload; null for other events. */
export function readBenchTimes(data: unknown): { sentAt: number; scheduledAt: number } | null {
  const record = data as { message?: unknown; metadata?: { bench_sent_at?: unknown; bench_scheduled_at?: unknown } };
  if (typeof record?.message === "string" && record.message.startsWith(STEP_PREFIX)) {
    const [sent, scheduled] = record.message.slice(STEP_PREFIX.length).split(" ");
    return { sentAt: Number(sent), scheduledAt: Number(scheduled) };
  }
  const meta = record?.metadata;
  if (meta && typeof meta.bench_sent_at === "number" && typeof meta.bench_scheduled_at === "number") {
    return { sentAt: meta.bench_sent_at, scheduledAt: meta.bench_scheduled_at };
  }
  return null;
}

const WORDS = (
  "bakery bread crumb fresh oven sourdough morning coffee pastry butter flour garden green local " +
  "order menu visit open daily team story craft season market honey rye loaf cake tart almond " +
  "contact about gallery events catering delivery weekend hours street corner family recipe warm " +
  "welcome taste organic simple quality small batch hand made since years community friends table"
).split(" ");
const TAGS = ["section", "article", "div", "aside"];

/** Deterministic PRNG (mulberry32) so every run publishes the same pages. */
function createRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * HTML-like pages of `bytes` characters (ASCII, so characters = bytes), varied enough that
 * deflate sees realistic markup (repeated tags and classes, varied prose) rather than one
 * repeated string. Each message is compressed on its own when context takeover is off.
 */
export function buildPreviewPages(count: number, bytes: number): string[] {
  const random = createRandom(20_240_601);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const pages: string[] = [];
  for (let p = 0; p < count; p++) {
    let html = "";
    while (html.length < bytes) {
      const tag = pick(TAGS);
      const words = Array.from({ length: 12 + Math.floor(random() * 30) }, () => pick(WORDS)).join(" ");
      html += `<${tag} class="block block-${pick(WORDS)}" id="s${html.length}"><h2>${pick(WORDS)} ${pick(WORDS)}</h2><p>${words}.</p></${tag}>\n`;
    }
    pages.push(html.slice(0, bytes));
  }
  return pages;
}
