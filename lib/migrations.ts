// The committed migrations, as scripts/migrate.ts applies them and the readiness check counts
// them. Shared by the app and the scripts, so it must not import anything server-only.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl } from "./database-url";

/** Prisma's history table: migrate.ts writes it the way `prisma migrate deploy` does, so either may follow the other. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

/** The migrations folder for the database `url` names (docs/decisions/002-two-migration-folders.md). */
export function migrationsFolder(url: string, root = process.cwd()): string {
  return isPostgresUrl(url) ? path.join(root, "prisma", "postgres", "migrations") : path.join(root, "prisma", "migrations");
}

/** Migration names in the order they apply (Prisma's: by name), each a folder holding migration.sql. */
export function migrationNames(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}
