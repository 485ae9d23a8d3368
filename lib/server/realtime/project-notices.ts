import type { ProjectTurnNotice, SessionEvent } from "@/lib/protocol";

/** The Socket.IO room of a project's watchers: sockets whose token may see the whole project. */
export const roomForProject = (projectId: string) => `project:${projectId}`;

/*
 * Rooms by access, so a revocation reaches exactly the sockets it revokes on every node (through
 * the adapter): every socket of any session of the project, whatever its token (a delete drops
 * them all), and the sockets that logged in with the project's share token (a new one drops them).
 */
export const roomForProjectSockets = (projectId: string) => `project-sockets:${projectId}`;
export const roomForProjectShare = (projectId: string) => `project-share:${projectId}`;

/** What the notices need from the Socket.IO server: a room emit (through the adapter, every node). */
export interface ProjectRooms {
  to(room: string): { emit(event: "project:turn", notice: ProjectTurnNotice): unknown };
}

export interface ProjectNotices {
  /** A new turn (session) of the project was created. */
  turnStarted(projectId: string, sessionId: string): void;
  /** Called for each committed event: a run starting or ending changes the turn's status. */
  noteEvent(event: SessionEvent, projectIdOf: (sessionId: string) => Promise<string | null>): void;
}

/**
 * `project:turn` notices, so a project page open elsewhere (a second tab, a read-only share) sees a
 * new turn or a turn's new status without a reload. They are hints, never state: not logged, no
 * seq; the page reloads the turn list from the API, which stays the one source of truth.
 */
export function createProjectNotices(io: ProjectRooms): ProjectNotices {
  const send = (notice: ProjectTurnNotice) => void io.to(roomForProject(notice.project_id)).emit("project:turn", notice);
  return {
    turnStarted: (projectId, sessionId) => send({ project_id: projectId, session_id: sessionId, change: "started" }),
    noteEvent: (event, projectIdOf) => {
      if (event.type !== "generation:started" && event.type !== "generation:completed") return;
      const sessionId = event.data.session_id;
      // A run's start names its project; its end does not, so that one is looked up.
      const projectId = event.type === "generation:started" ? Promise.resolve(event.data.project_id) : projectIdOf(sessionId);
      projectId.then(
        (projectId) => projectId && send({ project_id: projectId, session_id: sessionId, change: "updated" }),
        () => undefined, // A hint only: the page's next reload of the turns shows the change anyway.
      );
    },
  };
}
