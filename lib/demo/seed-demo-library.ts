import { addDays } from "date-fns";
import { demoCatalogueRows, DEMO_ACCOUNTS, DEMO_PASSWORD, readGoodbooks } from "../catalogue/demo-library";
import { seedCatalogue } from "../catalogue/seed-catalogue";
import { resetIdSequences } from "../sql-dialect";
import { checkIn } from "../circulation/check-in";
import { checkOutCopy } from "../circulation/check-out";
import { now, setClock } from "../clock";
import type { Db } from "../db";
import { ensureLibraryBasics } from "../library-setup";
import { seedDemoItemTypes } from "./demo-item-types";
import { cardExpiry } from "../patrons/card-expiry";
import { newCardNumber } from "../patrons/card-number";
import { endOfLibraryDay } from "../policies/library-time";
import { libraryDay } from "../policies/opening-days";
import { hashPassword } from "../patrons/password";
import { createSipDevice } from "../sip2/create-device";
import { SIP_OPERATIONS } from "../sip2/operations";
import { seedDemoHistory } from "./demo-history";

export type SeedDemoOptions = { titles?: number };

/**
 * The demo library: settings, the goodbooks catalogue, demo accounts (one shared password) and a
 * little circulation history made through the real operations with the clock moved back.
 */
export async function seedDemoLibrary(db: Db, { titles }: SeedDemoOptions = {}) {
  const started = now();
  // An honour-system library: patrons may return from their account.
  const settings = { name: "Stacks Demo Library", timeZone: "Europe/London", currency: "GBP", selfServiceReturn: true };
  await ensureLibraryBasics(db, settings);
  const rows = demoCatalogueRows(readGoodbooks().slice(0, titles), started);
  const catalogue = await seedCatalogue(db, rows);
  await seedDemoItemTypes(db);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const categories = new Map((await db.patronCategory.findMany()).map((c) => [c.code, c]));
  const accounts = [];
  for (const account of DEMO_ACCOUNTS) {
    const category = categories.get(account.category)!;
    const user = await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash,
        cardNumber: newCardNumber(),
        categoryId: category.id,
        expiresAt: account.expired ? addDays(started, -10) : cardExpiry(started, category.cardValidityDays, settings.timeZone),
      },
    });
    accounts.push({ ...account, id: user.id, cardNumber: user.cardNumber });
  }
  await resetIdSequences(db, ["User"]);
  // The self-check kiosk of docs/sip2.md, allowed every operation.
  await createSipDevice(db, { login: "selfcheck", password: "stacks-demo", institutionId: "stacks", location: "Main entrance", operations: [...SIP_OPERATIONS] }, null);
  // The history is dated from midday of the library's today, so no step lands on another library
  // day across a daylight-saving change and the demo's figures (a 7.25 fine) hold at any hour.
  const midday = new Date(endOfLibraryDay(started, 0, settings.timeZone).getTime() - 12 * 3_600_000);
  const famous = Math.min(200, Math.floor(catalogue.titles / 2));
  await seedDemoCirculation(db, accounts, midday, famous);
  // A year of other patrons' borrowing around the demo accounts; nothing stays open on the first
  // thousand titles, which the e2e tests borrow and reserve.
  const historyStarted = Date.now();
  const history = await seedDemoHistory(db, {
    at: midday, timeZone: settings.timeZone, passwordHash, keepFreeUpTo: Math.max(famous, Math.min(1000, Math.floor(catalogue.titles / 2))),
    librarianId: accounts.find((a) => a.email === "librarian@demo.stacks")!.id,
  });
  await seedDemoOpeningDays(db, started, settings.timeZone);
  return { ...catalogue, accounts, history: { ...history, seconds: (Date.now() - historyStarted) / 1000 } };
}

/**
 * Closed on Sundays, at Christmas and on New Year's Day. Set after the history, so the demo's
 * figures (the 7.25 fine, 9 days overdue) do not depend on the weekday the demo is seeded on.
 */
async function seedDemoOpeningDays(db: Db, started: Date, timeZone: string) {
  const year = libraryDay(started, timeZone).slice(0, 4);
  await db.librarySettings.update({ where: { id: 1 }, data: { closedWeekdays: "0" } });
  await db.libraryClosure.createMany({
    data: [
      { name: "Christmas", startsOn: `${year}-12-25`, endsOn: `${year}-12-26`, yearly: true },
      { name: "New Year's Day", startsOn: `${year}-01-01`, endsOn: `${year}-01-01`, yearly: true },
    ],
  });
}

async function seedDemoCirculation(db: Db, accounts: { email: string; id: number }[], at: Date, famous: number) {
  const id = (email: string) => accounts.find((a) => a.email === email)!.id;
  const librarian = id("librarian@demo.stacks");
  // Copies of mid-list titles, so the famous ones (the first rows) stay on the shelf.
  const copies = await db.copy.findMany({
    where: { status: "AVAILABLE", title: { id: { gt: famous } } },
    orderBy: { id: "asc" },
    take: 6,
    select: { barcode: true },
  });
  const [a, b, c, d, e, f] = copies.map((copy) => copy.barcode);
  try {
    // Fines: borrowed 60 days ago, returned 10 days ago: 29 days late at 0.25 = 7.25, above the 5.00 block.
    setClock(addDays(at, -60));
    await checkOutCopy({ patronId: id("fines@demo.stacks"), barcode: a, actorId: librarian });
    setClock(addDays(at, -10));
    await checkIn({ barcode: a, actorId: librarian });
    // Overdue: borrowed 30 days ago (due after 21), so 9 days overdue today.
    setClock(addDays(at, -30));
    await checkOutCopy({ patronId: id("overdue@demo.stacks"), barcode: b, actorId: librarian });
    // Reader: two loans in good time and one returned.
    setClock(addDays(at, -5));
    await checkOutCopy({ patronId: id("reader@demo.stacks"), barcode: c, actorId: librarian });
    await checkOutCopy({ patronId: id("reader@demo.stacks"), barcode: d, actorId: librarian });
    await checkOutCopy({ patronId: id("reader@demo.stacks"), barcode: e, actorId: librarian });
    setClock(addDays(at, -1));
    await checkIn({ barcode: e, actorId: librarian });
    await checkOutCopy({ patronId: id("child@demo.stacks"), barcode: f, actorId: librarian });
  } finally {
    setClock(null);
  }
}
