import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, sqliteFilePath } from "@/lib/database-url";
import { benchDatabaseUrls } from "./args";
import { migrationScripts } from "../../tests/support/migrate-sql";

export const BENCH_DATABASES = benchDatabaseUrls("bench-search.db", "stacks_bench");

async function countTitles(url: string): Promise<number | null> {
  try {
    if (!isPostgresUrl(url)) {
      const file = sqliteFilePath(url);
      if (!existsSync(file)) return null;
      const sqlite = new Database(file, { readonly: true });
      try {
        return (sqlite.prepare(`SELECT COUNT(*) AS n FROM "Title"`).get() as { n: number }).n;
      } finally {
        sqlite.close();
      }
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return Number((await client.query(`SELECT COUNT(*) AS n FROM "Title"`)).rows[0].n);
    } finally {
      await client.end();
    }
  } catch {
    return null;
  }
}

/**
 * Keeps a benchmark database holding exactly `titles` titles, or makes a fresh, migrated, empty
 * one to fill. Building 100,000 titles takes minutes; measuring them again should not.
 */
export async function prepareBenchDatabase(url: string, titles: number, { fresh = false } = {}): Promise<"reused" | "empty"> {
  if (!fresh && (await countTitles(url)) === titles) return "reused";
  if (!isPostgresUrl(url)) {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    for (const sql of migrationScripts("sqlite")) sqlite.exec(sql);
    sqlite.close();
    return "empty";
  }
  const database = new URL(url).pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const sql of migrationScripts("postgres")) await client.query(sql);
  await client.end();
  return "empty";
}
