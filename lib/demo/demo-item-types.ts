import type { Db } from "../db";

/** Demo titles (by catalogue order) whose copies are DVDs, and whose first copy is a reference copy. Past those the e2e tests use. */
const DVD_TITLES = { skip: 600, take: 10 };
const REFERENCE_TITLES = { skip: 610, take: 5 };

/**
 * Some demo copies are DVDs (7 days, 1.00 a day) and reference copies (library use only), so the
 * matrix shows on the title page and at the desk. The types themselves come with ensureLibraryBasics.
 */
export async function seedDemoItemTypes(db: Db): Promise<void> {
  const titles = async ({ skip, take }: { skip: number; take: number }) =>
    (await db.title.findMany({ orderBy: { id: "asc" }, skip, take, select: { id: true } })).map((t) => t.id);
  await db.copy.updateMany({ where: { titleId: { in: await titles(DVD_TITLES) } }, data: { itemTypeCode: "DVD" } });
  for (const titleId of await titles(REFERENCE_TITLES)) {
    const first = await db.copy.findFirst({ where: { titleId }, orderBy: { id: "asc" }, select: { id: true } });
    if (first) await db.copy.update({ where: { id: first.id }, data: { itemTypeCode: "REFERENCE", shelfLocation: "Reference desk" } });
  }
}
