import { readFile } from "node:fs/promises";
import path from "node:path";
import { PREVIEW_HEADERS } from "@/lib/server/site/preview-headers";
import { renderFrameDocument } from "./frame-document";

export const dynamic = "force-dynamic";

// Read at request time (then kept): the production server runs from the project root, where
// node_modules is; bundling the file as a string would need a loader Next's route handlers lack.
const MORPHDOM_PATH = path.join(process.cwd(), "node_modules", "morphdom", "dist", "morphdom-umd.min.js");
let documentPromise: Promise<string> | null = null;

function loadDocument(): Promise<string> {
  documentPromise ??= readFile(MORPHDOM_PATH, "utf8").then(renderFrameDocument, (error: unknown) => {
    documentPromise = null;
    throw error;
  });
  return documentPromise;
}

/**
 * The preview frame's runtime document. `sandbox allow-scripts` gives it an opaque origin even if
 * it is opened directly, so the generated site it runs can never read the app's storage or cookies.
 */
export async function GET(): Promise<Response> {
  const html = await loadDocument();
  return new Response(html, { headers: PREVIEW_HEADERS });
}
