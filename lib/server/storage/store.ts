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

/**
 * Durable storage. Synchronous on purpose: appending an event and reading a replay happen
 * inside one tick of the event loop, which is what makes "replay then live" gap-free on a node.
 */
export interface Store {
  createSession(input: NewSession): SessionRecord;
  getSession(id: string): SessionRecord | null;
  /** Hashes needed to authorise a token for the session. */
  getSessionSecrets(id: string): { tokenHash: string; viewerTokenHash: string } | null;
  getProjectTokenHash(projectId: string): string | null;
  listSessionsByStatus(statuses: SessionStatus[]): SessionRecord[];
  /** Appends the event (its seq must be lastSeq + 1) and sets the session's status, atomically. */
  appendEvent(event: SessionEvent, status: SessionStatus): void;
  readEvents(sessionId: string, afterSeq: number): SessionEvent[];
  addProjectVersion(input: Omit<ProjectVersion, "version" | "createdAt">): ProjectVersion;
  latestProjectVersion(projectId: string): ProjectVersion | null;
  listProjectVersions(projectId: string): ProjectVersion[];
  /** The project's versions without their files, oldest first. */
  listProjectVersionSummaries(projectId: string): Omit<ProjectVersion, "site">[];
  getProjectVersion(projectId: string, version: number): ProjectVersion | null;
  /** Copies `version` as the project's newest version (atomically); null when it does not exist. */
  restoreProjectVersion(projectId: string, version: number): ProjectVersion | null;
  /** The folded state a compacted session keeps instead of its events up to `throughSeq`. */
  getSnapshot(sessionId: string): { throughSeq: number; state: GenerationState } | null;
  /** Replaces the session's events up to `throughSeq` by `state` (atomically). */
  compactSession(sessionId: string, throughSeq: number, state: GenerationState): void;
  /** Finished sessions last updated before the ISO time whose log still has events to compact. */
  listCompactableSessions(finishedBefore: string, limit: number): string[];
  close(): void;
}

export type { Role };
