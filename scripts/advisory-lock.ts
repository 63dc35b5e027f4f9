// A PostgreSQL session advisory lock held on a connection of its own for the length of `work`,
// so steps that span many transactions and processes (seeding a new database) run one at a time
// across instances. pg_advisory_lock waits; the lock goes with the connection if a process dies.
import pg from "pg";
import { databaseKind } from "../lib/database-url";

/** Lock keys: any fixed numbers, one per kind of work. */
export const LOCKS = { seed: 7_301_001 } as const;

export async function withAdvisoryLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  // SQLite has one server process per file (docs/operations.md): nothing to serialise against.
  if (databaseKind(url) !== "postgresql") return work();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return await work();
  } finally {
    await client.end();
  }
}
