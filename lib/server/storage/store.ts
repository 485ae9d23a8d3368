import type { GenerationState, SessionEvent, SessionStatus } from "@/lib/protocol";
import type { SiteFiles } from "../engines/engine";

export interface SessionRecord {
  id: string;
  projectId: string;
  prompt: string;
  status: SessionStatus;
  lastSeq: number;
  engine: string | null;
  /** Project version this session edits (follow-ups); null for a new site. */
  baseVersion: number | null;
  /** JSON of the turn's `SessionInstruction`, or null (validated when the job reads it). */
  instruction: string | null;
  createdAt: string;
}

export interface ProjectVersion {
  projectId: string;
  version: number;
  sessionId: string;
  prompt: string;
  site: SiteFiles;
  createdAt: string;
  /** The version this one is a copy of (a restore); null or absent for a generated version. */
  restoredFrom?: number | null;
}

export interface NewSession {
  id: string;
  projectId: string;
  prompt: string;
  tokenHash: string;
  viewerTokenHash: string;
  engine: string;
  baseVersion: number | null;
  /** JSON of a `SessionInstruction` (direct edit or aimed prompt). */
  instruction?: string;
  /** Set when the project is new: its token hash. */
  newProjectTokenHash?: string;
  /** Set when the project is new: its read-only (viewer) token hash. */
  newProjectViewerTokenHash?: string;
}

export interface SessionSecrets {
  tokenHash: string;
  viewerTokenHash: string;
  /** The project's token hash: the owner of the project owns every one of its sessions. */
  projectTokenHash: string;
  /** The project's read-only token hash: it watches every session of the project. */
  projectViewerTokenHash: string | null;
  session: SessionRecord;
}

export interface ProjectRecord {
  id: string;
  /** Set by a rename; null means "named after its site". */
  name: string | null;
  createdAt: string;
}

export type RestoreReservation =
  | { outcome: "reserved"; source: ProjectVersion; baseVersion: number | null }
  | { outcome: "not-found" }
  | { outcome: "busy" }
  | { outcome: "limit" };

export type ProjectDeletion = { outcome: "deleted"; sessionIds: string[] } | { outcome: "not-found" } | { outcome: "busy" };
/** A project's public site: the address and the version it serves. */
export interface Publication {
  projectId: string;
  slug: string;
  version: number;
  publishedAt: string;
  updatedAt: string;
  visits: number;
}

/** What `/s/:slug` serves: the published version's files and what its page head says. */
export interface PublishedSite {
  publication: Publication;
  site: SiteFiles;
  prompt: string;
  /** The project's own name (a rename), when it has one. */
  projectName: string | null;
}

/** A prompt waiting for the project's current run to end. */
export interface QueuedPrompt {
  id: string;
  projectId: string;
  prompt: string;
  position: number;
  createdAt: string;
}

/** Publishing and the prompt queue (publication-rows.ts, prompt-queue-rows.ts). */
export interface PublishAndQueueMethods {
  getPublication(projectId: string): Promise<Publication | null>;
  /** Publishes (or republishes) `version` at `slug`; "slug-taken" when another project holds it. */
  savePublication(input: { projectId: string; slug: string; version: number }): Promise<Publication | "slug-taken">;
  /** false when the project was not published. */
  deletePublication(projectId: string): Promise<boolean>;
  /** The site at `slug`, counting the visit; null when nothing is published there. */
  visitPublishedSite(slug: string): Promise<PublishedSite | null>;
  /** A project's waiting prompts, in the order they will run. */
  listQueuedPrompts(projectId: string): Promise<QueuedPrompt[]>;
  /** Adds a prompt at the end; "full" when `max` are already waiting. */
  addQueuedPrompt(input: { id: string; projectId: string; prompt: string; max: number }): Promise<QueuedPrompt | "full">;
  editQueuedPrompt(input: { projectId: string; id: string; prompt: string }): Promise<QueuedPrompt | null>;
  removeQueuedPrompt(input: { projectId: string; id: string }): Promise<boolean>;
  /**
   * When none of the project's sessions is unfinished, removes its first waiting prompt and
   * creates the session that runs it, in one transaction (two nodes never both take it).
   */
  takeQueuedPrompt(input: { projectId: string; toSession: (item: QueuedPrompt, baseVersion: number | null) => NewSession }): Promise<{ item: QueuedPrompt; session: SessionRecord } | null>;
  /** Projects that have prompts waiting (start-up drains them). */
  listProjectsWithQueuedPrompts(): Promise<string[]>;
}

/** An uploaded image of a project, without its bytes. */
export interface ProjectAsset {
  projectId: string;
  name: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  alt: string;
  role: "logo" | "image";
  createdAt: string;
}

/** A project's uploaded images (asset-rows.ts). */
export interface AssetMethods {
  /**
   * Stores an image, unless the project already holds `max` (counted and inserted under the
   * project row's lock, so parallel uploads never pass the cap); "no-project" when it is gone.
   */
  addProjectAsset(input: Omit<ProjectAsset, "createdAt"> & { data: Uint8Array; max: number }): Promise<ProjectAsset | "full" | "no-project">;
  /** A project's images, oldest first, without their bytes. */
  listProjectAssets(projectId: string): Promise<ProjectAsset[]>;
  /** The named images with their bytes (unknown names are left out). */
  readProjectAssets(projectId: string, names: string[]): Promise<Array<ProjectAsset & { data: Uint8Array }>>;
  /** The files of the version published at `slug` and its project, without counting a visit (its images are served apart). */
  readPublishedFiles(slug: string): Promise<{ projectId: string; site: SiteFiles } | null>;
}

/** Most events one `appendEvents` call takes (one statement on PostgreSQL). */
export const MAX_APPEND_BATCH = 1_000;

/** Where a session's log ends: its newest seq and the status that seq left it in. */
export interface SessionHead {
  lastSeq: number;
  status: SessionStatus;
}

/** One session's move in a group commit: its head goes from `fromSeq` to `toSeq`. */
export interface SessionAdvance {
  sessionId: string;
  fromSeq: number;
  toSeq: number;
  status: SessionStatus;
  updatedAt: string;
  /**
   * The status at `fromSeq`, when known. `updated_at` (read only to find finished sessions to
   * compact) moves only with the status: rewriting it, and its index, at every flush cost a third
   * of each head move.
   */
  fromStatus?: SessionStatus;
}

/**
 * Another writer moved a session's log since this process read its head: nothing of the batch was
 * written; reload the heads and sequence again.
 */
export class SeqConflictError extends Error {
  constructor() {
    super("a session's last_seq moved under this batch");
    this.name = "SeqConflictError";
  }
}

/**
 * Durable storage behind one query layer (Kysely) for SQLite and PostgreSQL. Seqs are allocated by
 * the publisher (see group-commit.ts) and fenced here: an append only commits when every session's
 * `last_seq` is still what the publisher read, and the `(session_id, seq)` key refuses duplicates.
 */
export interface Store extends PublishAndQueueMethods, AssetMethods {
  createSession(input: NewSession): Promise<SessionRecord>;
  getSession(id: string): Promise<SessionRecord | null>;
  /** Hashes needed to authorise a token for the session, with the session itself (one read). */
  getSessionSecrets(id: string): Promise<SessionSecrets | null>;
  getProjectTokenHash(projectId: string): Promise<string | null>;
  getProject(projectId: string): Promise<ProjectRecord | null>;
  /** The project's read-only token hash; null when none was issued (or no such project). */
  getProjectViewerTokenHash(projectId: string): Promise<string | null>;
  /** Replaces the project's viewer token hash (the old share link stops working); false if no project. */
  setProjectViewerTokenHash(projectId: string, hash: string): Promise<boolean>;
  /** false when there is no such project. */
  renameProject(projectId: string, name: string): Promise<boolean>;
  /**
   * Removes the project with its sessions, events, snapshots and versions (one transaction), and
   * names the sessions removed; "busy", touching nothing, while one of its sessions is not finished.
   */
  deleteProject(projectId: string): Promise<ProjectDeletion>;
  listSessionsByStatus(statuses: SessionStatus[]): Promise<SessionRecord[]>;
  /** A project's sessions (its conversation's turns), oldest first, at most `limit`. */
  listProjectSessions(projectId: string, limit: number): Promise<SessionRecord[]>;
  /** Heads of the given sessions (missing sessions are left out). */
  getSessionHeads(sessionIds: string[]): Promise<Map<string, SessionHead>>;
  /**
   * Appends `events` (already sequenced) and moves each session's head, all in one transaction;
   * throws SeqConflictError, having written nothing, when a head is not at its `fromSeq`.
   */
  appendEvents(events: SessionEvent[], advances: SessionAdvance[]): Promise<void>;
  /** Every logged event after `afterSeq`, in order, validated (cold folds; not the replay path). */
  readEvents(sessionId: string, afterSeq: number): Promise<SessionEvent[]>;
  /**
   * At most `limit` logged events after `afterSeq`, in order. Not re-validated: the log was
   * validated on the way in, and this is the replay hot path.
   */
  readEventPage(sessionId: string, afterSeq: number, limit: number): Promise<SessionEvent[]>;
  addProjectVersion(input: Omit<ProjectVersion, "version" | "createdAt">): Promise<ProjectVersion>;
  /**
   * The version a session's run produced: stored once per session. A second call for the same
   * session (a retry after a crash between the version and the completion, a job taken over)
   * updates that version's files instead of adding another, so no version is orphaned.
   */
  saveSessionVersion(input: Omit<ProjectVersion, "version" | "createdAt" | "restoredFrom">): Promise<ProjectVersion>;
  /** The version a session's run produced (not a restore), or null. */
  getSessionVersion(projectId: string, sessionId: string): Promise<ProjectVersion | null>;
  /** Version numbers the given sessions produced (restores left out); sessions without one are absent. */
  listSessionVersions(projectId: string, sessionIds: string[]): Promise<Map<string, number>>;
  latestProjectVersion(projectId: string): Promise<ProjectVersion | null>;
  getProjectVersion(projectId: string, version: number): Promise<ProjectVersion | null>;
  /** Versions without their files, oldest first: all of them, or the newest `limit` below `before`. */
  listProjectVersionSummaries(projectId: string, page?: { before?: number; limit: number }): Promise<Omit<ProjectVersion, "site">[]>;
  countProjectVersions(projectId: string): Promise<number>;
  /**
   * Creates a restore turn's session for version `from` (its base: the project's newest version),
   * in one transaction with the project row locked: "busy" while another turn of the project is
   * queued or running, "limit" once the project holds `maxRestores` restored copies (0 = no cap).
   * One turn at a time, so the copy a reserved turn adds is the only one that can race the cap.
   */
  reserveRestoreTurn(input: { session: Omit<NewSession, "baseVersion" | "newProjectTokenHash" | "newProjectViewerTokenHash">; from: number; maxRestores?: number }): Promise<RestoreReservation>;
  /** The folded state a compacted session keeps instead of its events up to `throughSeq`. */
  getSnapshot(sessionId: string): Promise<{ throughSeq: number; state: GenerationState } | null>;
  /** Replaces the session's events up to `throughSeq` by `state` (atomically). */
  compactSession(sessionId: string, throughSeq: number, state: GenerationState): Promise<void>;
  /** Finished sessions last updated before the ISO time whose log still has events to compact. */
  listCompactableSessions(finishedBefore: string, limit: number): Promise<string[]>;
  close(): Promise<void>;
}
