import { existsSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, sqliteFilePath } from "@/lib/database-url";
import { benchDatabaseUrls } from "./args";
import { migrate } from "../../scripts/migrate";

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
  // Made the way npm start makes a database: Prisma's migrate deploy.
  if (!isPostgresUrl(url)) {
    const file = sqliteFilePath(url);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  } else {
    const adminUrl = new URL(url);
    adminUrl.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
  await migrate(url);
  return "empty";
}
