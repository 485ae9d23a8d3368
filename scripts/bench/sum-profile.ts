import { readFileSync } from "node:fs";
import path from "node:path";

/*
 * `npx tsx scripts/bench/sum-profile.ts FILE.cpuprofile [TOP]`: a V8 CPU profile (from
 * `node --cpu-prof`) summed by function — self time per function (file:line) and per file, as a
 * share of the busy (non-idle) samples — so a profile can be read without DevTools.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: sum-profile.ts FILE.cpuprofile [TOP]");
const top = Number(topArg ?? 25) || 25;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const shortUrl = (url: string) => (url ? url.replace(/^file:\/\//, "").split("node_modules/").at(-1)!.replace(process.cwd() + "/", "") : "(native)");
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let busy = 0;
let idle = 0;
for (const [id, micros] of selfMicros) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === "(idle)" || functionName === "(program)") {
    idle += functionName === "(idle)" ? micros : 0;
    if (functionName === "(idle)") continue;
  }
  busy += micros;
  const key = `${functionName || "(anonymous)"}  ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ""}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  const fileKey = url ? path.basename(shortUrl(url).split("/dist/")[0]!.split("/lib/")[0]!) + " · " + shortUrl(url) : functionName;
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + micros);
}

const print = (title: string, table: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  }
};
console.log(`${file}: busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms`);
print("self time by function", byFunction);
print("self time by file", byFile);
