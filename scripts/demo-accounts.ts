import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/catalogue/demo-library";
import type { Db } from "../lib/db";

/** Prints the demo accounts present in the database as a table; nothing for a real library. */
export async function printDemoAccounts(db: Db): Promise<void> {
  const users = await db.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { email: true, cardNumber: true } });
  if (!users.length) return;
  const cards = new Map(users.map((u) => [u.email, u.cardNumber]));
  console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD})`);
  console.table(
    DEMO_ACCOUNTS.filter((a) => cards.has(a.email)).map((a) => ({ email: a.email, role: a.role, card: cards.get(a.email), account: a.note })),
  );
}
