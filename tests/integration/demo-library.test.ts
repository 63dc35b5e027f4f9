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
});
