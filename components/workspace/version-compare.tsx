"use client";

import { structuredPatch } from "diff";
import { useEffect, useState } from "react";
import type { ProjectVersionInfo } from "@/lib/protocol";
import { describeApiError } from "@/lib/client/generation-api";
import { fetchVersionFiles, type SiteFiles } from "@/lib/client/version-files";
import { fetchVersionTicketUrl } from "@/lib/client/version-links";
import { useGenerationStore } from "@/stores/generation-store-provider";
import { TabList } from "@/components/tab-list";

const modes = [
  { id: "pages", label: "Pages", testId: "compare-mode-pages" },
  { id: "code", label: "Code diff", testId: "compare-mode-code" },
] as const;

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

/**
 * Compares two versions (newest first in `versions`): side by side as rendered pages, each in its
 * own sandboxed frame opened through a ticket, with the code diff one click away.
 */
export function VersionCompare({ versions, projectToken, onClose }: { versions: ProjectVersionInfo[]; projectToken: string; onClose?: () => void }) {
  const newest = versions[0]?.version ?? 0;
  const [from, setFrom] = useState(versions[1]?.version ?? newest);
  const [to, setTo] = useState(newest);
  const [file, setFile] = useState<FileId>("html");
  const [mode, setMode] = useState<"pages" | "code">(onClose ? "pages" : "code");
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
    <div data-testid="version-compare" data-state={shown.state} data-mode={mode} className={`space-y-2 text-xs ${onClose ? "rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900" : "mt-3 border-t border-zinc-100 pt-3 dark:border-zinc-800"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span>Compare</span>
        {select(from, setFrom, "Older version", "compare-from")}
        <span>with</span>
        {select(to, setTo, "Newer version", "compare-to")}
        {onClose && (
          <>
            <TabList tabs={modes} active={mode} onSelect={setMode} label="Compare as" className="ml-auto flex rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800" tabClassName={(on) => `rounded-md px-2 py-0.5 font-medium ${on ? "bg-white shadow-sm dark:bg-zinc-700" : "text-zinc-600 dark:text-zinc-400"}`} />
            <button type="button" data-testid="compare-close" onClick={onClose} className="rounded-md px-2 py-0.5 font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">Close</button>
          </>
        )}
      </div>
      {mode === "pages" && <SideBySide from={from} to={to} projectToken={projectToken} />}
      {mode === "code" && <>
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
      </>}
    </div>
  );
}

/** Two versions as rendered pages, each in a sandboxed frame (`allow-scripts` only) opened by a ticket. */
function SideBySide({ from, to, projectToken }: { from: number; to: number; projectToken: string }) {
  const projectId = useGenerationStore((s) => s.generation.project_id);
  const [urls, setUrls] = useState<{ key: string; from: string; to: string } | { key: string; error: string } | null>(null);
  const key = `${from}-${to}`;
  useEffect(() => {
    let current = true;
    Promise.all([fetchVersionTicketUrl({ projectId, version: from, projectToken }), fetchVersionTicketUrl({ projectId, version: to, projectToken })]).then(
      ([a, b]) => current && setUrls({ key: `${from}-${to}`, from: a, to: b }),
      (error: unknown) => current && setUrls({ key: `${from}-${to}`, error: describeApiError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [projectId, from, to, projectToken]);
  if (!urls || urls.key !== key) return <p className="text-zinc-500">Loading both versions…</p>;
  if ("error" in urls) return <p role="alert" className="text-red-700 dark:text-red-300">Could not compare: {urls.error}</p>;
  return (
    <div data-testid="compare-pages" className="grid gap-2 md:grid-cols-2">
      {[{ version: from, url: urls.from }, { version: to, url: urls.to }].map(({ version, url }, index) => (
        <figure key={`${index}-${version}`} className="min-w-0 overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
          <figcaption className="border-b border-zinc-200 bg-zinc-50 px-2 py-1 font-mono font-semibold dark:border-zinc-800 dark:bg-zinc-950">v{version}</figcaption>
          <iframe src={url} sandbox="allow-scripts" referrerPolicy="no-referrer" title={`Version ${version}`} data-testid="compare-frame" data-version={version} className="block h-[60vh] w-full border-0 bg-white" />
        </figure>
      ))}
    </div>
  );
}
