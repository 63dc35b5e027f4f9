import { closeSync, existsSync, openSync, readSync } from "node:fs";
import Database from "better-sqlite3";
import { databaseKind, type DatabaseKind, sqliteFilePath } from "../database-url";
import { libpqConnection, runPgTool } from "./postgres-tools";

/** What a backup file starts with: SQLite's header, or pg_dump's custom format. */
const MAGIC: Record<DatabaseKind, string> = { sqlite: "SQLite format 3\0", postgresql: "PGDMP" };
const NAMED: Record<DatabaseKind, string> = { sqlite: "an SQLite", postgresql: "a PostgreSQL" };

function startsWith(file: string, magic: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(magic.length);
    readSync(fd, head, 0, magic.length, 0);
    return head.toString("latin1") === magic;
  } finally {
    closeSync(fd);
  }
}

/** Where a restore would write, as the person running it knows the database. */
export function restoreTarget(url: string): string {
  return databaseKind(url) === "sqlite" ? sqliteFilePath(url) : `PostgreSQL database ${libpqConnection(url).shown}`;
}

/**
 * Replaces everything in the database with a backup made by backupDatabase, in one step: SQLite's
 * backup API writes the file under an exclusive lock; pg_restore drops and recreates every table
 * in a single transaction, so a failed restore leaves the database as it was.
 */
export async function restoreDatabase({ url, file }: { url: string; file: string }): Promise<{ kind: DatabaseKind }> {
  const kind = databaseKind(url);
  if (!existsSync(file)) throw new Error(`There is no backup file at ${file}.`);
  if (!startsWith(file, MAGIC[kind])) {
    const other = kind === "sqlite" ? "postgresql" : "sqlite";
    const hint = startsWith(file, MAGIC[other]) ? ` It is a backup of ${NAMED[other]} database.` : "";
    throw new Error(`${file} is not a backup of ${NAMED[kind]} database, which DATABASE_URL names.${hint}`);
  }
  if (kind === "sqlite") {
    const backup = new Database(file, { readonly: true, fileMustExist: true });
    try {
      if (backup.pragma("quick_check", { simple: true }) !== "ok") throw new Error(`${file} is damaged (SQLite's quick_check failed).`);
      if (!backup.prepare("SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'").get()) throw new Error(`${file} is not a Stacks database.`);
      await backup.backup(sqliteFilePath(url), { progress: () => 0x7fffffff });
    } finally {
      backup.close();
    }
  } else {
    const { dbname, env } = libpqConnection(url);
    await runPgTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`, file], env);
  }
  return { kind };
}
