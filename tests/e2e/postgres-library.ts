import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import pg from "pg";

// A demo library of its own on the PostgreSQL server, for the specs that start their own servers
// against PostgreSQL (two-instances.spec.ts, server-workers.spec.ts).

const SERVER = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The URL of the database `name` on the test PostgreSQL server. */
export function postgresDatabaseUrl(name: string): string {
  return SERVER.replace(/\/[^/]*$/, `/${name}`);
}

/** Creates, migrates and seeds the demo library in DATABASE_URL of `env`, as the first start would. */
export function prepareDemoLibrary(env: NodeJS.ProcessEnv): void {
  const prepared = spawnSync(process.execPath, [createRequire(import.meta.url).resolve("tsx/cli"), "scripts/prepare.ts"], {
    cwd: process.cwd(),
    env: { ...env, STACKS_DEMO: "1" },
    encoding: "utf8",
  });
  if (prepared.status !== 0) throw new Error(`Preparing the database failed:\n${prepared.stdout}\n${prepared.stderr}`);
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
