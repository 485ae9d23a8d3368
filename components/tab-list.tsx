"use client";

import { useRef, type KeyboardEvent } from "react";

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** `data-testid` of the tab button. */
  testId?: string;
}

export interface TabListProps<T extends string> {
  tabs: readonly TabItem<T>[];
  active: T;
  onSelect: (id: T) => void;
  label: string;
  className?: string;
  tabClassName: (active: boolean) => string;
}

/**
 * A WAI-ARIA tab list: one tab stop (the selected tab), ←/→ (and Home/End) move and select, so the
 * keyboard works the way screen-reader users expect from tabs.
 */
export function TabList<T extends string>({ tabs, active, onSelect, label, className, tabClassName }: TabListProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === active);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  }

  return (
    <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className={className}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          aria-selected={t.id === active}
          tabIndex={t.id === active ? 0 : -1}
          data-testid={t.testId}
          onClick={() => onSelect(t.id)}
          className={tabClassName(t.id === active)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
