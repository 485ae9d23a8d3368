import type { GenerationState, Role, SessionEvent, SessionStatus } from "@/lib/protocol";
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
  /** Set when the project is new: its token hash. */
  newProjectTokenHash?: string;
}

/** Builds the event to append once its seq is known, with the session's status after it. */
export type EventBuilder = (seq: number, currentStatus: SessionStatus) => { event: SessionEvent; status: SessionStatus };

/**
 * Durable storage behind one query layer (Kysely) for SQLite and PostgreSQL. Sequence numbers are
 * allocated inside the append transaction, so they stay gap-free under concurrent publishers.
 */
export interface Store {
  readonly dialect: "sqlite" | "postgres";
  createSession(input: NewSession): Promise<SessionRecord>;
  getSession(id: string): Promise<SessionRecord | null>;
  /** Hashes needed to authorise a token for the session. */
  getSessionSecrets(id: string): Promise<{ tokenHash: string; viewerTokenHash: string } | null>;
  getProjectTokenHash(projectId: string): Promise<string | null>;
  listSessionsByStatus(statuses: SessionStatus[]): Promise<SessionRecord[]>;
  /** A project's sessions (its conversation's turns), oldest first, at most `limit`. */
  listProjectSessions(projectId: string, limit: number): Promise<SessionRecord[]>;
  /** The newest seq of each given session (missing sessions are left out). */
  getLastSeqs(sessionIds: string[]): Promise<Map<string, number>>;
  /** Allocates the next seq, appends the built event and sets the session's status, atomically. */
  appendEvent(sessionId: string, build: EventBuilder): Promise<SessionEvent>;
  readEvents(sessionId: string, afterSeq: number): Promise<SessionEvent[]>;
  addProjectVersion(input: Omit<ProjectVersion, "version" | "createdAt">): Promise<ProjectVersion>;
  latestProjectVersion(projectId: string): Promise<ProjectVersion | null>;
  getProjectVersion(projectId: string, version: number): Promise<ProjectVersion | null>;
  /** Versions without their files, oldest first. */
  listProjectVersionSummaries(projectId: string): Promise<Omit<ProjectVersion, "site">[]>;
  /** Copies `version` as the project's newest version (atomically); null when it does not exist. */
  restoreProjectVersion(projectId: string, version: number): Promise<ProjectVersion | null>;
  /** The folded state a compacted session keeps instead of its events up to `throughSeq`. */
  getSnapshot(sessionId: string): Promise<{ throughSeq: number; state: GenerationState } | null>;
  /** Replaces the session's events up to `throughSeq` by `state` (atomically). */
  compactSession(sessionId: string, throughSeq: number, state: GenerationState): Promise<void>;
  /** Finished sessions last updated before the ISO time whose log still has events to compact. */
  listCompactableSessions(finishedBefore: string, limit: number): Promise<string[]>;
  close(): Promise<void>;
}

export type { Role };
