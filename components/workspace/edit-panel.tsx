"use client";

import { useState } from "react";
import type { ElementAlign, SiteEdit, SizeStep, SpacingStep } from "@/lib/protocol";
import { useSelection } from "./selection-context";

const button =
  "rounded-md border border-zinc-200 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";
const ALIGNS: ElementAlign[] = ["left", "center", "right"];
const SPACINGS: SpacingStep[] = ["none", "small", "medium", "large"];
const SIZES: SizeStep[] = ["small", "normal", "large", "huge"];

/**
 * The small panel for the selected element: text in place, colours, alignment, spacing, size, and
 * move / duplicate / remove. Each change is one direct edit: the next turn and a new version.
 */
export function EditPanel({ onEditText, onReplaceImage }: { onEditText: (id: string) => void; onReplaceImage?: () => void }) {
  const selection = useSelection();
  const [color, setColor] = useState("#1f2937");
  const [background, setBackground] = useState("#ffffff");
  if (!selection?.on || !selection.selected || !selection.canEdit) return null;
  const { selected, busy, error } = selection;
  const apply = (edit: SiteEdit) => void selection.applyEdit(edit, selected.label);
  const id = selected.id;

  return (
    <div data-testid="edit-panel" role="region" aria-label="Edit the selected element" className="flex flex-col gap-2 border-b border-indigo-200 bg-indigo-50/60 px-3 py-2 text-xs dark:border-indigo-900 dark:bg-indigo-950/40">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 truncate font-medium text-indigo-950 dark:text-indigo-100">
          Selected: <span data-testid="selected-label" data-element-id={selected.id}>{selected.label}</span>
        </p>
        <span className="inline-flex gap-1">
          {selected.parentId && (
            <button type="button" data-testid="select-parent" className={button} onClick={() => selection.selectId(selected.parentId)} title="Select the element around this one">
              Select parent
            </button>
          )}
          <button type="button" className={button} onClick={() => selection.selectId(null)}>Clear</button>
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-1.5" aria-busy={busy}>
        {onReplaceImage && ["img", "figure", "picture"].includes(selected.tag) && (
          <button type="button" data-testid="replace-image" className={button} disabled={busy} onClick={onReplaceImage}>
            Replace image
          </button>
        )}
        {selected.textEditable && (
          <button type="button" data-testid="edit-text" className={button} disabled={busy} onClick={() => onEditText(id)}>
            Edit text
          </button>
        )}
        <label className="inline-flex items-center gap-1">
          <span>Text</span>
          <input type="color" data-testid="edit-color" aria-label="Text colour" value={color} onChange={(e) => setColor(e.target.value)} className="h-6 w-8 cursor-pointer rounded border border-zinc-300" />
        </label>
        <button type="button" data-testid="apply-color" className={button} disabled={busy} onClick={() => apply({ kind: "style", id, color })}>Apply colour</button>
        <label className="inline-flex items-center gap-1">
          <span>Fill</span>
          <input type="color" data-testid="edit-background" aria-label="Background colour" value={background} onChange={(e) => setBackground(e.target.value)} className="h-6 w-8 cursor-pointer rounded border border-zinc-300" />
        </label>
        <button type="button" data-testid="apply-background" className={button} disabled={busy} onClick={() => apply({ kind: "style", id, background })}>Apply fill</button>
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <span role="group" aria-label="Alignment" className="inline-flex gap-1">
          {ALIGNS.map((align) => (
            <button key={align} type="button" data-testid={`align-${align}`} className={button} disabled={busy} onClick={() => apply({ kind: "style", id, align })}>
              {align[0]!.toUpperCase() + align.slice(1)}
            </button>
          ))}
        </span>
        <label className="inline-flex items-center gap-1">
          <span>Spacing</span>
          <select data-testid="edit-spacing" disabled={busy} defaultValue="" onChange={(e) => e.target.value && apply({ kind: "style", id, spacing: e.target.value as SpacingStep })} className="rounded border border-zinc-300 bg-white px-1 py-0.5 dark:bg-zinc-900">
            <option value="" disabled>—</option>
            {SPACINGS.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="inline-flex items-center gap-1">
          <span>Size</span>
          <select data-testid="edit-size" disabled={busy} defaultValue="" onChange={(e) => e.target.value && apply({ kind: "style", id, size: e.target.value as SizeStep })} className="rounded border border-zinc-300 bg-white px-1 py-0.5 dark:bg-zinc-900">
            <option value="" disabled>—</option>
            {SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <button type="button" data-testid="move-up" className={button} disabled={busy} onClick={() => apply({ kind: "move", id, direction: "up" })}>Move up</button>
        <button type="button" data-testid="move-down" className={button} disabled={busy} onClick={() => apply({ kind: "move", id, direction: "down" })}>Move down</button>
        <button type="button" data-testid="duplicate-element" className={button} disabled={busy} onClick={() => apply({ kind: "duplicate", id })}>Duplicate</button>
        <button type="button" data-testid="remove-element" className={`${button} text-red-700 dark:text-red-300`} disabled={busy} onClick={() => apply({ kind: "remove", id })}>Remove</button>
      </div>
      {error && <p role="alert" data-testid="edit-error" className="text-red-700 dark:text-red-300">Could not apply the change: {error}</p>}
    </div>
  );
}
