import { existsSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, sqliteFilePath } from "@/lib/database-url";
import { benchDatabaseUrls } from "./args";
import { migrate } from "../../scripts/migrate";

export const BENCH_DATABASES = benchDatabaseUrls("bench-search.db", "stacks_bench");

/** The rows a statement answers on a benchmark database, read directly (no app client, no migration). */
export async function readRows<T>(url: string, sql: string): Promise<T[]> {
  if (!isPostgresUrl(url)) {
    const file = sqliteFilePath(url);
    if (!existsSync(file)) throw new Error(`no database file at ${file}`);
    const sqlite = new Database(file, { readonly: true });
    try {
      return sqlite.prepare(sql).all() as T[];
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function countTitles(url: string): Promise<number | null> {
  try {
    return Number((await readRows<{ n: number | string }>(url, `SELECT COUNT(*) AS n FROM "Title"`))[0].n);
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
