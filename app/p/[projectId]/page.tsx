import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { idSchema, readSiteName } from "@/lib/protocol";
import { readExistingState } from "@/lib/server/http/read-existing-state";
import { getServices } from "@/lib/server/services-registry";
import { ProjectWorkspace } from "@/components/project/project-workspace";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Titled with the site's name as of the project's newest version. */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { projectId } = await params;
  const latest = idSchema.safeParse(projectId).success ? await getServices().store.latestProjectVersion(projectId) : null;
  return { title: `${readSiteName(latest?.site.html) ?? "New site"} — OpenV0`, robots: { index: false } };
}

/**
 * The project page: the whole conversation. Nothing secret is rendered here; the turns, prompts
 * and live sockets are loaded in the browser with the project's and sessions' tokens kept in
 * localStorage, so only the browser that holds them sees the thread, or with `?view=`, the
 * project's read-only share token (checked by the API, never rendered here).
 */
export default async function ProjectPage({ params, searchParams }: Params) {
  const { projectId } = await params;
  const { turn, view } = await searchParams;
  if (!idSchema.safeParse(projectId).success) notFound();
  if (!(await getServices().store.getProjectTokenHash(projectId))) notFound();
  const initialTurn = idSchema.safeParse(turn);
  const viewToken = idSchema.safeParse(view);
  // The opened turn's state so far (only a turn of this project): the first paint shows its progress.
  const turnState = initialTurn.success ? await readExistingState(getServices(), initialTurn.data) : null;
  return (
    <ProjectWorkspace
      projectId={projectId}
      heartbeatIntervalMs={getServices().env.HEARTBEAT_INTERVAL_MS}
      initialTurn={initialTurn.success ? initialTurn.data : null}
      viewToken={viewToken.success ? viewToken.data : null}
      initialTurnState={turnState?.project_id === projectId ? turnState : null}
    />
  );
}
