// `npm run db:deploy`: creates the database when missing (PostgreSQL) or its folder (SQLite),
// then applies the committed migrations, each in its own transaction, recording them in Prisma's
// history table (so `prisma migrate status` reads it). Needs only the database drivers: the
// Docker image runs it bundled, without the Prisma CLI or tsx.
import "./environment";
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "../lib/database-url";
import { MIGRATIONS_TABLE, migrationNames, migrationsFolder } from "../lib/migrations";
import { createDatabaseIfMissing } from "./database-create";

/** The SQLite file's folder, or the PostgreSQL database (tolerating another instance creating it at the same moment). */
export async function ensureDatabaseExists(url: string): Promise<void> {
  if (isPostgresUrl(url)) return createDatabaseIfMissing(url);
  mkdirSync(path.dirname(path.resolve(sqliteFilePath(url))), { recursive: true });
}

/** WAL lets the server's readers work while a writer commits; the mode is stored in the file, so once is enough. */
function useWriteAheadLog(file: string): void {
  const sqlite = new Database(file);
  try {
    if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

type Migration = { name: string; sql: string; checksum: string };

/** Prisma Migrate's advisory lock key: a `prisma migrate` run and this script never overlap either. */
const POSTGRES_LOCK_KEY = 72707369;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const INSERT_APPLIED = `INSERT INTO "${MIGRATIONS_TABLE}" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")`;

function readMigrations(folder: string): Migration[] {
  return migrationNames(folder).map((name) => {
    const bytes = readFileSync(path.join(folder, name, "migration.sql"));
    return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
  });
}

function failed(migration: Migration, e: unknown): Error {
  return new Error(`Migration ${migration.name} failed and was rolled back, nothing of it applied: ${(e as Error).message}`);
}

/** A migration Prisma's CLI started and never finished may be half-applied: a person must look. */
function refuseUnfinished(names: string[]): void {
  if (names.length === 0) return;
  throw new Error(
    `Migration ${names[0]} was started earlier and never finished, so part of it may be applied: repair the database, then run \`npx prisma migrate resolve --rolled-back ${names[0]}\` and start again.`,
  );
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One instance migrates; the others wait here, then find nothing left to apply. The lock
    // belongs to this session, so it goes with the connection whatever happens.
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(
      `SELECT "migration_name", "finished_at" FROM "${MIGRATIONS_TABLE}" WHERE "rolled_back_at" IS NULL`,
    );
    const done = new Set(rows.filter((r) => r.finished_at).map((r) => r.migration_name));
    refuseUnfinished(rows.filter((r) => !r.finished_at && !done.has(r.migration_name)).map((r) => r.migration_name));
    let applied = 0;
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      // PostgreSQL's DDL is transactional: a statement failing half-way takes the earlier ones with it.
      try {
        await client.query("BEGIN");
        const startedAt = new Date();
        await client.query(migration.sql);
        await client.query(`${INSERT_APPLIED} VALUES ($1, $2, $3, $4, now(), 1)`, [randomUUID(), migration.checksum, migration.name, startedAt]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw failed(migration, e);
      }
      applied++;
    }
    return applied;
  } finally {
    await client.end();
  }
}

/** Prisma writes SQLite's timestamps as RFC 3339 text with an offset. */
const sqliteTime = (at: Date) => at.toISOString().replace("Z", "+00:00");

function migrateSqlite(file: string, migrations: Migration[]): number {
  const sqlite = new Database(file, { timeout: 10_000 });
  try {
    sqlite.exec(SQLITE_TABLE);
    // Prisma's SQLite migrations rebuild tables (drop, create, copy): with foreign keys enforced a
    // drop would cascade into the child rows. The pragma is ignored inside a transaction, so it is
    // set here, and the keys are checked before each commit instead.
    sqlite.pragma("foreign_keys = OFF");
    let applied = 0;
    for (const migration of migrations) {
      // IMMEDIATE takes the write lock before looking, so two processes never apply one migration twice.
      sqlite.exec("BEGIN IMMEDIATE");
      try {
        const rows = sqlite.prepare(`SELECT "finished_at" FROM "${MIGRATIONS_TABLE}" WHERE "migration_name" = ? AND "rolled_back_at" IS NULL`).all(migration.name) as { finished_at: string | null }[];
        if (rows.some((r) => r.finished_at)) {
          sqlite.exec("COMMIT");
          continue;
        }
        refuseUnfinished(rows.length ? [migration.name] : []);
        const startedAt = new Date();
        sqlite.exec(migration.sql);
        const broken = sqlite.pragma("foreign_key_check") as unknown[];
        if (broken.length) throw new Error(`${broken.length} rows would break a foreign key`);
        sqlite.prepare(`${INSERT_APPLIED} VALUES (?, ?, ?, ?, ?, 1)`).run(randomUUID(), migration.checksum, migration.name, sqliteTime(startedAt), sqliteTime(new Date()));
        sqlite.exec("COMMIT");
      } catch (e) {
        if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
        throw /never finished/.test((e as Error).message) ? e : failed(migration, e);
      }
      applied++;
    }
    return applied;
  } finally {
    sqlite.close();
  }
}

/**
 * Applies the migrations in `folder` (the committed ones by default) that the database lacks,
 * in name order, each in one transaction. Returns how many it applied.
 */
export async function migrate(url = databaseUrl(), { folder = migrationsFolder(url) }: { folder?: string } = {}): Promise<number> {
  await ensureDatabaseExists(url);
  const migrations = readMigrations(folder);
  const applied = isPostgresUrl(url) ? await migratePostgres(url, migrations) : migrateSqlite(sqliteFilePath(url), migrations);
  if (!isPostgresUrl(url)) useWriteAheadLog(sqliteFilePath(url));
  console.log(`Database migrations are up to date (${migrations.length} in total${applied ? `, ${applied} applied now` : ""}).`);
  return applied;
}

// Run as a script (tsx scripts/migrate.ts, or node scripts/migrate.mjs in the image), not when imported.
if (/[/\\]migrate\.(ts|mjs)$/.test(process.argv[1] ?? "")) {
  migrate().catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
