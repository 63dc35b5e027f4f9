// `npm run db:seed`: seeds the demo library into an empty database.
//   --if-empty  do nothing when the database already has users or titles (used by npm start)
//   --demo      the demo library; without it only the settings and patron categories
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/catalogue/demo-library";
import { db, dbKind } from "../lib/db";
import { seedDemoLibrary } from "../lib/demo/seed-demo-library";
import { ensureLibraryBasics } from "../lib/library-setup";

const args = process.argv.slice(2);
const demo = args.includes("--demo") || !args.includes("--if-empty");

function printAccounts(cards: Map<string, string>): void {
  console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD})`);
  console.table(DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role, card: cards.get(a.email) ?? "", what: a.note })));
}

async function main(): Promise<void> {
  const [users, titles] = await Promise.all([db.user.count(), db.title.count()]);
  if (users + titles > 0) {
    if (!args.includes("--if-empty")) throw new Error("The database is not empty: seed a new one.");
    const demoUsers = await db.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { email: true, cardNumber: true } });
    if (demoUsers.length) printAccounts(new Map(demoUsers.map((u) => [u.email, u.cardNumber])));
    return;
  }
  if (!demo) {
    await ensureLibraryBasics(db);
    console.log("A new, empty library: open the app to create its administrator (or run npm run admin:create).");
    return;
  }
  const started = Date.now();
  console.log("Seeding the demo library (10,000 books from goodbooks-10k, CC BY-SA 4.0)…");
  const result = await seedDemoLibrary(db);
  await db.$executeRawUnsafe(dbKind === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
  console.log(`Seeded ${result.titles.toLocaleString("en")} titles and ${result.copies.toLocaleString("en")} copies in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  printAccounts(new Map(result.accounts.map((a) => [a.email, a.cardNumber])));
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error(e);
    await db.$disconnect();
    process.exit(1);
  });
