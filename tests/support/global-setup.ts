import { rmSync } from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../../scripts/migrate";

// Creates the fresh database named by DATABASE_URL (set per project in vitest.config.ts),
// applies every migration the way npm start does (Prisma's migrate deploy), and drops it after
// the run.
export default async function setup(project: TestProject) {
  const url = project.config.env.DATABASE_URL;
  const kind = project.config.env.STACKS_TEST_DB;
  if (!url || (kind !== "sqlite" && kind !== "postgres")) throw new Error("integration tests need DATABASE_URL and STACKS_TEST_DB");

  if (kind === "sqlite") {
    const file = url.replace(/^file:/, "");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    await migrate(url);
    return () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    };
  }

  const target = new URL(url);
  const database = target.pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`The PostgreSQL suite needs a server at ${adminUrl.host}: ${(e as Error).message}`);
  }
  await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
  await migrate(url);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  };
}
