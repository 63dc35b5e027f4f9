import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { databaseKind, databaseUrl } from "./database-url";
import { environment } from "./env";

// Both generated clients expose the same model API; the SQLite one names the type
// (docs/decisions/002-two-migration-folders.md).
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// A busy desk queues transactions for the pool's few connections: wait for one rather than
// fail after Prisma's default 2 s, and let a transaction run longer than the default 5 s.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

export function createDb(url = databaseUrl()): Db {
  if (databaseKind(url) === "postgresql") {
    // A Vercel function instance serves one request at a time, and many instances run at once.
    const adapter = new PrismaPg({ connectionString: url, max: environment().DATABASE_POOL_SIZE ?? (process.env.VERCEL ? 3 : 10) });
    return new PostgresClient({ adapter, transactionOptions }) as unknown as Db;
  }
  // timeout is SQLite's busy_timeout: writers from other processes wait for the lock.
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }), transactionOptions });
}

// One client per server process, kept across dev hot reloads.
const globalForDb = globalThis as unknown as { stacksDb?: Db };
export const db: Db = (globalForDb.stacksDb ??= createDb());

export const dbKind = databaseKind();

/**
 * True when `e` is the database refusing a duplicate on a unique index (naming `field`, when
 * given): the last word on a race that a check inside the transaction could not see coming.
 */
export function isUniqueViolation(e: unknown, field?: string): boolean {
  if (typeof e !== "object" || e === null || (e as { code?: unknown }).code !== "P2002") return false;
  return field === undefined || JSON.stringify((e as { meta?: unknown }).meta ?? {}).includes(field);
}
