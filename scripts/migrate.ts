// `npm run db:deploy`: creates the database when missing (PostgreSQL) or its folder (SQLite),
// then applies the committed migrations with Prisma's CLI (WebAssembly engine, nothing downloaded).
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "../lib/database-url";

export async function ensureDatabaseExists(url: string): Promise<void> {
  if (!isPostgresUrl(url)) {
    mkdirSync(path.dirname(path.resolve(sqliteFilePath(url))), { recursive: true });
    return;
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created PostgreSQL database ${name}.`);
    }
  } finally {
    await client.end();
  }
}

/** WAL lets the server's readers work while a writer commits; the mode is stored in the file, so once is enough. */
function useWriteAheadLog(file: string): void {
  const sqlite = new Database(file);
  try {
    if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

export async function migrate(url = databaseUrl()): Promise<void> {
  await ensureDatabaseExists(url);
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
  });
  let output = "";
  const done = /successfully applied|No pending migrations/;
  const code = await new Promise<number | null>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      // The WebAssembly engine leaves a timer that holds the CLI open for ~10 s on PostgreSQL.
      if (done.test(output)) child.kill();
    });
    // Shown only when the migration fails: on success it is the CLI's banner.
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (exitCode) => resolve(done.test(output) ? 0 : exitCode));
  });
  if (code !== 0) {
    // Prisma's SQLite engine takes the file in exclusive locking mode, which a server holding it open refuses.
    if (!isPostgresUrl(url) && /SocketTimeout|database is locked/.test(output)) {
      throw new Error(`${sqliteFilePath(url)} is in use by another process: stop the Stacks server using it, then try again.`);
    }
    process.stdout.write(output);
    throw new Error("Applying the database migrations failed (see above).");
  }
  if (!isPostgresUrl(url)) useWriteAheadLog(sqliteFilePath(url));
  const found = /(\d+) migrations? found/.exec(output);
  console.log(`Database migrations are up to date${found ? ` (${found[1]} in total)` : ""}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrate().catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
