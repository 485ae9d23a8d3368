import { useEffect, useState, type RefObject } from "react";
import type { PreviewSnapshot } from "@/lib/protocol";
import { createHelloMessage, createRenderMessage, frameMessageSchema } from "./preview-messages";

export interface PreviewFrameState {
  /** How many times the frame's runtime started: 1 means the frame never reloaded. */
  loads: number;
  /** Id of the runtime instance currently in the frame. */
  instance: string | null;
  /** Last version the frame reported as applied (0 before any). */
  renderedVersion: number;
  scriptRan: boolean;
  scriptError: string | null;
}

/**
 * Talks to the sandboxed preview frame: waits for its runtime's "ready", then posts each new
 * version. Only messages whose source is this frame's window are accepted, and they are parsed.
 */
export function usePreviewFrame(
  frameRef: RefObject<HTMLIFrameElement | null>,
  { preview, runScript }: { preview: PreviewSnapshot | null; runScript: boolean },
): PreviewFrameState {
  const [state, setState] = useState<PreviewFrameState>({ loads: 0, instance: null, renderedVersion: 0, scriptRan: false, scriptError: null });

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const frameWindow = frameRef.current?.contentWindow;
      if (!frameWindow || event.source !== frameWindow) return;
      const parsed = frameMessageSchema.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === "ready") {
        // A (re)started runtime has an empty page: everything gets re-sent by the effect below.
        setState((s) =>
          s.instance === message.instance
            ? s
            : { loads: s.loads + 1, instance: message.instance, renderedVersion: 0, scriptRan: false, scriptError: s.scriptError },
        );
      } else if (message.type === "rendered") {
        setState((s) => ({ ...s, renderedVersion: message.version, scriptRan: message.scriptRan }));
      } else {
        setState((s) => ({ ...s, scriptError: message.message }));
      }
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
    const message = createRenderMessage({
      version: preview.version,
      html: preview.html_content,
      css: preview.css_content,
      js: preview.js_content,
      runScript,
    });
    // An opaque-origin frame has no origin to target; the content is the user's own preview.
    frameWindow.postMessage(message, "*");
  }, [frameRef, loads, preview, runScript]);

  return state;
}
