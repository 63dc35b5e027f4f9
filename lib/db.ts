import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { databaseKind, databaseUrl, isPostgresUrl } from "./database-url";

// Both generated clients expose the same model API; the SQLite one names the type
// (docs/decisions/002-two-migration-folders.md).
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// A busy desk queues transactions for the pool's few connections: wait for one rather than
// fail after Prisma's default 2 s, and let a transaction run longer than the default 5 s.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

export function createDb(url = databaseUrl()): Db {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PostgresClient({ adapter, transactionOptions }) as unknown as Db;
  }
  // timeout is SQLite's busy_timeout: writers from other processes wait for the lock.
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }), transactionOptions });
}

// One client per server process, kept across dev hot reloads.
const globalForDb = globalThis as unknown as { stacksDb?: Db };
export const db: Db = (globalForDb.stacksDb ??= createDb());

export const dbKind = databaseKind();
