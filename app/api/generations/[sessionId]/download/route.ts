import { strToU8, zipSync } from "fflate";
import { AppError } from "@/lib/server/http/app-error";
import { authorizeLinkRequest } from "@/lib/server/http/authorize";
import { handleRoute } from "@/lib/server/http/route-handler";
import { renderSiteDocument } from "@/lib/server/site/render-document";

export const dynamic = "force-dynamic";

/**
 * The latest site as a zip (index.html, styles.css, script.js). Owner or viewer token, as a Bearer
 * header or `?token=` so a plain download link works.
 */
export const GET = handleRoute<{ sessionId: string }>(async ({ request, params, services }) => {
  await authorizeLinkRequest(services, request, params.sessionId);
  const preview = (await services.events.getState(params.sessionId))?.preview;
  if (!preview) throw new AppError("NOT_FOUND", "Nothing to download yet: this generation has no preview");
  const title = (await services.store.getSession(params.sessionId))?.prompt.slice(0, 80) ?? "OpenV0 site";
  const index = renderSiteDocument({ html: preview.html_content, css: "", js: "" }, { title, linkAssets: true });
  const zip = zipSync(
    {
      "index.html": strToU8(index),
      "styles.css": strToU8(preview.css_content),
      "script.js": strToU8(preview.js_content),
    },
    { level: 6, mtime: new Date(preview.updated_at) },
  );
  return new Response(new Blob([zip.slice().buffer], { type: "application/zip" }), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="openv0-${params.sessionId}.zip"`,
      "Cache-Control": "no-store",
      // The link carries a token in its query: never pass it on.
      "Referrer-Policy": "no-referrer",
    },
  });
});
