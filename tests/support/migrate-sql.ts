import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The migration files of a database kind, in order, for test databases (same SQL as prisma migrate deploy). */
export function migrationScripts(kind: "sqlite" | "postgres"): string[] {
  const dir = kind === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations";
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}
