import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { idSchema, readSiteName } from "@/lib/protocol";
import { readExistingState } from "@/lib/server/http/read-existing-state";
import { getServices } from "@/lib/server/services-registry";
import { Workspace } from "@/components/workspace/workspace";

export const dynamic = "force-dynamic";

/** Titled with the site's name once it has one (read from its markup, as plain text). */
export async function generateMetadata({ params }: { params: Promise<{ sessionId: string }> }): Promise<Metadata> {
  const { sessionId } = await params;
  const state = await readExistingState(getServices(), sessionId);
  return { title: `${readSiteName(state?.preview?.html_content) ?? "New site"} — OpenV0`, robots: { index: false } };
}

/**
 * The workspace, server-rendered from the session's folded state so the first paint already shows
 * the progress and preview. Access decision: as for `/preview/:id`, the unguessable session id is
 * the capability for *reading* this state, so it is rendered without a token. What needs a token
 * stays out of the HTML: the prompt, the live socket and the owner actions, which the client does
 * with the token kept in localStorage (or the `?view=` token of a watch link).
 */
export default async function WorkspacePage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { sessionId } = await params;
  const { view } = await searchParams;
  if (!idSchema.safeParse(sessionId).success) notFound();
  const services = getServices();
  const state = await readExistingState(services, sessionId);
  if (!state) notFound();
  const viewToken = idSchema.safeParse(view);
  return (
    <Workspace
      initialGeneration={state}
      heartbeatIntervalMs={services.env.HEARTBEAT_INTERVAL_MS}
      viewToken={viewToken.success ? viewToken.data : null}
    />
  );
}
