import type { Db } from "./db";

/** The patron categories every library starts with (SPEC "Circulation" defaults for adults). */
export const DEFAULT_CATEGORIES = [
  { code: "ADULT", name: "Adult" },
  { code: "CHILD", name: "Child", maxLoans: 3, fineDailyCents: 10, fineCapCents: 300, blockThresholdCents: 300 },
  { code: "STAFF", name: "Staff", loanPeriodDays: 28, maxLoans: 10 },
];

/** Puts the settings row and default categories into a new database; leaves an existing one as it is. */
export async function ensureLibraryBasics(db: Db, settings: { name?: string; timeZone?: string; currency?: string; selfServiceReturn?: boolean } = {}): Promise<void> {
  await db.librarySettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: {} });
  for (const category of DEFAULT_CATEGORIES) {
    await db.patronCategory.upsert({ where: { code: category.code }, create: category, update: {} });
  }
}
