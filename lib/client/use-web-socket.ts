import { useCallback, useEffect, useRef } from "react";
import type { ProjectTurnNotice } from "@/lib/protocol";
import { useGenerationStoreApi } from "@/stores/generation-store-provider";
import { connectSessionSocket, type SessionSocket } from "./session-socket";

/** Default heartbeat interval of the server (HEARTBEAT_INTERVAL_MS). */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 25_000;

export interface UseWebSocketOptions {
  sessionId: string;
  /** Owner or viewer token; without one nothing connects. */
  token: string | null;
  heartbeatIntervalMs?: number;
  /** `project:turn` notices of the session's project (the project page's live thread). */
  onProjectTurn?: (notice: ProjectTurnNotice) => void;
}

/**
 * The seed's hook, made reliable and cut to what the workspace uses: it feeds the workspace store
 * (validated, de-duplicated, gap-checked events; components read the store, not callbacks),
 * resumes after the last applied seq on reconnect, and returns `reconnect` for "Retry now".
 * Must be used inside <GenerationStoreProvider>.
 */
export function useWebSocket({ sessionId, token, heartbeatIntervalMs = DEFAULT_HEARTBEAT_INTERVAL_MS, onProjectTurn }: UseWebSocketOptions) {
  const store = useGenerationStoreApi();
  const connectionRef = useRef<SessionSocket | null>(null);
  // The newest callback, without reconnecting the socket each time its identity changes.
  const projectTurnRef = useRef(onProjectTurn);
  useEffect(() => {
    projectTurnRef.current = onProjectTurn;
  }, [onProjectTurn]);

  useEffect(() => {
    if (!token) return;
    const connection = connectSessionSocket({
      sessionId, token, store, heartbeatIntervalMs, onProjectTurn: (notice) => projectTurnRef.current?.(notice),
    });
    connectionRef.current = connection;
    return () => {
      connection.close();
      connectionRef.current = null;
    };
  }, [sessionId, token, heartbeatIntervalMs, store]);

  const reconnect = useCallback(() => connectionRef.current?.reconnectNow(), []);
  return { reconnect };
}
