import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

/** The same figures as the socket `stats` event (counts only, nothing per session). */
export const GET = handleRoute(async ({ services }) => Response.json(await services.stats(), { headers: { "Cache-Control": "no-store" } }));

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
