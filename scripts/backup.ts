// `npm run backup [-- <file>]`: a copy of the whole database (covers included), while the library
// stays open. Written to backups/stacks-<kind>-<time>.<db|dump> unless a file is given.
import { backupDatabase } from "../lib/backup/backup-database";
import { databaseUrl } from "../lib/database-url";

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a) => !a.startsWith("-"));
  const done = await backupDatabase({ url: databaseUrl(), file });
  console.log(`Backed up the ${done.kind === "sqlite" ? "SQLite" : "PostgreSQL"} database to ${done.file} (${(done.bytes / 1024 / 1024).toFixed(1)} MB).`);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
