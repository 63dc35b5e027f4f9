import { beforeAll, describe, expect, it } from "vitest";
import { demoCatalogueRows, DEMO_PASSWORD, readGoodbooks } from "@/lib/catalogue/demo-library";
import { normalizeIsbn } from "@/lib/catalogue/isbn";
import { db } from "@/lib/db";
import { seedDemoLibrary } from "@/lib/demo/seed-demo-library";
import { verifyPassword } from "@/lib/patrons/password";
import { searchCatalogue } from "@/lib/search/search-catalogue";
import { EMPTY_SEARCH } from "@/lib/search/search-options";
import { resetDatabase } from "../support/database";

const TITLES = 200;
const source = readGoodbooks().slice(0, TITLES);
const expected = demoCatalogueRows(source, new Date());

describe("the demo library (first 200 goodbooks rows)", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemoLibrary(db, { titles: TITLES });
  });

  it("holds every title, its copies, authors and genres once", async () => {
    const [titles, copies, authors, genres] = await Promise.all([db.title.count(), db.copy.count(), db.author.count(), db.genre.findMany()]);
    expect(titles).toBe(TITLES);
    expect(copies).toBe(expected.reduce((n, row) => n + row.copies.length, 0));
    expect(copies).toBeGreaterThanOrEqual(TITLES);
    expect(copies).toBeLessThanOrEqual(TITLES * 4);
    expect(authors).toBe(new Set(expected.flatMap((row) => row.authors)).size);
    expect(genres.map((g) => g.name)).toEqual(expect.arrayContaining(["General", "Fantasy", "Young Adult", "Classics"]));
    expect(genres.find((g) => g.name === "Young Adult")?.slug).toBe("young-adult");
  });

  it("has The Hunger Games with its repaired ISBN and series as the subtitle", async () => {
    const book = await db.title.findUnique({
      where: { isbn13: "9780439023481" },
      include: { authors: { include: { author: true } }, genres: { include: { genre: true } }, copies: true },
    });
    expect(book).toMatchObject({ title: "The Hunger Games", subtitle: "The Hunger Games, #1", year: 2008, language: "en", sortTitle: "hunger games" });
    expect(book?.authors.map((a) => a.author.name)).toEqual(["Suzanne Collins"]);
    expect(book?.genres.map((g) => g.genre.name)).toEqual(["Young Adult"]);
    expect(book?.copies.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps authors in the order the book names them", async () => {
    const book = await db.title.findFirst({
      where: { title: "Harry Potter and the Sorcerer's Stone" },
      include: { authors: { orderBy: { position: "asc" }, include: { author: true } } },
    });
    expect(book?.authors.map((a) => a.author.name)).toEqual(["J.K. Rowling", "Mary GrandPré"]);
    expect(book?.authorNames).toBe("J.K. Rowling, Mary GrandPré");
    expect(book?.genreNames).toBe("Fantasy");
  });

  it("stores only valid, unique ISBN-13s", async () => {
    const isbns = (await db.title.findMany({ where: { isbn13: { not: null } }, select: { isbn13: true } })).map((t) => t.isbn13!);
    expect(isbns.length).toBeGreaterThan(TITLES * 0.9);
    for (const isbn of isbns) expect(normalizeIsbn(isbn)).toBe(isbn);
    expect(new Set(isbns).size).toBe(isbns.length);
  });

  it("gives every copy a unique barcode, a shelf and a replacement cost", async () => {
    const copies = await db.copy.findMany({ select: { barcode: true, shelfLocation: true, replacementCostCents: true } });
    expect(new Set(copies.map((c) => c.barcode)).size).toBe(copies.length);
    for (const copy of copies) {
      expect(copy.barcode).toMatch(/^C\d{6}$/);
      expect(copy.shelfLocation).toMatch(/^.+ [A-Z]–[A-Z], shelf \d$/);
      expect(copy.replacementCostCents).toBeGreaterThanOrEqual(1500);
      expect(copy.replacementCostCents).toBeLessThanOrEqual(3500);
    }
  });

  it("has no year for works without a positive publication year", async () => {
    const withoutYear = source.filter((row) => !(Number.parseInt(row.original_publication_year, 10) > 0)).map((row) => Number(row.book_id));
    const years = await db.title.findMany({ where: { id: { in: withoutYear } }, select: { year: true } });
    expect(years.length).toBe(withoutYear.length);
    for (const { year } of years) expect(year).toBeNull();
  });

  it("is findable by words, author and ISBN through the search index", async () => {
    const first = async (q: string) => (await searchCatalogue({ ...EMPTY_SEARCH, q, count: false })).hits[0]?.title;
    expect(await first("hunger games")).toBe("The Hunger Games");
    expect(await first("0-439-02348-3")).toBe("The Hunger Games");
    expect((await searchCatalogue({ ...EMPTY_SEARCH, q: "rowling", count: false })).hits[0]?.authorNames).toMatch(/^J\.K\. Rowling/);
  });

  it("opens with the demo settings and accounts sharing one password", async () => {
    expect(await db.librarySettings.findUnique({ where: { id: 1 } })).toMatchObject({ name: "Stacks Demo Library", timeZone: "Europe/London", currency: "GBP", selfServiceReturn: true });
    const users = await db.user.findMany({ include: { category: true } });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get("admin@demo.stacks")).toMatchObject({ role: "ADMIN", name: "Ada Admin", category: { code: "STAFF" } });
    expect(byEmail.get("librarian@demo.stacks")).toMatchObject({ role: "LIBRARIAN", name: "Lee Librarian", category: { code: "STAFF" } });
    expect(byEmail.get("patron@demo.stacks")).toMatchObject({ role: "PATRON", name: "Pat Patron", status: "ACTIVE", category: { code: "ADULT" } });
    expect(byEmail.get("child@demo.stacks")?.category.code).toBe("CHILD");
    const expired = byEmail.get("expired@demo.stacks")!;
    expect(expired.expiresAt!.getTime()).toBeLessThan(Date.now());
    expect(byEmail.get("patron@demo.stacks")!.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    expect(await verifyPassword(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);
    const patronLoans = await db.loan.count({ where: { patron: { email: "patron@demo.stacks" }, returnedAt: null } });
    expect(patronLoans).toBe(0);
  });

  it("looks lived in: other patrons across categories, a year of loans, fines and holds", async () => {
    const others = await db.user.groupBy({ by: ["categoryId"], where: { email: { endsWith: "@mail.demo.stacks" } }, _count: true });
    expect(others.reduce((n, g) => n + g._count, 0)).toBe(300);
    expect(others.length).toBeGreaterThanOrEqual(2);
    const yearAgo = new Date(Date.now() - 330 * 86_400_000);
    expect(await db.loan.count({ where: { checkedOutAt: { lt: yearAgo }, returnedAt: { not: null } } })).toBeGreaterThan(100);
    expect(await db.loan.count({ where: { returnedAt: null, dueAt: { lt: new Date() } } })).toBeGreaterThan(1);
    expect(await db.payment.count({ where: { kind: "PAYMENT" } })).toBeGreaterThan(10);
    expect(await db.payment.count({ where: { kind: "WAIVER" } })).toBeGreaterThan(5);
    for (const status of ["FULFILLED", "EXPIRED", "CANCELLED", "WAITING", "READY"] as const) expect(await db.hold.count({ where: { status } })).toBeGreaterThan(0);
  });

  it("keeps the rules in its history: fines for late returns, loans for fulfilled holds, copies as their loans and holds say", async () => {
    const late = await db.loan.findMany({ where: { returnedAt: { not: null } }, select: { id: true, dueAt: true, returnedAt: true, fines: { select: { amountCents: true, paidCents: true, waivedCents: true, settledAt: true } } } });
    for (const loan of late.filter((l) => l.returnedAt!.getTime() - l.dueAt.getTime() > 86_400_000)) expect(loan.fines).toHaveLength(1);
    for (const fine of late.flatMap((l) => l.fines)) expect(fine.settledAt !== null).toBe(fine.paidCents + fine.waivedCents === fine.amountCents);
    const fulfilled = await db.hold.findMany({ where: { status: "FULFILLED" }, select: { patronId: true, copyId: true, closedAt: true } });
    for (const hold of fulfilled) expect(await db.loan.count({ where: { patronId: hold.patronId, copyId: hold.copyId!, checkedOutAt: hold.closedAt! } })).toBe(1);
    expect(await db.loan.count({ where: { lastRenewedAt: { gt: new Date() } } })).toBe(0);
    const open = await db.loan.findMany({ where: { returnedAt: null }, select: { copyId: true } });
    expect(new Set(open.map((l) => l.copyId)).size).toBe(open.length);
    const onLoan = await db.copy.findMany({ where: { status: "ON_LOAN" }, select: { id: true } });
    expect(onLoan.map((c) => c.id).sort()).toEqual(open.map((l) => l.copyId).sort());
    const ready = await db.hold.findMany({ where: { status: "READY" }, select: { copyId: true } });
    const shelf = await db.copy.findMany({ where: { status: "ON_HOLD_SHELF" }, select: { id: true } });
    expect(shelf.map((c) => c.id).sort()).toEqual(ready.map((h) => h.copyId!).sort());
    // A queue only where no copy is on the shelf.
    const waiting = await db.hold.findMany({ where: { status: "WAITING" }, select: { titleId: true } });
    expect(await db.copy.count({ where: { titleId: { in: waiting.map((h) => h.titleId) }, status: "AVAILABLE" } })).toBe(0);
    // ...and placed after the last copy went out.
    for (const hold of await db.hold.findMany({ where: { status: "WAITING" }, select: { titleId: true, placedAt: true } })) {
      expect(await db.loan.count({ where: { returnedAt: null, copy: { titleId: hold.titleId }, checkedOutAt: { gt: hold.placedAt } } })).toBe(0);
    }
  });

  it("leaves the demo accounts as the e2e tests know them", async () => {
    const open = async (email: string) => db.loan.count({ where: { patron: { email }, returnedAt: null } });
    expect([await open("patron@demo.stacks"), await open("reader@demo.stacks"), await open("overdue@demo.stacks"), await open("child@demo.stacks")]).toEqual([0, 2, 1, 1]);
    const owed = await db.fine.findMany({ where: { patron: { email: "fines@demo.stacks" }, settledAt: null } });
    expect(owed.map((f) => f.amountCents)).toEqual([725]);
    expect(await db.hold.count({ where: { patron: { email: { endsWith: "@demo.stacks" } } } })).toBe(0);
  });
});
