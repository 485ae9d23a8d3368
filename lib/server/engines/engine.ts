import type { GenerationErrorCode } from "@/lib/protocol";

/**
 * The seam between the generation runner and whatever writes the website.
 * Two engines implement it: the built-in template engine and the OpenAI-compatible LLM engine.
 * The runner owns events, sequencing, persistence, cancellation and progress maths:
 * an engine only turns (prompt, site so far) into the next site.
 */

/** The three files a generated site consists of. */
export interface SiteFiles {
  html: string;
  css: string;
  js: string;
}

/** One planned step of a generation, as shown in the progress UI. */
export interface PlannedStep {
  /** Stable id, unique within a generation, e.g. "structure". */
  id: string;
  /** Short human title, e.g. "Laying out the page structure". */
  title: string;
}

/** The one element a prompt is aimed at: its id, its markup, and its place ("body > main > section#menu"). */
export interface ElementTarget {
  id: string;
  html: string;
  path: string;
}

export interface PlanInput {
  prompt: string;
  /** Set when the prompt is aimed at one element: only that element may change. */
  target?: ElementTarget;
  /** The project's latest site when this generation is a follow-up edit; absent for a new site. */
  baseSite?: SiteFiles;
  signal: AbortSignal;
}

/** An uploaded image of the project, as engines may use it (`images/<name>` in the markup). */
export interface SiteImage {
  name: string;
  alt: string;
  role: "logo" | "image";
  width: number;
  height: number;
}

export interface StepInput {
  prompt: string;
  step: PlannedStep;
  /** Index of the step in the plan (0-based). */
  index: number;
  plan: PlannedStep[];
  /** The whole site as it stands before this step (empty strings before the first code step). */
  site: SiteFiles;
  baseSite?: SiteFiles;
  /** A follow-up's project versions up to its base, for engines that undo and redo. */
  history?: SiteHistory;
  /** Set when the prompt is aimed at one element: only that element may change. */
  target?: ElementTarget;
  /** The project's uploaded images, oldest first (the logo and photos an engine may place). */
  images?: SiteImage[];
  /** Aborted on cancel or shutdown: engines stop at the next safe point and throw. */
  signal: AbortSignal;
  /**
   * Engines that stream (LLMs) call this with the whole site so far as it grows, plus the fraction
   * of the step done (0..1); the runner throttles and publishes it. Optional for batch engines.
   */
  onPartial?: (site: SiteFiles, fraction: number) => void;
}

/** The versions a follow-up builds on (oldest first, ending with its base) and a way to read one. */
export interface SiteHistory {
  listVersions(): Promise<ReadonlyArray<{ version: number; prompt: string; restoredFrom?: number | null }>>;
  loadVersion(version: number): Promise<SiteFiles | null>;
}

export interface StepResult {
  /** The whole site after this step, or null when the step wrote no code (e.g. planning). */
  site: SiteFiles | null;
  /** Human message for the completed step, e.g. "Added 4 sections". */
  message?: string;
  /** True when `site.html` holds only the target element's new markup (an engine honouring `target`). */
  fragment?: boolean;
}

export interface GenerationEngine {
  /** Identifier shown in logs and metadata, e.g. "template" or "openai:gpt-4o-mini". */
  readonly name: string;
  /** The steps this prompt will go through. Called once per generation (not again on retry). */
  plan(input: PlanInput): Promise<PlannedStep[]>;
  /** Runs one step; must throw (any error) when `signal` is aborted. */
  runStep(input: StepInput): Promise<StepResult>;
  /** A prior estimate of one step's duration in seconds, used before any step has been measured. */
  estimateStepSeconds(): number;
  /** Set by engines whose planning takes a while (a model call): shown as the run's first step while `plan` runs. */
  readonly planningTitle?: string;
  /**
   * True when the engine keeps the markup's `data-ov-id` attributes (a model told to); others
   * (the template engine reads markup by pattern) get the base without them, and the ids are
   * derived again, the same for the same structure, from what they write.
   */
  readonly keepsElementIds?: boolean;
}

/** A typed failure an engine can raise so the runner reports a precise code to clients. */
export class EngineError extends Error {
  constructor(
    readonly code: GenerationErrorCode,
    message: string,
    readonly retryAvailable: boolean,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

export const emptySite = (): SiteFiles => ({ html: "", css: "", js: "" });
