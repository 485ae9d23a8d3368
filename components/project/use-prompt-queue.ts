"use client";

import { useEffect, useState } from "react";
import type { QueuedPromptInfo } from "@/lib/protocol";
import { fetchQueue } from "@/lib/client/project-api";

/**
 * The project's queued prompts, reloaded whenever `reloads` moves (a `project:turn` notice, a turn
 * that settled, a change made here). The server's list is the truth; a failed load keeps the last one.
 */
export function usePromptQueue(projectId: string, token: string | null, reloads: number): QueuedPromptInfo[] {
  const [items, setItems] = useState<QueuedPromptInfo[]>([]);
  useEffect(() => {
    if (!token) return;
    let current = true;
    fetchQueue({ projectId, token }).then(
      (body) => current && setItems(body.items),
      () => undefined, // Shown again at the next reload; the queue itself is safe on the server.
    );
    return () => {
      current = false;
    };
  }, [projectId, token, reloads]);
  return items;
}
