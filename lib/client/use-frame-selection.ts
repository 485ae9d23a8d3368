import { useCallback, useEffect, useRef, type RefObject } from "react";
import { createEditTextMessage, createSelectModeMessage } from "@/lib/protocol";
import { lookUpElement } from "./element-lookup";
import type { SelectionFrameMessage } from "./use-preview-frame";

/** Answers whether a select-mode message from the frame was accepted. */
export type SelectionHandler = (message: SelectionFrameMessage) => boolean;

/** The part of the page's selection this hook drives (see components/workspace/selection-context.tsx). */
export interface FrameSelectionTarget {
  on: boolean;
  selected: { id: string; label: string; textEditable: boolean } | null;
  editingId: string | null;
  canEdit: boolean;
  setOn: (on: boolean) => void;
  selectId: (id: string | null) => void;
  setEditingId: (id: string | null) => void;
  setHtml: (html: string | null) => void;
  applyEdit: (edit: { kind: "text"; id: string; text: string }, label: string) => Promise<unknown>;
}

/**
 * Select mode between the page and the frame. The frame only claims: a "selected" is accepted in
 * select mode for an id the version on screen has (looked up in the parent's own copy); a
 * "text-edit" only for the element the parent asked to edit, once. Kind and text shown come from
 * the parent's copy; the server applies the edit to its own copy of the version.
 */
export function useFrameSelection(
  frameRef: RefObject<HTMLIFrameElement | null>,
  { selection, html, loads, handlerRef }: {
    selection: FrameSelectionTarget | null; html: string | null; loads: number;
    handlerRef: RefObject<SelectionHandler | null>;
  },
) {
  const latest = useRef({ selection, html });
  useEffect(() => {
    latest.current = { selection, html };
  }, [selection, html]);

  const setHtml = selection?.setHtml;
  useEffect(() => setHtml?.(html), [setHtml, html]);

  const post = useCallback((message: object) => frameRef.current?.contentWindow?.postMessage(message, "*"), [frameRef]);

  const editText = useCallback((id: string) => {
    const s = latest.current.selection;
    if (!s?.canEdit) return;
    s.setEditingId(id);
    post(createEditTextMessage(id));
  }, [post]);

  useEffect(() => {
    handlerRef.current = (message) => {
      const { selection: s, html: current } = latest.current;
      if (!s || !current) return false;
      switch (message.type) {
        case "select-exit":
          if (!s.on) return false;
          s.setOn(false);
          return true;
        case "selected": {
          if (!s.on || s.editingId) return false;
          const found = lookUpElement(current, message.id);
          if (!found) return false;
          s.selectId(found.id);
          if (message.edit && found.textEditable) editText(found.id);
          return true;
        }
        case "text-edit-cancel":
          if (message.id !== s.editingId) return false;
          s.setEditingId(null);
          return true;
        case "text-edit": {
          if (message.id !== s.editingId) return false;
          s.setEditingId(null);
          const found = lookUpElement(current, message.id);
          if (!found) return false;
          // Enter or a click away without a change is no edit: no turn, no version.
          if (message.text.replace(/\s+/g, " ").trim() !== found.text) void s.applyEdit({ kind: "text", id: found.id, text: message.text }, found.label);
          return true;
        }
      }
    };
    return () => {
      handlerRef.current = null;
    };
  }, [handlerRef, editText]);

  // Told again after every (re)start of the frame's runtime, which forgets it.
  // A frame that never entered select mode needs no word about it.
  const on = selection?.on ?? false;
  const selectedId = selection?.selected?.id ?? null;
  const told = useRef(false);
  useEffect(() => {
    if (loads === 0 || (!on && !told.current)) return;
    told.current = true;
    post(createSelectModeMessage({ on, selected: selectedId }));
  }, [post, loads, on, selectedId, html]);

  return { editText };
}
