import { readFileSync } from "node:fs";

// Reads a V8 .cpuprofile (node --cpu-prof) and says where the CPU went: self time by package
// (or by part of the app bundle) and the functions that cost the most themselves.

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type CpuShare = { name: string; ms: number; share: number };
export type CpuSummary = { busyMs: number; wallMs: number; byArea: CpuShare[]; topFunctions: CpuShare[] };

const IDLE = new Set(["(idle)", "(program)"]);

/** Where a frame's code lives, in words a reader can act on. */
function area({ functionName, url }: ProfileNode["callFrame"]): string {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (!url) return functionName.startsWith("(") ? functionName : "native";
  if (url.startsWith("node:")) return "node internals";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (pkg) {
    if (pkg[1] === "next") {
      if (/compiled\/next-server\/app-page/.test(pkg[2])) return "next: app page runtime (React server rendering)";
      if (/compiled\//.test(pkg[2])) return `next: compiled ${pkg[2].split("/")[2] ?? ""}`.trim();
      return "next: server";
    }
    return pkg[1];
  }
  const chunk = url.match(/\.next[^/]*\/server\/(.*)$/);
  if (chunk) return "app bundle (our code and what it bundles)";
  return url.replace(/^file:\/\//, "").replace(process.cwd(), ".");
}

export function summariseCpuProfile(file: string, top = 15): CpuSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  // timeDeltas[i] is the time before sample i: the time a sample stands for is the next delta.
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + ms);
  }
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busyMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = nodes.get(id)!.callFrame;
    if (IDLE.has(frame.functionName)) continue;
    busyMs += ms;
    const where = area(frame);
    byArea.set(where, (byArea.get(where) ?? 0) + ms);
    const name = `${frame.functionName || "(anonymous)"} · ${where}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const shares = (m: Map<string, number>) =>
    [...m]
      .map(([name, ms]) => ({ name, ms, share: ms / busyMs }))
      .sort((a, b) => b.ms - a.ms);
  return { busyMs, wallMs: (profile.endTime - profile.startTime) / 1000, byArea: shares(byArea).slice(0, top), topFunctions: shares(byFunction).slice(0, top) };
}
