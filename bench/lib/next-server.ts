import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const BENCH_DIST_DIR = ".next-bench";

const env = (extra: Record<string, string>) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...extra });

/** Builds the app into its own dist dir unless a build is already there (`--rebuild` forces one). */
export function ensureBuild(force = false): void {
  if (!force && existsSync(path.join(BENCH_DIST_DIR, "BUILD_ID"))) return;
  console.log(`Building the app into ${BENCH_DIST_DIR} …`);
  // next build rewrites tsconfig.json for a custom distDir: keep the committed one.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: env({ NEXT_DIST_DIR: BENCH_DIST_DIR }) });
  writeFileSync("tsconfig.json", tsconfig);
  if (result.status !== 0) throw new Error("next build failed");
}

/** A TCP port nobody listens on, in [from, to]. */
export async function freePort(from = 3400, to = 3499): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer().once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

export type RunningServer = { url: string; stop: () => Promise<void> };

/**
 * `next start` against a database; resolves once /api/health answers. Production needs both
 * secrets (lib/env.ts); the scheduler stays off so the daily job does not run while measuring.
 */
export async function startServer(databaseUrl: string, port: number): Promise<RunningServer> {
  const child: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: env({ NEXT_DIST_DIR: BENCH_DIST_DIR, DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-0123456789abcdef", CRON_SECRET: process.env.CRON_SECRET ?? "bench-only-cron-secret-0123456789abcdef", STACKS_SCHEDULER: "off", AUTH_TRUST_HOST: "true" }),
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error("next start did not answer within 60 s");
}
