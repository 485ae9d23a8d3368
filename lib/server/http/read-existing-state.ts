import { idSchema, type GenerationState } from "@/lib/protocol";
import type { EventService } from "../realtime/event-service";
import type { Store } from "../storage/store";

/**
 * The folded state of a session that still exists. "Does it exist" is read from the store on
 * every call, never from the fold cache: a deleted project's sessions may still sit in a node's
 * cache (this node's or another's), and must answer 404 at once. A stale fold found for a
 * missing session is dropped on the way.
 */
export async function readExistingState(
  deps: { store: Pick<Store, "getSession">; events: Pick<EventService, "getState" | "forget"> },
  sessionId: string,
): Promise<GenerationState | null> {
  if (!idSchema.safeParse(sessionId).success) return null;
  if (!(await deps.store.getSession(sessionId))) {
    deps.events.forget(sessionId);
    return null;
  }
  return deps.events.getState(sessionId);
}
