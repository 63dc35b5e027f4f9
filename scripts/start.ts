// `npm start`: a working library on http://localhost:$PORT. Applies migrations, seeds a new
// database (the demo library on the default SQLite file of a checkout or with STACKS_DEMO=1,
// never under NODE_ENV=production without it; otherwise only the settings and categories, and
// the administrator is created at /setup with the setup code printed here), builds the app
// when the sources are newer than the build, and serves it. A bad environment (lib/env.ts) stops
// it first, with one line.
import "./environment";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { databaseKind, databaseUrl } from "../lib/database-url";
import { db } from "../lib/db";
import { printDemoAccounts } from "./demo-accounts";
import { prepareDatabase } from "./prepare";
import { printSetupCode } from "./setup-code";

const url = databaseUrl();
const port = process.env.PORT ?? "3000";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const require = createRequire(import.meta.url);
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";

/**
 * A secret from the environment, or, outside production (lib/env.ts refuses a production start
 * without it), one generated once and kept in data/.
 */
function secret(name: "AUTH_SECRET" | "CRON_SECRET", file: string): string {
  if (process.env[name]) return process.env[name]!;
  mkdirSync("data", { recursive: true });
  const where = path.join("data", file);
  if (!existsSync(where)) writeFileSync(where, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(where, "utf8").trim();
}

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  const stat = statSync(dir);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir)) {
    if (entry === "generated" || entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestSource(path.join(dir, entry)));
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "proxy.ts", "next.config.ts", "package.json", "postcss.config.mjs", "tailwind.config.ts", "types"];
  return sources.some((s) => newestSource(s) > built);
}

function build(): void {
  console.log("Building the app (first start, or the code changed)…");
  // next build rewrites tsconfig.json for a custom distDir: keep the committed one.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit", env: process.env });
  writeFileSync("tsconfig.json", tsconfig);
  if (result.status !== 0) throw new Error("The build failed.");
}

async function main(): Promise<void> {
  console.log(`Stacks: ${databaseKind(url)} database ${databaseKind(url) === "sqlite" ? url.replace(/^file:/, "") : new URL(url).pathname.slice(1)}`);
  await prepareDatabase(url);
  const cronSecretGenerated = !process.env.CRON_SECRET;
  process.env.AUTH_SECRET = secret("AUTH_SECRET", "auth-secret");
  process.env.CRON_SECRET = secret("CRON_SECRET", "cron-secret");
  process.env.AUTH_TRUST_HOST = "true";
  if (needsBuild()) build();
  const server = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  // The SIP2 server is its own process: a kiosk's traffic never waits on a page render.
  const sip2 = process.env.SIP2_PORT ? spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/sip2-server.ts"], { stdio: "inherit", env: process.env }) : null;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.kill(signal);
      sip2?.kill(signal);
    });
  }
  server.on("exit", (code) => {
    sip2?.kill("SIGTERM");
    process.exit(code ?? 0);
  });
  sip2?.on("exit", (code) => {
    if (code) console.error(`The SIP2 server stopped (exit code ${code}).`);
  });
  await untilServing();
  await printDemoAccounts(db);
  await printSetupCode(db, `http://localhost:${port}`);
  await db.$disconnect();
  if (cronSecretGenerated) {
    console.log(`\nThe daily job's secret is in data/cron-secret (GET /api/cron/daily with "Authorization: Bearer <secret>").`);
  }
  console.log(`\nStacks is serving on http://localhost:${port}`);
}

/** Waits for the health check to answer, so the address is printed when it works. */
async function untilServing(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main().catch((e) => {
  console.error(`Stacks could not start: ${(e as Error).message}`);
  process.exit(1);
});
