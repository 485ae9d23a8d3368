import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { SiteFiles } from "../engines/engine";
import { LoopTurns } from "../loop-turns";
import { escapeHtml, renderSiteDocument } from "./render-document";
import { findLogoName } from "./site-images";

/** Bytes deflated per step (a few ms): the most a zip costs the event loop before other I/O runs. */
const STEP_BYTES = 32 * 1024;
/** Every zip of the process takes its steps in turn, one step per loop iteration in all. */
const turns = new LoopTurns();

interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Already compressed (images): stored, not deflated again. */
  stored: boolean;
}

/**
 * A site as a zip (index.html linking styles.css and script.js), answered as a download. Its
 * uploaded images go under `images/`, which is exactly what the markup's references name, so the
 * unpacked folder shows them as is; the logo is its icon too.
 */
export function zipSiteResponse(input: { site: SiteFiles; title: string; fileName: string; modifiedAt: string; images?: Array<{ name: string; data: Uint8Array }> }): Response {
  const { site, title, fileName, modifiedAt, images = [] } = input;
  const logo = findLogoName(site.html);
  const head = logo && images.some((i) => i.name === logo) ? `<link rel="icon" href="images/${escapeHtml(logo)}">\n` : "";
  const index = renderSiteDocument({ html: site.html, css: "", js: "" }, { title, linkAssets: true, head });
  const entries: ZipEntry[] = [
    { name: "index.html", data: strToU8(index), stored: false },
    { name: "styles.css", data: strToU8(site.css), stored: false },
    { name: "script.js", data: strToU8(site.js), stored: false },
    ...images.map((image) => ({ name: `images/${image.name}`, data: image.data, stored: true })),
  ];
  return new Response(streamZip(entries, new Date(modifiedAt)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

/**
 * The zip as a stream, built a step (≤ 32 KB of input) per turn: one step per event-loop iteration
 * for all downloads together, so ten of them at once delay a request by one step, not ten.
 * `zipSync` built the whole archive in one go: ten downloads in parallel held every other request
 * for seconds, and each held its whole archive in memory until sent.
 */
function streamZip(entries: ZipEntry[], mtime: Date): ReadableStream<Uint8Array> {
  const out: Uint8Array[] = [];
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    out.push(chunk);
    if (final) finished = true;
  });
  const steps = (function* () {
    for (const entry of entries) {
      const file = entry.stored ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: 6 });
      file.mtime = mtime;
      zip.add(file);
      if (entry.data.length === 0) file.push(new Uint8Array(0), true);
      for (let from = 0; from < entry.data.length; from += STEP_BYTES) {
        file.push(entry.data.subarray(from, from + STEP_BYTES), from + STEP_BYTES >= entry.data.length);
        yield;
      }
    }
    zip.end();
  })();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (out.length === 0 && !finished) {
        await turns.next();
        if (steps.next().done && out.length === 0 && !finished) throw new Error("zip ended without its last chunk");
      }
      for (const chunk of out.splice(0)) controller.enqueue(chunk);
      if (finished) controller.close();
    },
  });
}
