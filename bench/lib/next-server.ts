import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const BENCH_DIST_DIR = ".next-bench";

const env = (extra: Record<string, string>) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...extra });

/** Builds the app into its own dist dir unless a build is already there (`--rebuild` forces one). */
export function ensureBuild(force = false): void {
  if (!force && existsSync(path.join(BENCH_DIST_DIR, "BUILD_ID"))) return;
  console.log(`Building the app into ${BENCH_DIST_DIR} …`);
  // next build rewrites tsconfig.json for a dist dir of its own: keep the committed one.
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

export type RunningServer = { url: string; pid: number; stop: () => Promise<void> };

/**
 * The app served as `npm start` serves it (scripts/serve.mjs over the bench build) against a
 * database; resolves once /api/health answers. `nodeArgs` go to the server's node (a CPU
 * profile, say). The scheduler stays off: its daily job would run during the measurement.
 * `pageCacheSeconds` 0 turns off the visitors' page cache (scripts/page-cache.mjs), so every
 * request renders; unset, it is what `npm start` has. `workers` sets STACKS_WEB_WORKERS (a CPU
 * profile wants 1: forked workers inherit `nodeArgs` and each profiles its share); unset, the server's default.
 */
export async function startServer(
  databaseUrl: string,
  port: number,
  { nodeArgs = [] as string[], pageCacheSeconds, workers }: { nodeArgs?: string[]; pageCacheSeconds?: number; workers?: number } = {},
): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "scripts/serve.mjs"], {
    env: env({
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      PORT: String(port),
      LOG_LEVEL: "warn",
      STACKS_SCHEDULER: "off",
      ...(pageCacheSeconds === undefined ? {} : { STACKS_PAGE_CACHE_SECONDS: String(pageCacheSeconds) }),
      ...(workers === undefined ? {} : { STACKS_WEB_WORKERS: String(workers) }),
      // Fresh for each server: it listens on every interface, as npm start does.
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      CRON_SECRET: process.env.CRON_SECRET ?? randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
    }),
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
      if (response.ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error("next start did not answer within 60 s");
}
