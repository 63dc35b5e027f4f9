import { mkdirSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrationScripts } from "./migrate-sql";

// Creates the fresh database named by DATABASE_URL (set per project in vitest.config.ts),
// applies every migration, and drops it after the run.
export default async function setup(project: TestProject) {
  const url = project.config.env.DATABASE_URL;
  const kind = project.config.env.STACKS_TEST_DB;
  if (!url || (kind !== "sqlite" && kind !== "postgres")) throw new Error("integration tests need DATABASE_URL and STACKS_TEST_DB");

  if (kind === "sqlite") {
    const file = url.replace(/^file:/, "");
    mkdirSync("data", { recursive: true });
    rmSync(file, { force: true });
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    for (const sql of migrationScripts("sqlite")) sqlite.exec(sql);
    sqlite.close();
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
  await admin.query(`CREATE DATABASE "${database}"`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const sql of migrationScripts("postgres")) await client.query(sql);
  await client.end();
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  };
}
