"use client";

import { structuredPatch } from "diff";
import { useEffect, useState } from "react";
import type { ProjectVersionInfo } from "@/lib/protocol";
import { describeApiError } from "@/lib/client/generation-api";
import { fetchVersionFiles, type SiteFiles } from "@/lib/client/version-files";
import { TabList } from "@/components/tab-list";

const files = [
  { id: "html", label: "index.html" },
  { id: "css", label: "styles.css" },
  { id: "js", label: "script.js" },
] as const;
type FileId = (typeof files)[number]["id"];

/** The answer for one pair of versions (`key`); an answer for another pair is not shown. */
type Load = { state: "loading" } | { state: "ready"; key: string; from: SiteFiles; to: SiteFiles } | { state: "error"; key: string; message: string };

/** Line changes of one file between two versions, as hunks with two lines of context. */
export function diffFile(before: string, after: string) {
  const patch = structuredPatch("before", "after", before, after, "", "", { context: 2 });
  const lines = patch.hunks.flatMap((h) => h.lines);
  return {
    hunks: patch.hunks,
    added: lines.filter((l) => l.startsWith("+")).length,
    removed: lines.filter((l) => l.startsWith("-")).length,
  };
}

const lineTone = (line: string) =>
  line.startsWith("+") ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200" : line.startsWith("-") ? "bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200" : "text-zinc-600 dark:text-zinc-400";

/** Compares two versions of the project file by file (fetched with the project token as Bearer). */
export function VersionCompare({ versions, projectToken }: { versions: ProjectVersionInfo[]; projectToken: string }) {
  const newest = versions[0]?.version ?? 0;
  const [from, setFrom] = useState(versions[1]?.version ?? newest);
  const [to, setTo] = useState(newest);
  const [file, setFile] = useState<FileId>("html");
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const key = `${from}-${to}`;

  useEffect(() => {
    const a = versions.find((v) => v.version === from);
    const b = versions.find((v) => v.version === to);
    if (!a || !b) return;
    let current = true;
    Promise.all([fetchVersionFiles({ previewUrl: a.previewUrl, projectToken }), fetchVersionFiles({ previewUrl: b.previewUrl, projectToken })]).then(
      ([before, after]) => current && setLoad({ state: "ready", key: `${from}-${to}`, from: before, to: after }),
      (error: unknown) => current && setLoad({ state: "error", key: `${from}-${to}`, message: describeApiError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [from, to, versions, projectToken]);

  const select = (value: number, onChange: (v: number) => void, label: string, testId: string) => (
    <label className="flex items-center gap-1">
      <span className="sr-only">{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(Number(e.target.value))} className="rounded-md border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700">
        {versions.map((v) => (
          <option key={v.version} value={v.version}>v{v.version}</option>
        ))}
      </select>
    </label>
  );
  // While another pair loads, the previous pair's answer is not shown as this one's.
  const shown: Load = load.state !== "loading" && load.key === key ? load : { state: "loading" };
  const diff = shown.state === "ready" ? diffFile(shown.from[file], shown.to[file]) : null;

  return (
    <div data-testid="version-compare" data-state={shown.state} className="mt-3 space-y-2 border-t border-zinc-100 pt-3 text-xs dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <span>Compare</span>
        {select(from, setFrom, "Older version", "compare-from")}
        <span>with</span>
        {select(to, setTo, "Newer version", "compare-to")}
      </div>
      <TabList
        tabs={files}
        active={file}
        onSelect={setFile}
        label="File to compare"
        className="flex gap-1"
        tabClassName={(on) => `rounded px-2 py-0.5 font-mono ${on ? "bg-zinc-200 dark:bg-zinc-700" : "text-zinc-500"}`}
      />
      {shown.state === "loading" && <p className="text-zinc-500">Loading both versions…</p>}
      {shown.state === "error" && <p role="alert" className="text-red-700 dark:text-red-300">Could not compare: {shown.message}</p>}
      {diff && (
        <>
          <p data-testid="compare-summary" className="text-zinc-600 dark:text-zinc-400">
            {diff.hunks.length === 0 ? "No changes in this file." : `+${diff.added} −${diff.removed} lines`}
          </p>
          <pre data-testid="compare-diff" className="max-h-80 overflow-auto rounded-md border border-zinc-200 font-mono text-[11px] leading-snug dark:border-zinc-800">
            {diff.hunks.map((h) => (
              <div key={`${h.oldStart}-${h.newStart}`} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <div className="bg-zinc-50 px-2 text-zinc-500 dark:bg-zinc-900">@@ line {h.newStart} @@</div>
                {h.lines.map((line, i) => (
                  <div key={i} className={`px-2 whitespace-pre-wrap break-all ${lineTone(line)}`}>{line}</div>
                ))}
              </div>
            ))}
          </pre>
        </>
      )}
    </div>
  );
}
