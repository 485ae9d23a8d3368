import { publishBodySchema, slugFromName, readSiteName, type PublishState } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeProjectWrite } from "@/lib/server/http/project-access";
import { readJsonBody } from "@/lib/server/http/read-json-body";
import { handleRoute, refuseMethod, type RouteInput } from "@/lib/server/http/route-handler";
import type { Publication } from "@/lib/server/storage/store";

export const dynamic = "force-dynamic";

type Params = { projectId: string };
const noStore = { "Cache-Control": "no-store" };

const toInfo = (p: Publication) => ({
  slug: p.slug, url: `/s/${p.slug}`, version: p.version, publishedAt: p.publishedAt, updatedAt: p.updatedAt, visits: p.visits,
});

async function readState({ services, params }: Pick<RouteInput<Params>, "services" | "params">): Promise<PublishState> {
  const { store } = services;
  const [publication, latest, project] = await Promise.all([
    store.getPublication(params.projectId),
    store.latestProjectVersion(params.projectId),
    store.getProject(params.projectId),
  ]);
  const name = project?.name ?? readSiteName(latest?.site.html) ?? "my site";
  return {
    projectId: params.projectId,
    publication: publication ? toInfo(publication) : null,
    currentVersion: latest?.version ?? null,
    suggestedSlug: publication?.slug ?? slugFromName(name),
  };
}

/** Whether and where the project is published (Bearer project token). */
export const GET = handleRoute<Params>(async ({ request, params, services }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  return Response.json(await readState({ services, params }), { headers: noStore });
});

/**
 * Publishes the project at `/s/<slug>`, or republishes it ("Update"): the version given, else the
 * current one. 400 for a slug that breaks the rules, 409 when another project holds it.
 */
export const POST = handleRoute<Params>(async ({ request, params, services, log }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  const body = await readJsonBody(request, publishBodySchema);
  const state = await readState({ services, params });
  const version = body.version ?? state.currentVersion;
  if (version === null) throw new AppError("CONFLICT", "There is no version to publish yet: wait for the first site to be written");
  if (!(await services.store.getProjectVersion(params.projectId, version))) throw new AppError("NOT_FOUND", "No such version");
  const slug = body.slug ?? state.suggestedSlug;
  const saved = await services.store.savePublication({ projectId: params.projectId, slug, version });
  if (saved === "slug-taken") throw new AppError("CONFLICT", `The address /s/${slug} is taken; choose another`, { slug });
  log.info({ projectId: params.projectId, version }, "project published");
  const answer: PublishState = { ...state, publication: toInfo(saved), suggestedSlug: saved.slug };
  return Response.json(answer, { status: state.publication ? 200 : 201, headers: noStore });
});

/** Takes the public site down: `/s/<slug>` answers 404 from now on (Bearer project token). */
export const DELETE = handleRoute<Params>(async ({ request, params, services, log }) => {
  await authorizeProjectWrite({ store: services.store, request, projectId: params.projectId });
  if (!(await services.store.deletePublication(params.projectId))) throw new AppError("NOT_FOUND", "This project is not published");
  log.info({ projectId: params.projectId }, "project unpublished");
  return new Response(null, { status: 204 });
});

const refused = refuseMethod(["GET", "POST", "DELETE"]);
export { refused as PUT, refused as PATCH };
