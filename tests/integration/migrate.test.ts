import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isPostgresUrl } from "@/lib/database-url";
import { migrate } from "../../scripts/migrate";

// scripts/migrate.ts on a database of its own (not the suite's), with migrations written into a
// temporary folder: a migration that fails half-way, and two instances starting at once.
const suiteUrl = process.env.DATABASE_URL!;
const postgres = isPostgresUrl(suiteUrl);
let folder = "";
let url = "";

function writeMigration(name: string, sql: string): void {
  mkdirSync(path.join(folder, name), { recursive: true });
  writeFileSync(path.join(folder, name, "migration.sql"), sql);
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  if (!postgres) {
    const sqlite = new Database(url.replace(/^file:/, ""));
    try {
      return sqlite.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const tableNames = async () =>
  (await query(postgres ? `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'` : `SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r) => r.name);
const appliedNames = async () => (await query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`)).map((r) => r.migration_name);

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "stacks-migrations-"));
  const name = `migrate_${process.pid}_${Date.now()}`;
  url = postgres ? suiteUrl.replace(/\/[^/]*$/, `/${name}`) : `file:${path.join(folder, `${name}.db`)}`;
});

afterEach(async () => {
  if (postgres) {
    const admin = new pg.Client({ connectionString: suiteUrl.replace(/\/[^/]*$/, "/postgres") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
  rmSync(folder, { recursive: true, force: true });
});

describe("migrate", () => {
  it("rolls back a migration that fails half-way, keeping the ones before it, and applies it once repaired", async () => {
    writeMigration("001_shelves", `CREATE TABLE "Shelf" ("id" INTEGER PRIMARY KEY);`);
    writeMigration("002_broken", `CREATE TABLE "Bin" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);`);

    await expect(migrate(url, { folder })).rejects.toThrow(/002_broken failed and was rolled back/);
    expect(await tableNames()).toContain("Shelf");
    expect(await tableNames()).not.toContain("Bin");
    expect(await appliedNames()).toEqual(["001_shelves"]);

    writeMigration("002_broken", `CREATE TABLE "Bin" ("id" INTEGER PRIMARY KEY);`);
    expect(await migrate(url, { folder })).toBe(1);
    expect(await tableNames()).toContain("Bin");
    expect(await appliedNames()).toEqual(["001_shelves", "002_broken"]);
  });

  it("lets two instances start at once: one applies each migration, the other finds it applied", async () => {
    writeMigration("001_shelves", `CREATE TABLE "Shelf" ("id" INTEGER PRIMARY KEY);`);
    writeMigration("002_bins", `CREATE TABLE "Bin" ("id" INTEGER PRIMARY KEY);`);
    // The database exists first: creating it in a race is start-up's business, not migrate's.
    const none = path.join(folder, "none");
    mkdirSync(none);
    await migrate(url, { folder: none });

    const applied = await Promise.all([migrate(url, { folder }), migrate(url, { folder })]);
    expect(applied.sort()).toEqual([0, 2]);
    expect(await appliedNames()).toEqual(["001_shelves", "002_bins"]);
  });
});
