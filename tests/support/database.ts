import { db } from "@/lib/db";
import { DEFAULT_ITEM_TYPES } from "@/lib/library-setup";
import { registerPatron } from "@/lib/patrons/register-patron";

// Every table, children first, so a reset never trips a foreign key.
const TABLES = [
  "AuditEntry",
  "NotificationPreference",
  "Notification",
  "PaymentAllocation",
  "Payment",
  "Fine",
  "Hold",
  "Loan",
  "Copy",
  "CirculationRule",
  "ItemType",
  "CoverImage",
  "TitleGenre",
  "TitleAuthor",
  "Title",
  "Genre",
  "Author",
  "SipDevice",
  "ApiKey",
  "SignInThrottle",
  "SetupCode",
  "UserSession",
  "User",
  "PatronCategory",
  "LibrarySettings",
  "LibraryClosure",
  "ScheduledRun",
] as const;

/** Empties the test database and puts back the default patron categories and item types. */
export async function resetDatabase(): Promise<void> {
  for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
  await db.patronCategory.createMany({
    data: [
      { code: "ADULT", name: "Adult" },
      { code: "CHILD", name: "Child", maxLoans: 3, fineDailyCents: 10, fineCapCents: 300 },
      { code: "STAFF", name: "Staff", loanPeriodDays: 28, maxLoans: 10 },
    ],
  });
  await db.itemType.createMany({ data: DEFAULT_ITEM_TYPES });
}

let counter = 0;

/** A patron (or staff member) with a unique email; password "correct horse battery". */
export async function makeUser(options: { name?: string; role?: "PATRON" | "LIBRARIAN" | "ADMIN"; categoryCode?: string } = {}) {
  counter += 1;
  return registerPatron({
    name: options.name ?? `Patron ${counter}`,
    email: `user${counter}-${Date.now()}@test.stacks`,
    password: "correct horse battery",
    role: options.role,
    categoryCode: options.categoryCode,
  });
}
