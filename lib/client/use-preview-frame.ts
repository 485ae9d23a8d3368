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
  /** Uploaded images the frame holds and shows (its "assets-shown"). */
  assetsShown: number;
}

/** Select-mode messages, handed to the workspace's selection (which checks them against the version). */
export type SelectionFrameMessage = Extract<FrameMessage, { type: "selected" | "text-edit" | "text-edit-cancel" | "select-exit" }>;

/**
 * Frame → parent budgets, one per message type, so a flood of one kind cannot silence another: a
 * real runtime says "ready" once per start and "rendered" once per version; anything far beyond
 * that is the site's doing. Select-mode messages follow a person's clicks and keys.
 */
const BUDGETS: Record<FrameMessage["type"], { burst: number; perSecond: number }> = {
  ready: { burst: 3, perSecond: 1 },
  rendered: { burst: 30, perSecond: 10 },
  "script-error": { burst: 10, perSecond: 2 },
  selected: { burst: 10, perSecond: 5 },
  "text-edit": { burst: 5, perSecond: 2 },
  "text-edit-cancel": { burst: 5, perSecond: 2 },
  "select-exit": { burst: 5, perSecond: 2 },
  "assets-shown": { burst: 20, perSecond: 10 },
};

const initialState: PreviewFrameState = { loads: 0, instance: null, renderedVersion: 0, scriptRan: false, siteReports: [], assetsShown: 0 };

/** Folds one accepted frame message into the state (the same object when nothing changed: no render). */
function foldFrameMessage(s: PreviewFrameState, message: Exclude<FrameMessage, SelectionFrameMessage>): PreviewFrameState {
  switch (message.type) {
    case "ready":
      // A (re)started runtime has an empty page: the send effect posts the current version again.
      return s.instance === message.instance ? s : { ...s, loads: s.loads + 1, instance: message.instance, renderedVersion: 0, scriptRan: false, assetsShown: 0 };
    case "rendered":
      return s.renderedVersion === message.version && s.scriptRan === message.scriptRan ? s : { ...s, renderedVersion: message.version, scriptRan: message.scriptRan };
    case "script-error":
      return { ...s, siteReports: addSiteReport(s.siteReports, message.message) };
    case "assets-shown":
      return s.assetsShown === message.count ? s : { ...s, assetsShown: message.count };
  }
}

const isSelectionMessage = (m: FrameMessage): m is SelectionFrameMessage =>
  m.type === "selected" || m.type === "text-edit" || m.type === "text-edit-cancel" || m.type === "select-exit";

/**
 * Talks to the sandboxed preview frame: waits for its runtime's "ready", then posts each new
 * version. The frame also runs the generated site, so its messages are untrusted: only this frame's
 * window is heard, every message is parsed, floods are dropped, and no version is re-sent more than
 * once whatever the frame claims. A refused message costs no render: it is counted on the frame
 * element (`data-refused`), never in React state, so a site flooding the app cannot stall it.
 */
export function usePreviewFrame(
  frameRef: RefObject<HTMLIFrameElement | null>,
  { epoch, preview, runScript, draft = false, onSelection }: {
    epoch: string; preview: PreviewSnapshot | null; runScript: boolean;
    /** The preview is the code editor's unsaved text: patched in place, never a reload. */
    draft?: boolean;
    /**
     * Receives select-mode messages that passed parsing and their budget (still only claims);
     * answers false to refuse one. A ref, so the listener never has to be replaced.
     */
    onSelection?: RefObject<((message: SelectionFrameMessage) => boolean) | null>;
  },
): PreviewFrameState {
  const [state, setState] = useState<PreviewFrameState>(initialState);
  const ledger = useRef(createSendLedger());

  useEffect(() => {
    const createBudgets = () => Object.fromEntries(
      Object.entries(BUDGETS).map(([type, budget]) => [type, createMessageBudget(budget)]),
    ) as Record<FrameMessage["type"], ReturnType<typeof createMessageBudget>>;
    let budgets = createBudgets();
    let refused = 0;
    let countShown = false;
    // The figure is written once per task burst, not per message: a flood costs no DOM writes either.
    const showCount = () => {
      countShown = false;
      if (frameRef.current) frameRef.current.dataset.refused = String(refused);
    };
    const refuse = () => {
      refused += 1;
      if (!countShown) {
        countShown = true;
        setTimeout(showCount, 0);
      }
    };
    const onMessage = (event: MessageEvent) => {
      const frameWindow = frameRef.current?.contentWindow;
      if (!frameWindow || event.source !== frameWindow) return;
      // The budget is checked before parsing, so junk and floods cost a property read, not a parse.
      const type: unknown = (event.data as { type?: unknown } | null)?.type;
      const budget = typeof type === "string" && Object.hasOwn(budgets, type) ? budgets[type as FrameMessage["type"]] : null;
      if (!budget?.take()) return refuse();
      const parsed = frameMessageSchema.safeParse(event.data);
      if (!parsed.success) return refuse();
      const message = parsed.data;
      // The site's code can post this too: a version we never sent is a lie.
      if (message.type === "rendered" && message.version > ledger.current.highest()) return refuse();
      if (isSelectionMessage(message)) return onSelection?.current?.(message) ? undefined : refuse();
      setState((s) => foldFrameMessage(s, message));
    };
    // A new document in the frame (it reloads for another turn's site) starts with fresh budgets:
    // a site that flooded until the reload spent them, and its runtime's one "ready" (posted
    // before this load event) was refused with the flood; so it is asked again. The site's own
    // script runs only once it has been sent the site, after that "ready".
    const frame = frameRef.current;
    const onLoad = () => {
      budgets = createBudgets();
      frame?.contentWindow?.postMessage(createHelloMessage(), "*");
    };
    frame?.addEventListener("load", onLoad);
    window.addEventListener("message", onMessage);
    // The frame may have booted before this listener existed (server-rendered page): ask again.
    frame?.contentWindow?.postMessage(createHelloMessage(), "*");
    return () => {
      frame?.removeEventListener("load", onLoad);
      window.removeEventListener("message", onMessage);
    };
  }, [frameRef, onSelection]);

  const { loads, instance } = state;
  useEffect(() => {
    const frameWindow = frameRef.current?.contentWindow;
    if (loads === 0 || !preview || !frameWindow) return;
    const allowed = ledger.current.allow(epoch, preview.version, runScript, instance);
    // Written on the element, not into state: figures for tests and diagnostics, not for rendering.
    if (frameRef.current) {
      frameRef.current.dataset.resends = String(ledger.current.resends());
      frameRef.current.dataset.renderings = String(ledger.current.renderings());
    }
    if (!allowed) return;
    const message = createRenderMessage({
      epoch,
      version: preview.version,
      ...previewFilesOf(preview),
      runScript,
      ...(draft ? { draft } : {}),
    });
    // An opaque-origin frame has no origin to target; the content is the user's own preview.
    frameWindow.postMessage(message, "*");
  }, [frameRef, loads, instance, epoch, preview, runScript, draft]);

  return state;
}
