import { z } from "zod";
import type { PlannedStep, SiteFiles } from "../engine";
import { stripThinking } from "./extract-code";
import type { ChatMessage } from "./stream-chat";

/*
 * The plan is the model's structured answer (JSON, validated here), turned into the steps the
 * runner announces. Everything a later step needs from the plan lives in the step's title, and
 * the titles are in the event log (`generation:started`), so a retry rebuilds the plan exactly.
 */

/** Step ids, and the one file each step writes. */
export const STEP_FILES = { structure: "html", styling: "css", interactivity: "js" } as const;
export type StepId = keyof typeof STEP_FILES;
export const isStepId = (id: string): id is StepId => Object.hasOwn(STEP_FILES, id);

const TITLE_MAX = 200;
/** One line of model text: control characters and runs of whitespace collapsed, clipped. */
const line = (max: number) =>
  z.string().transform((s) => clip(s.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim(), max));
/** Models write null or leave a field out for "nothing"; both mean the empty string. */
const optionalLine = (max: number) => line(max).nullish().transform((s) => s ?? "");
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/** Sections may come as names or as objects with a name or title. */
const sectionSchema = z.union([
  line(40),
  z.object({ name: line(40) }).transform((o) => o.name),
  z.object({ title: line(40) }).transform((o) => o.title),
]);

export const newSitePlanSchema = z.object({
  sections: z.array(sectionSchema).transform((a) => a.filter(Boolean).slice(0, 12)).pipe(z.array(z.string()).min(1)),
  style: line(140).pipe(z.string().min(1, "style must describe the look")),
  interactivity: optionalLine(140),
});

export const editPlanSchema = z
  .object({ html: optionalLine(140), css: optionalLine(140), js: optionalLine(140) })
  .refine((p) => p.html || p.css || p.js, "at least one of html, css and js must describe a change");

const PLANNER = `You are OpenV0's planner. You plan a single-page website that is built in three passes: body markup (HTML), stylesheet (CSS), script (JavaScript).
Output format: JSON
Reply with one JSON object and nothing else: no Markdown fences, no commentary.`;

const NEW_SITE_SHAPE = `The object has exactly this shape:
{"sections": ["<section name>", ...], "style": "<visual direction>", "interactivity": "<behaviour the script adds>"}
- sections: 3 to 8 short section names in page order, e.g. "hero", "menu", "testimonials", "contact".
- style: palette, typography and mood in one sentence under 140 characters.
- interactivity: small, robust enhancements in one sentence under 140 characters.`;

const EDIT_SHAPE = `The user wants to change an existing site. The object has exactly this shape:
{"html": "<what to change in the markup>", "css": "<what to change in the stylesheet>", "js": "<what to change in the script>"}
Each value is one sentence under 140 characters, or "" when that file needs no change. New or changed markup usually needs matching styles.`;

/** The chat that asks for a plan. */
export function buildPlanMessages({ prompt, baseSite }: { prompt: string; baseSite?: SiteFiles }): ChatMessage[] {
  if (!baseSite) {
    return [
      { role: "system", content: `${PLANNER}\n${NEW_SITE_SHAPE}` },
      { role: "user", content: `Website request: ${prompt}` },
    ];
  }
  return [
    { role: "system", content: `${PLANNER}\n${EDIT_SHAPE}` },
    { role: "user", content: `The current body markup:\n<current>\n${baseSite.html}\n</current>\n\nEdit request: ${prompt}` },
  ];
}

/** What to tell the model when its plan was unusable, for the one retry it gets. */
export function buildPlanCorrection(answer: string, problem: string): ChatMessage[] {
  return [
    { role: "assistant", content: answer.slice(0, 4000) },
    { role: "user", content: `That answer was not usable (${problem}). Reply again with the JSON object only, in exactly the shape described.` },
  ];
}

export type PlanResult = { ok: true; steps: PlannedStep[] } | { ok: false; problem: string };

/** Validates a planner answer and turns it into steps; explains the problem when it is unusable. */
export function parsePlanAnswer(rawAnswer: string, { edit }: { edit: boolean }): PlanResult {
  const answer = stripThinking(rawAnswer);
  const start = answer.indexOf("{");
  const end = answer.lastIndexOf("}");
  if (start === -1 || end < start) return { ok: false, problem: "no JSON object found" };
  let json: unknown;
  try {
    json = JSON.parse(answer.slice(start, end + 1));
  } catch {
    return { ok: false, problem: "the JSON does not parse" };
  }
  if (edit) {
    const plan = editPlanSchema.safeParse(json);
    if (!plan.success) return { ok: false, problem: describeIssues(plan.error) };
    const steps: PlannedStep[] = [];
    if (plan.data.html) steps.push({ id: "structure", title: clip(`Edit the markup: ${plan.data.html}`, TITLE_MAX) });
    if (plan.data.css) steps.push({ id: "styling", title: clip(`Edit the styles: ${plan.data.css}`, TITLE_MAX) });
    if (plan.data.js) steps.push({ id: "interactivity", title: clip(`Edit the script: ${plan.data.js}`, TITLE_MAX) });
    return { ok: true, steps };
  }
  const plan = newSitePlanSchema.safeParse(json);
  if (!plan.success) return { ok: false, problem: describeIssues(plan.error) };
  const { sections, style, interactivity } = plan.data;
  return {
    ok: true,
    steps: [
      { id: "structure", title: clip(`Structure: ${sections.join(", ")}`, TITLE_MAX) },
      { id: "styling", title: clip(`Styling: ${style}`, TITLE_MAX) },
      { id: "interactivity", title: clip(`Interactivity: ${interactivity || "mobile navigation and smooth scrolling"}`, TITLE_MAX) },
    ],
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "object"}: ${i.message}`)
    .join("; ");
}
