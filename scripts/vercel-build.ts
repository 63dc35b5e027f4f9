// Vercel's build command (`npm run vercel-build`, which Vercel runs instead of `build`): applies
// the migrations over a direct connection (DATABASE_URL_UNPOOLED as Neon names it, or
// DIRECT_URL as Supabase does; a transaction pooler would lose the advisory lock between
// statements), creates the settings and basic patron categories of a new database (the demo
// library only with STACKS_DEMO=1), prints the setup code while the library has no
// administrator, then builds. Functions never migrate: they start on a migrated database.
import "./environment";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { isPostgresUrl } from "../lib/database-url";
import { migrate } from "./migrate";

const require = createRequire(import.meta.url);
const direct = process.env.DATABASE_URL_UNPOOLED || process.env.DIRECT_URL || process.env.DATABASE_URL || "";

function run(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${args.slice(1).join(" ")} failed (exit code ${result.status}).`);
}

async function main(): Promise<void> {
  if (!isPostgresUrl(direct)) {
    throw new Error("Set DATABASE_URL (pooled) and DATABASE_URL_UNPOOLED or DIRECT_URL (direct) to postgresql://… URLs: a Vercel deployment has no disk for SQLite (docs/deploy-vercel.md).");
  }
  await migrate(direct);
  const scriptEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: direct, NODE_ENV: "production" };
  const tsx = require.resolve("tsx/cli");
  run([tsx, "scripts/seed.ts", "--if-empty", ...(process.env.STACKS_DEMO === "1" ? ["--demo"] : [])], scriptEnv);
  // The build log is where the operator of a new library finds the code for /setup.
  run([tsx, "scripts/setup-code.ts"], scriptEnv);
  run([require.resolve("next/dist/bin/next"), "build"], process.env);
}

main().catch((e) => {
  console.error(`vercel-build: ${(e as Error).message}`);
  process.exit(1);
});
