import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import type {
  GenerationCompleted,
  GenerationError,
  GenerationStarted,
  GenerationStep,
  PreviewDelta,
  PreviewError,
  PreviewUpdated,
  SessionEvent,
} from "@/lib/protocol";
import { useGenerationStore, useGenerationStoreApi } from "@/stores/generation-store-provider";
import { connectSessionSocket, type SessionSocket } from "./session-socket";

/** Default heartbeat interval of the server (HEARTBEAT_INTERVAL_MS). */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 25_000;

export interface UseWebSocketOptions {
  sessionId: string;
  /** Owner or viewer token; without one nothing connects. */
  token: string | null;
  heartbeatIntervalMs?: number;
  onGenerationStarted?: (data: GenerationStarted) => void;
  onGenerationStep?: (data: GenerationStep) => void;
  onGenerationCompleted?: (data: GenerationCompleted) => void;
  onPreviewUpdated?: (data: PreviewUpdated) => void;
  /** A streamed change, already folded into `generation.preview` (a delta for another base version is ignored there). */
  onPreviewDelta?: (data: PreviewDelta) => void;
  onError?: (data: GenerationError | PreviewError) => void;
}

/**
 * The seed's hook, made reliable: it feeds the workspace store (validated, de-duplicated,
 * gap-checked events), resumes after the last applied seq on reconnect, and exposes the
 * connection state the store tracks. Must be used inside <GenerationStoreProvider>.
 */
export function useWebSocket(options: UseWebSocketOptions) {
  const { sessionId, token, heartbeatIntervalMs = DEFAULT_HEARTBEAT_INTERVAL_MS } = options;
  const store = useGenerationStoreApi();
  const [socket, setSocket] = useState<Socket | null>(null);
  const connectionRef = useRef<SessionSocket | null>(null);
  const isConnected = useGenerationStore((s) => s.connection.status === "live");
  const error = useGenerationStore((s) => s.connection.error?.message ?? null);

  // The latest callbacks, without reconnecting whenever a parent passes new function identities.
  const dispatch = useEffectEvent((event: SessionEvent) => {
    switch (event.type) {
      case "generation:started":
        return options.onGenerationStarted?.(event.data);
      case "generation:step":
        return options.onGenerationStep?.(event.data);
      case "generation:completed":
        return options.onGenerationCompleted?.(event.data);
      case "preview:updated":
        return options.onPreviewUpdated?.(event.data);
      case "preview:delta":
        return options.onPreviewDelta?.(event.data);
      case "generation:error":
      case "preview:error":
        return options.onError?.(event.data);
      default: {
        // A new event type in the contract must be handled here (the socket already subscribes to it).
        const unhandled: never = event;
        return unhandled;
      }
    }
  });

  useEffect(() => {
    if (!token) return;
    const connection = connectSessionSocket({ sessionId, token, store, heartbeatIntervalMs, onEvent: (e) => dispatch(e) });
    connectionRef.current = connection;
    // The socket is an external resource created here; exposing it is the seed's contract.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSocket(connection.socket);
    return () => {
      connection.close();
      connectionRef.current = null;
      setSocket(null);
    };
  }, [sessionId, token, heartbeatIntervalMs, store]);

  const reconnect = useCallback(() => connectionRef.current?.reconnectNow(), []);

  return { socket, isConnected, error, reconnect };
}
