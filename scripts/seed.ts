// `npm run db:seed`: seeds the demo library into an empty database.
//   --if-empty  do nothing when the database already has users or titles (used by npm start)
//   --demo      with --if-empty: the demo library; without it only the settings and patron categories
// The demo library's passwords are published: under NODE_ENV=production it is seeded only with
// STACKS_DEMO=1. Several instances starting at once on a new PostgreSQL database seed it one at a
// time (an advisory lock): the first seeds, the others find it no longer empty.
import "./environment";
import { databaseUrl } from "../lib/database-url";
import { db, dbKind } from "../lib/db";
import { seedDemoLibrary } from "../lib/demo/seed-demo-library";
import { ensureLibraryBasics } from "../lib/library-setup";
import { LOCKS, withAdvisoryLock } from "./advisory-lock";
import { printDemoAccounts } from "./demo-accounts";

const args = process.argv.slice(2);
const ifEmpty = args.includes("--if-empty");
const demo = args.includes("--demo") || !ifEmpty;
const demoRefused = process.env.NODE_ENV === "production" && process.env.STACKS_DEMO !== "1";

async function main(): Promise<void> {
  const [users, titles] = await Promise.all([db.user.count(), db.title.count()]);
  if (users + titles > 0) {
    if (!ifEmpty) throw new Error("The database is not empty: seed a new one.");
    return;
  }
  if (demo && demoRefused) {
    if (!ifEmpty) throw new Error("Not seeding the demo library (its passwords are published) under NODE_ENV=production: set STACKS_DEMO=1 to insist.");
    console.log("NODE_ENV=production: the demo library is not seeded (set STACKS_DEMO=1 to insist).");
  }
  if (!demo || demoRefused) {
    await ensureLibraryBasics(db);
    console.log("A new, empty library: create its administrator at /setup with the setup code npm start prints (or run npm run admin:create).");
    return;
  }
  const started = Date.now();
  console.log("Seeding the demo library (10,000 books from goodbooks-10k by Zygmunt Zając, CC BY-SA 4.0)…");
  const result = await seedDemoLibrary(db);
  // Fresh planner statistics; on PostgreSQL VACUUM also empties the GIN index's pending list,
  // which every search would otherwise scan.
  await db.$executeRawUnsafe(dbKind === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
  console.log(`Seeded ${result.titles.toLocaleString("en")} titles and ${result.copies.toLocaleString("en")} copies in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  const h = result.history;
  console.log(`With a year of history: ${h.patrons} patrons, ${h.loans.toLocaleString("en")} loans (${h.openLoans} out today), ${h.fines} fines, ${h.payments} payments and waivers, ${h.holds} holds, written in ${h.seconds.toFixed(1)} s.`);
  // npm start prints the accounts once the server is up.
  if (!ifEmpty) await printDemoAccounts(db);
}

withAdvisoryLock(databaseUrl(), LOCKS.seed, main)
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error(e);
    await db.$disconnect();
    process.exit(1);
  });
