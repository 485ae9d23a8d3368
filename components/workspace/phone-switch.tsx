"use client";

import { TabList } from "@/components/tab-list";

export type PhonePane = "chat" | "preview";

const panes = [
  { id: "chat", label: "Chat", testId: "phone-tab-chat" },
  { id: "preview", label: "Preview", testId: "phone-tab-preview" },
] as const;

/** Below the desktop breakpoint: one pane at a time, the other one tap away (sticky at the top). */
export function PhoneSwitch({ pane, onChange }: { pane: PhonePane; onChange: (pane: PhonePane) => void }) {
  return (
    <div data-testid="phone-switch" className="sticky top-0 z-20 border-b border-zinc-200 bg-white/95 px-4 py-2 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-950/95">
      <TabList
        tabs={panes}
        active={pane}
        onSelect={onChange}
        label="Show"
        className="grid grid-cols-2 rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800"
        tabClassName={(on) =>
          `rounded-md py-1.5 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-indigo-500 ${on ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-700 dark:text-zinc-50" : "text-zinc-600 dark:text-zinc-400"}`
        }
      />
    </div>
  );
}
