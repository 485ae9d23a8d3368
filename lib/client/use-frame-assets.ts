import { useEffect, useMemo, useRef, type RefObject } from "react";
import { ASSET_SESSION_HEADER, createAssetsMessage, listAssetRefs } from "@/lib/protocol";

/*
 * Hands the preview frame the bytes of the uploaded images its site references. The frame can
 * fetch nothing (opaque origin, CSP), so this page fetches each image once with its token in a
 * header and posts it as a Blob; the frame shows it through a blob: URL of its own. A frame that
 * restarts (a new "ready") forgets them, so they are sent again.
 */

// An image's bytes never change for its name: one fetch per page, whichever turn shows it.
const blobs = new Map<string, Promise<Blob | null>>();

function fetchImage(input: { projectId: string; sessionId: string; token: string; name: string }): Promise<Blob | null> {
  const key = `${input.projectId}/${input.name}`;
  let found = blobs.get(key);
  if (!found) {
    found = fetch(`/api/projects/${encodeURIComponent(input.projectId)}/assets/${input.name}`, {
      headers: { Authorization: `Bearer ${input.token}`, [ASSET_SESSION_HEADER]: input.sessionId },
    })
      .then((res) => (res.ok ? res.blob() : null))
      .catch(() => null);
    // A failed fetch is tried again at the next version, not remembered.
    void found.then((blob) => (blob ? undefined : blobs.delete(key)));
    blobs.set(key, found);
  }
  return found;
}

/** Posts the images `html` and `css` reference to the frame, each once per frame start. */
export function useFrameAssets(
  frameRef: RefObject<HTMLIFrameElement | null>,
  { projectId, sessionId, token, html, css, loads }: { projectId: string | null; sessionId: string; token: string | null; html: string | null; css: string | null; loads: number },
): void {
  const names = useMemo(() => listAssetRefs(html ?? "", css ?? "").sort().join(" "), [html, css]);
  const sent = useRef<{ loads: number; names: Set<string> }>({ loads: 0, names: new Set() });

  useEffect(() => {
    if (!projectId || !token || loads === 0 || !names) return;
    if (sent.current.loads !== loads) sent.current = { loads, names: new Set() };
    const batch = sent.current;
    for (const name of names.split(" ")) {
      if (batch.names.has(name)) continue;
      batch.names.add(name);
      void fetchImage({ projectId, sessionId, token, name }).then((blob) => {
        // Sent only to the frame start it was fetched for; a restarted frame asks again.
        if (!blob) return void batch.names.delete(name);
        if (sent.current !== batch) return;
        frameRef.current?.contentWindow?.postMessage(createAssetsMessage([{ name, blob }]), "*");
      });
    }
  }, [frameRef, projectId, sessionId, token, names, loads]);
}
