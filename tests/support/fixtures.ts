import { db } from "@/lib/db";
import { titleIndex } from "@/lib/catalogue/title-index";
import { newCardNumber } from "@/lib/patrons/card-number";
import { UNUSED_HASH } from "@/lib/patrons/password";

let serial = 0;

/** A title with `copies` copies on the shelf, of the item type `itemTypeCode`; barcodes are unique across the test run. */
export async function makeTitle({ title = `Book ${++serial}`, copies = 1, replacementCostCents = 2000, itemTypeCode = "BOOK" } = {}) {
  const created = await db.title.create({ data: { title, ...titleIndex(title, ["Test Author"], ["General"]) } });
  const barcodes = Array.from({ length: copies }, () => `T${++serial}-${Date.now()}`);
  await db.copy.createMany({ data: barcodes.map((barcode) => ({ barcode, titleId: created.id, replacementCostCents, itemTypeCode })) });
  const rows = await db.copy.findMany({ where: { titleId: created.id }, orderBy: { id: "asc" } });
  return { ...created, copies: rows };
}

/** Patrons made straight in the database (no password hashing: they never sign in). */
export async function makePatrons(count: number, { categoryCode = "ADULT" } = {}) {
  const category = await db.patronCategory.findUniqueOrThrow({ where: { code: categoryCode } });
  const stamp = `${Date.now()}-${++serial}`;
  await db.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      email: `p${i}-${stamp}@test.stacks`,
      name: `Patron ${i} ${stamp}`,
      passwordHash: UNUSED_HASH,
      cardNumber: newCardNumber(),
      categoryId: category.id,
    })),
  });
  const made = await db.user.findMany({ where: { email: { endsWith: `-${stamp}@test.stacks` } }, orderBy: { id: "asc" } });
  // Each was made with an email just above.
  return made.map((u) => ({ ...u, email: u.email as string }));
}

export async function makePatron(options: { categoryCode?: string } = {}) {
  return (await makePatrons(1, options))[0];
}

export async function makeLibrarian() {
  const category = await db.patronCategory.findUniqueOrThrow({ where: { code: "STAFF" } });
  return db.user.create({
    data: { email: `lib-${++serial}-${Date.now()}@test.stacks`, name: "Desk Librarian", role: "LIBRARIAN", passwordHash: UNUSED_HASH, cardNumber: newCardNumber(), categoryId: category.id },
  });
}

export const days = (n: number) => n * 86_400_000;
