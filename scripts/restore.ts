// `npm run restore -- <file> [--yes]`: replaces everything in the database DATABASE_URL names with
// a backup made by `npm run backup`. Asks first on a terminal; elsewhere it needs --yes.
import { createInterface } from "node:readline/promises";
import { restoreDatabase, restoreTarget } from "../lib/backup/restore-database";
import { databaseUrl } from "../lib/database-url";

async function confirmed(target: string, file: string): Promise<boolean> {
  if (process.argv.includes("--yes")) return true;
  if (!process.stdin.isTTY) {
    console.error(`Not restoring: this replaces everything in ${target}. Run it in a terminal to be asked, or add --yes.`);
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`Replace everything in ${target} with ${file}? Stop the app first. Type yes to go on: `);
  rl.close();
  return answer.trim().toLowerCase() === "yes";
}

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!file) throw new Error("Usage: npm run restore -- <backup file> [--yes]");
  const url = databaseUrl();
  const target = restoreTarget(url);
  if (!(await confirmed(target, file))) process.exit(1);
  await restoreDatabase({ url, file });
  console.log(`Restored ${target} from ${file}. Start the app again: it applies any newer migrations.`);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
