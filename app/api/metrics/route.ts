import { AppError } from "@/lib/server/http/app-error";
import { readBearerToken } from "@/lib/server/http/read-json-body";
import { handleRoute, refuseMethod } from "@/lib/server/http/route-handler";
import { verifyToken, hashToken } from "@/lib/server/security/tokens";

export const dynamic = "force-dynamic";

/** Prometheus exposition; protected by METRICS_TOKEN when it is set. */
export const GET = handleRoute(async ({ request, services }) => {
  const required = services.env.METRICS_TOKEN;
  if (required && !verifyToken(readBearerToken(request) ?? "", hashToken(required))) {
    throw new AppError("UNAUTHORIZED", "Send METRICS_TOKEN as Authorization: Bearer <token>");
  }
  const { registry } = services.metrics;
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
});

const refused = refuseMethod(["GET"]);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
