import { useEffect, useRef, useState, type RefObject } from "react";
import { createHelloMessage, createRenderMessage, frameMessageSchema, previewFilesOf, type FrameMessage, type PreviewSnapshot } from "@/lib/protocol";
import { addSiteReport, createMessageBudget, createSendLedger, type SiteReport } from "./frame-guard";

export interface PreviewFrameState {
  /** How many times the frame's runtime started: 1 means the frame never reloaded. */
  loads: number;
  /** Id of the runtime instance currently in the frame. */
  instance: string | null;
  /** Last version the frame reported as applied (0 before any). */
  renderedVersion: number;
  scriptRan: boolean;
  /** What the site's own script reported (its errors), newest last; never the app's words. */
  siteReports: SiteReport[];
  /** Frame messages refused: malformed, over the rate limit, or claiming what was never sent. */
  refused: number;
}

/**
 * Frame → parent budgets, one per message type, so a flood of one kind cannot silence another: a
 * real runtime says "ready" once per start and "rendered" once per version; anything far beyond
 * that is the site's doing.
 */
const BUDGETS: Record<FrameMessage["type"], { burst: number; perSecond: number }> = {
  ready: { burst: 3, perSecond: 1 },
  rendered: { burst: 30, perSecond: 10 },
  "script-error": { burst: 10, perSecond: 2 },
};

const initialState: PreviewFrameState = { loads: 0, instance: null, renderedVersion: 0, scriptRan: false, siteReports: [], refused: 0 };

/** Folds one validated frame message into the state; `highest` is the newest version we posted. */
function foldFrameMessage(s: PreviewFrameState, message: FrameMessage, highest: number): PreviewFrameState {
  switch (message.type) {
    case "ready":
      // A (re)started runtime has an empty page: the send effect posts the current version again.
      return s.instance === message.instance ? s : { ...s, loads: s.loads + 1, instance: message.instance, renderedVersion: 0, scriptRan: false };
    case "rendered":
      // The site's code can post this too: a version we never sent is a lie.
      return message.version > highest ? { ...s, refused: s.refused + 1 } : { ...s, renderedVersion: message.version, scriptRan: message.scriptRan };
    case "script-error":
      return { ...s, siteReports: addSiteReport(s.siteReports, message.message) };
  }
}

/**
 * Talks to the sandboxed preview frame: waits for its runtime's "ready", then posts each new
 * version. The frame also runs the generated site, so its messages are untrusted: only this frame's
 * window is heard, every message is parsed, floods are dropped, and no version is re-sent more than
 * once whatever the frame claims.
 */
export function usePreviewFrame(
  frameRef: RefObject<HTMLIFrameElement | null>,
  { epoch, preview, runScript }: { epoch: string; preview: PreviewSnapshot | null; runScript: boolean },
): PreviewFrameState {
  const [state, setState] = useState<PreviewFrameState>(initialState);
  const ledger = useRef(createSendLedger());

  useEffect(() => {
    const budgets = {
      ready: createMessageBudget(BUDGETS.ready),
      rendered: createMessageBudget(BUDGETS.rendered),
      "script-error": createMessageBudget(BUDGETS["script-error"]),
    };
    const onMessage = (event: MessageEvent) => {
      const frameWindow = frameRef.current?.contentWindow;
      if (!frameWindow || event.source !== frameWindow) return;
      const parsed = frameMessageSchema.safeParse(event.data);
      if (!parsed.success || !budgets[parsed.data.type].take()) {
        setState((s) => ({ ...s, refused: s.refused + 1 }));
        return;
      }
      const highest = ledger.current.highest();
      setState((s) => foldFrameMessage(s, parsed.data, highest));
    };
    window.addEventListener("message", onMessage);
    // The frame may have booted before this listener existed (server-rendered page): ask again.
    frameRef.current?.contentWindow?.postMessage(createHelloMessage(), "*");
    return () => window.removeEventListener("message", onMessage);
  }, [frameRef]);

  const { loads } = state;
  useEffect(() => {
    const frameWindow = frameRef.current?.contentWindow;
    if (loads === 0 || !preview || !frameWindow) return;
    const allowed = ledger.current.allow(epoch, preview.version, runScript);
    // Written on the element, not into state: a figure for tests and diagnostics, not for rendering.
    if (frameRef.current) frameRef.current.dataset.resends = String(ledger.current.resends());
    if (!allowed) return;
    const message = createRenderMessage({
      epoch,
      version: preview.version,
      ...previewFilesOf(preview),
      runScript,
    });
    // An opaque-origin frame has no origin to target; the content is the user's own preview.
    frameWindow.postMessage(message, "*");
  }, [frameRef, loads, epoch, preview, runScript]);

  return state;
}
