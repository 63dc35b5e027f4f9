// Creates the PostgreSQL database DATABASE_URL names when it is missing. It connects to that
// database first, so a role that may not open the server's `postgres` database (managed hosts
// such as Neon, which name theirs differently) migrates an existing database all the same; only
// when the server answers 3D000 (no such database) does it go through `postgres` to create it.
// Two instances starting at once on a new server both see it missing and both send CREATE
// DATABASE: the one that loses gets 42P04 (duplicate_database) or, while the winner's is still
// being committed, 23505 on pg_database's name index. Either means the database is there.
import pg from "pg";
import { databaseKind } from "../lib/database-url";

const ALREADY_THERE = new Set(["42P04", "23505"]);
const NO_SUCH_DATABASE = "3D000";

export async function createDatabaseIfMissing(url: string): Promise<void> {
  if (databaseKind(url) !== "postgresql") return;
  const target = new pg.Client({ connectionString: url });
  try {
    await target.connect();
    return;
  } catch (e) {
    if ((e as { code?: string }).code !== NO_SUCH_DATABASE) throw e;
  } finally {
    await target.end().catch(() => undefined);
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    console.log(`Created PostgreSQL database ${name}.`);
  } catch (e) {
    if (!ALREADY_THERE.has((e as { code?: string }).code ?? "")) throw e;
  } finally {
    await client.end();
  }
}
