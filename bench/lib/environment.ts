import { execFileSync } from "node:child_process";
import os from "node:os";

export type BenchEnvironment = { cores: number; cpu: string; node: string; commit: string; date: string };

/** What a reader needs to reproduce a figure: machine, runtime and the code measured. */
export function benchEnvironment(): BenchEnvironment {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim();
    if (dirty) commit += "+uncommitted";
  } catch {
    // not a git checkout: the figure still stands, without its commit
  }
  return { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version, commit, date: new Date().toISOString() };
}
