// Creates the PostgreSQL database DATABASE_URL names when it is missing. Two instances starting
// at once on a new server both see it missing and both send CREATE DATABASE: the one that loses
// gets 42P04 (duplicate_database) or, while the winner's is still being committed, 23505 on
// pg_database's name index. Either means the database is there, which is all a start needs.
import pg from "pg";
import { databaseKind } from "../lib/database-url";

const ALREADY_THERE = new Set(["42P04", "23505"]);

export async function createDatabaseIfMissing(url: string): Promise<void> {
  if (databaseKind(url) !== "postgresql") return;
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    console.log(`Created PostgreSQL database ${name}.`);
  } catch (e) {
    if (!ALREADY_THERE.has((e as { code?: string }).code ?? "")) throw e;
  } finally {
    await client.end();
  }
}
