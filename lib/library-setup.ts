import type { Db } from "./db";

/** The patron categories every library starts with (SPEC "Circulation" defaults for adults). */
export const DEFAULT_CATEGORIES = [
  { code: "ADULT", name: "Adult" },
  { code: "CHILD", name: "Child", maxLoans: 3, fineDailyCents: 10, fineCapCents: 300, blockThresholdCents: 300 },
  { code: "STAFF", name: "Staff", loanPeriodDays: 28, maxLoans: 10 },
];

/**
 * The item types every library starts with, and their default rows of the circulation matrix
 * (SPEC: DVDs 7 days at 1.00 a day; Reference not for loan). BOOK is every copy's default.
 */
export const DEFAULT_ITEM_TYPES = [
  { code: "BOOK", name: "Book" },
  { code: "DVD", name: "DVD", loanPeriodDays: 7, fineDailyCents: 100 },
  { code: "AUDIOBOOK", name: "Audiobook" },
  { code: "MAGAZINE", name: "Magazine", loanPeriodDays: 7, maxRenewals: 0 },
  { code: "REFERENCE", name: "Reference", notForLoan: true, holdable: false },
];

/** Puts the settings row, default categories and item types into a new database; leaves an existing one as it is. */
export async function ensureLibraryBasics(db: Db, settings: { name?: string; timeZone?: string; currency?: string; selfServiceReturn?: boolean } = {}): Promise<void> {
  await db.librarySettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: {} });
  for (const category of DEFAULT_CATEGORIES) {
    await db.patronCategory.upsert({ where: { code: category.code }, create: category, update: {} });
  }
  for (const type of DEFAULT_ITEM_TYPES) {
    await db.itemType.upsert({ where: { code: type.code }, create: type, update: {} });
  }
}
