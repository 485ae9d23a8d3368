"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { CreateGenerationResponse, SiteEdit } from "@/lib/protocol";
import { describeApiError } from "@/lib/client/generation-api";
import { lookUpElement, type SelectedElement } from "@/lib/client/element-lookup";
import { rememberCreatedSession } from "@/lib/client/session-storage";
import { startElementTurn } from "@/lib/client/site-edit-api";

/*
 * What is selected in the preview, shared by the preview (frame, toggle, edit panel) and the chat
 * column (the prompt box's "Editing: …"). Only an id is kept; what it names is looked up in the
 * version on screen, so a new version refreshes the label and an element that is gone is dropped.
 * The id and the mode outlive the turn's view (a direct edit opens the next turn) in sessionStorage.
 */

export interface SelectionValue {
  projectId: string;
  /** The project token when this browser may edit the project (uploads use it too); null for viewers. */
  projectToken: string | null;
  on: boolean;
  selected: SelectedElement | null;
  /** The element whose text is being edited in the frame, if any (only its "text-edit" is accepted). */
  editingId: string | null;
  /** The owner with the project token, on a finished turn: edits can be made. */
  canEdit: boolean;
  busy: boolean;
  error: string | null;
  setOn: (on: boolean) => void;
  selectId: (id: string | null) => void;
  setEditingId: (id: string | null) => void;
  /** The markup of the version on screen (the preview reports it). */
  setHtml: (html: string | null) => void;
  /** Starts a direct edit as the next turn; answers why it could not start, or null once it did. */
  applyEdit: (edit: SiteEdit, label: string) => Promise<string | null>;
}

const SelectionContext = createContext<SelectionValue | null>(null);

export interface SelectionProviderProps {
  projectId: string;
  /** The project token when this browser may edit the project; null for viewers. */
  projectToken: string | null;
  /** Whether the turn on screen has finished (an edit builds on the current version). */
  ready: boolean;
  onStarted: (created: CreateGenerationResponse) => void;
  children: ReactNode;
}

const storageKey = (projectId: string) => `openv0:selection:${projectId}`;

function readStored(projectId: string): { on: boolean; id: string | null } {
  if (typeof sessionStorage === "undefined") return { on: false, id: null };
  try {
    const raw = JSON.parse(sessionStorage.getItem(storageKey(projectId)) ?? "null") as unknown;
    if (raw && typeof raw === "object" && "on" in raw && "id" in raw) {
      return { on: raw.on === true, id: typeof raw.id === "string" ? raw.id : null };
    }
  } catch {
    // Unreadable or unavailable storage: start with select mode off.
  }
  return { on: false, id: null };
}

/** Holds the selection for one project page. */
export function SelectionProvider({ projectId, projectToken, ready, onStarted, children }: SelectionProviderProps) {
  const [stored] = useState(() => readStored(projectId));
  const [on, setOnState] = useState(stored.on);
  const [selectedId, setSelectedId] = useState<string | null>(stored.id);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [html, setHtml] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(projectId), JSON.stringify({ on, id: selectedId }));
    } catch {
      // Private mode without storage: the selection just does not outlive this turn.
    }
  }, [projectId, on, selectedId]);

  const selected = useMemo(() => (html && selectedId ? lookUpElement(html, selectedId) : null), [html, selectedId]);
  const canEdit = projectToken !== null && ready;

  const setOn = useCallback((next: boolean) => {
    setOnState(next);
    if (!next) setEditingId(null);
  }, []);
  const selectId = useCallback((id: string | null) => {
    setSelectedId(id);
    setError(null);
  }, []);

  const applyEdit = useCallback(async (edit: SiteEdit, label: string): Promise<string | null> => {
    if (!projectToken) return "Only the project's owner can edit it.";
    setBusy(true);
    setError(null);
    try {
      const prompt = `Edit: ${label}`;
      const created = await startElementTurn({ projectId, projectToken, prompt, edit });
      rememberCreatedSession(created, prompt);
      onStarted(created);
      return null;
    } catch (e) {
      const message = describeApiError(e).message;
      setError(message);
      return message;
    } finally {
      setBusy(false);
    }
  }, [projectId, projectToken, onStarted]);

  const value = useMemo<SelectionValue>(
    () => ({ projectId, projectToken, on, selected, editingId, canEdit, busy, error, setOn, selectId, setEditingId, setHtml, applyEdit }),
    [projectId, projectToken, on, selected, editingId, canEdit, busy, error, setOn, selectId, applyEdit],
  );
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** The page's selection, or null outside a SelectionProvider (a watch link, tests of other parts). */
export function useSelection(): SelectionValue | null {
  return useContext(SelectionContext);
}
