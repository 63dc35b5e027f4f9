import { databaseUrl } from "./database-url";
import { db } from "./db";
import { MIGRATIONS_TABLE, migrationNames, migrationsFolder } from "./migrations";

export type Readiness = { ready: boolean; database: "up" | "down"; pendingMigrations: string[] };

/**
 * Whether this instance can serve: the database answers and has applied every committed
 * migration (none yet while another instance is still migrating, or before the first start).
 */
export async function readiness(): Promise<Readiness> {
  const expected = migrationNames(migrationsFolder(databaseUrl()));
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    return { ready: false, database: "down", pendingMigrations: expected };
  }
  // No history table yet: nothing is applied.
  const rows = await db
    .$queryRawUnsafe<{ migration_name: string }[]>(`SELECT "migration_name" FROM "${MIGRATIONS_TABLE}" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`)
    .catch(() => []);
  const applied = new Set(rows.map((r) => r.migration_name));
  const pendingMigrations = expected.filter((name) => !applied.has(name));
  return { ready: pendingMigrations.length === 0, database: "up", pendingMigrations };
}
