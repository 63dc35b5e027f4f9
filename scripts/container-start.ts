// The Docker image's command, run as PID 1: applies the migrations (one instance at a time, the
// others wait; skipped with STACKS_MIGRATE=0, for instances started after a release step that
// migrated), seeds a new database (the basic patron categories; the demo library only with
// STACKS_DEMO=1, since the image runs under NODE_ENV=production), prints the setup code of a
// library with no administrator, then serves from this same process, so that `docker stop`'s
// SIGTERM reaches the server. It never builds: the image holds the build. Bundled into plain
// JavaScript by scripts/bundle-scripts.mjs, as the image has neither tsx nor dev dependencies.
import "./environment";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/catalogue/demo-library";
import { databaseKind, databaseUrl, demoSeedingWanted } from "../lib/database-url";
import { migrate } from "./migrate";

const here = path.dirname(fileURLToPath(import.meta.url));
const url = databaseUrl();

/** Seeding and the setup code each run in a process of their own, so this one serves with a fresh database client. */
function runScript(name: string, args: string[] = []): void {
  const result = spawnSync(process.execPath, [path.join(here, name), ...args], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`${name} failed (exit code ${result.status}).`);
}

async function main(): Promise<void> {
  console.log(`Stacks: ${databaseKind(url)} database`);
  if (process.env.STACKS_MIGRATE === "0") {
    console.log("STACKS_MIGRATE=0: not applying migrations nor seeding; /api/ready answers 503 until another instance has.");
  } else {
    await migrate(url);
    const demo = demoSeedingWanted({ url, env: process.env, isCheckout: false });
    runScript("seed.mjs", ["--if-empty", ...(demo ? ["--demo"] : [])]);
    if (demo) {
      console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`).join(", ")}`);
    }
    runScript("setup-code.mjs");
  }
  // Behind Docker's port mapping or a proxy, Auth.js takes the host from the request.
  process.env.AUTH_TRUST_HOST ??= "true";
  await import(path.join(here, "serve.mjs"));
}

main().catch((e) => {
  console.error(`Stacks could not start: ${(e as Error).message}`);
  process.exit(1);
});
