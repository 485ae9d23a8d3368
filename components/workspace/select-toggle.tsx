"use client";

import { useEffect } from "react";
import { useSelection } from "./selection-context";

/** Keys typed into a field are the user's text, never a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The preview's select-mode switch (shortcut S; Esc leaves). In select mode a click or tap in the
 * frame selects an element instead of using the site.
 */
export function SelectToggle() {
  const selection = useSelection();
  const on = selection?.on ?? false;
  const setOn = selection?.setOn;
  useEffect(() => {
    if (!setOn) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "Escape" && on) setOn(false);
      else if (event.key === "s" || event.key === "S") setOn(!on);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [on, setOn]);
  if (!selection?.canEdit) return null;
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-keyshortcuts="S"
      data-testid="select-toggle"
      title="Select an element to edit (S; Esc leaves)"
      onClick={() => selection.setOn(!on)}
      className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-indigo-500 ${on ? "bg-indigo-600 text-white" : "text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"}`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M3 2l9 5-4 1.2L6.5 13z" strokeLinejoin="round" />
      </svg>
      {on ? "Selecting" : "Select"}
      <span className="sr-only"> elements (shortcut S)</span>
    </button>
  );
}
