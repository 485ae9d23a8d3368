import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async ({ services }) => {
  await services.store.getSession("health-check");
  return Response.json({ status: "ok" });
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
