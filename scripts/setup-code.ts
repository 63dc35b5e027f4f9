// Issues and prints the one-time setup code of a library with no administrator yet (npm start
// does this on every start; run alone: `npx tsx scripts/setup-code.ts`). Prints nothing once the
// library has an administrator.
import "./environment";
import { db, type Db } from "../lib/db";
import { issueSetupCode } from "../lib/patrons/setup-code";

export async function printSetupCode(database: Db, url: string): Promise<void> {
  const code = await issueSetupCode(database);
  if (!code) return;
  console.log(`\nThis library has no administrator yet. Open ${url}/setup and enter the setup code:\n\n    Setup code: ${code}\n`);
  console.log("It works once and replaces any code printed before (or run npm run admin:create instead).");
}

// Run as a script (tsx scripts/setup-code.ts, or node scripts/setup-code.mjs in the image), not when imported.
if (/[/\\]setup-code\.(ts|mjs)$/.test(process.argv[1] ?? "")) {
  printSetupCode(db, process.env.APP_URL || `http://localhost:${process.env.PORT || "3000"}`)
    .then(() => db.$disconnect())
    .catch(async (e) => {
      console.error((e as Error).message);
      await db.$disconnect();
      process.exit(1);
    });
}
