// What `npm start` does to the database before serving: create it when missing, apply the
// migrations, seed it when new. Safe to run by several instances at once on a new PostgreSQL
// database. Alone: `npx tsx scripts/prepare.ts`.
import "./environment";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { databaseUrl, demoSeedingWanted } from "../lib/database-url";
import { migrate } from "./migrate";

const require = createRequire(import.meta.url);

export async function prepareDatabase(url = databaseUrl()): Promise<void> {
  await migrate(url);
  const demo = demoSeedingWanted({ url, env: process.env, isCheckout: existsSync(".git") });
  // Seeding runs in its own process so that the clock and the database client start fresh.
  const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/seed.ts", "--if-empty", ...(demo ? ["--demo"] : [])], {
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) throw new Error("Seeding the database failed.");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((e) => {
    console.error(`Preparing the database failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
