import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { now } from "../clock";
import { databaseKind, type DatabaseKind, sqliteFilePath } from "../database-url";
import { libpqConnection, runPgTool } from "./postgres-tools";

const EXTENSION: Record<DatabaseKind, string> = { sqlite: "db", postgresql: "dump" };

/** backups/stacks-<kind>-<UTC time>.<ext>, e.g. backups/stacks-sqlite-20261202T204512Z.db */
export function defaultBackupPath(kind: DatabaseKind, at = now()): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  return path.join("backups", `stacks-${kind}-${stamp}.${EXTENSION[kind]}`);
}

/**
 * A consistent copy of the whole database (covers included, as they are kept in it) while the
 * library stays open: SQLite's online backup, or pg_dump's custom format for PostgreSQL.
 * Never overwrites a file.
 */
export async function backupDatabase({ url, file }: { url: string; file?: string }): Promise<{ file: string; kind: DatabaseKind; bytes: number }> {
  const kind = databaseKind(url);
  const target = file ?? defaultBackupPath(kind);
  if (existsSync(target)) throw new Error(`${target} already exists: give another file name.`);
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  if (kind === "sqlite") {
    const source = sqliteFilePath(url);
    if (!existsSync(source)) throw new Error(`There is no SQLite database at ${source}.`);
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      // All pages in one step: a step restarts when another process writes meanwhile.
      await db.backup(target, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
  } else {
    const { dbname, env } = libpqConnection(url);
    await runPgTool("pg_dump", ["--format=custom", "--no-owner", `--file=${target}`, `--dbname=${dbname}`], env);
  }
  return { file: target, kind, bytes: statSync(target).size };
}
