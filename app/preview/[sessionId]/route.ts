import { idSchema } from "@/lib/protocol";
import { AppError } from "@/lib/server/http/app-error";
import { handleRoute } from "@/lib/server/http/route-handler";
import { PREVIEW_HEADERS } from "@/lib/server/site/preview-headers";
import { renderSiteDocument } from "@/lib/server/site/render-document";

export const dynamic = "force-dynamic";

/**
 * The latest site as one document. The unguessable session id is the capability; the sandbox CSP
 * gives the page an opaque origin so generated scripts can never act as the app.
 */
export const GET = handleRoute<{ sessionId: string }>(async ({ params, services }) => {
  if (!idSchema.safeParse(params.sessionId).success) throw new AppError("NOT_FOUND", "No such preview");
  const preview = (await services.events.getState(params.sessionId))?.preview;
  if (!preview) throw new AppError("NOT_FOUND", "No preview yet for this generation");
  const html = renderSiteDocument({ html: preview.html_content, css: preview.css_content, js: preview.js_content });
  return new Response(html, { headers: PREVIEW_HEADERS });
});
