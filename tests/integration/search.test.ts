import { beforeEach, describe, expect, it } from "vitest";
import { getTitle } from "@/lib/catalogue/get-title";
import { db } from "@/lib/db";
import type { CopyStatus } from "@/lib/generated/sqlite/enums";
import { searchCatalogue, type SearchResult } from "@/lib/search/search-catalogue";
import { listFilterChoices } from "@/lib/search/list-filter-choices";
import { EMPTY_SEARCH, type SearchOptions } from "@/lib/search/search-options";
import { makeUser, resetDatabase } from "../support/database";

type FixtureTitle = {
  title: string;
  subtitle?: string;
  authors: string[];
  genres?: string[];
  isbn13?: string;
  year?: number;
  language?: string;
  popularity?: number;
  copies?: CopyStatus[];
  withdrawn?: boolean;
};

const GENRES: Record<string, string> = { Fantasy: "fantasy", "Young Adult": "young-adult", "Science Fiction": "science-fiction", Classics: "classics", General: "general" };

const BOOKS: FixtureTitle[] = [
  { title: "The Hunger Games", subtitle: "The Hunger Games, #1", authors: ["Suzanne Collins"], genres: ["Young Adult"], isbn13: "9780439023481", year: 2008, popularity: 900, copies: ["AVAILABLE", "ON_LOAN"] },
  { title: "Catching Fire", subtitle: "The Hunger Games, #2", authors: ["Suzanne Collins"], genres: ["Young Adult"], isbn13: "9780439023498", year: 2009, popularity: 700, copies: ["ON_LOAN", "ON_LOAN", "WITHDRAWN"] },
  { title: "Mockingjay", subtitle: "The Hunger Games, #3", authors: ["Suzanne Collins"], genres: ["Young Adult"], isbn13: "9780439023511", year: 2010, popularity: 650, copies: ["AVAILABLE"] },
  { title: "The Hunger Games Tribute Guide", authors: ["Emily Seife"], genres: ["Young Adult"], year: 2012, popularity: 5, copies: ["AVAILABLE"] },
  { title: "Hunger", authors: ["Knut Hamsun"], genres: ["Classics"], year: 1890, language: "no", popularity: 40, copies: ["AVAILABLE"] },
  { title: "Harry Potter and the Sorcerer's Stone", subtitle: "Harry Potter, #1", authors: ["J.K. Rowling", "Mary GrandPré"], genres: ["Fantasy", "Young Adult"], isbn13: "9780439554930", year: 1997, popularity: 950, copies: ["AVAILABLE", "AVAILABLE", "ON_LOAN"] },
  { title: "Harry Potter and the Chamber of Secrets", subtitle: "Harry Potter, #2", authors: ["J.K. Rowling"], genres: ["Fantasy"], isbn13: "9780439064873", year: 1998, popularity: 800, copies: ["ON_LOAN"] },
  { title: "The Casual Vacancy", authors: ["J.K. Rowling"], genres: ["General"], year: 2012, popularity: 300, copies: ["AVAILABLE"] },
  { title: "Reading Harry Potter", subtitle: "Essays on Rowling and her readers", authors: ["Giselle Anatol"], genres: ["General"], year: 2003, popularity: 2, copies: ["AVAILABLE"] },
  { title: "Dune", authors: ["Frank Herbert"], genres: ["Science Fiction", "Classics"], isbn13: "9780441172719", year: 1965, popularity: 600, copies: ["AVAILABLE"] },
  { title: "Dune Messiah", authors: ["Frank Herbert"], genres: ["Science Fiction"], year: 1969, popularity: 300, copies: ["LOST"] },
  { title: "Pride and Prejudice", authors: ["Jane Austen"], genres: ["Classics"], year: 1813, popularity: 850, copies: ["AVAILABLE", "AVAILABLE"] },
  { title: "Emma", authors: ["Jane Austen"], genres: ["Classics"], year: 1815, popularity: 400, copies: ["ON_HOLD_SHELF"] },
  { title: "Nineteen Eighty-Four", authors: ["George Orwell"], genres: ["Classics", "Science Fiction"], year: 1949, popularity: 820, copies: ["AVAILABLE"] },
  { title: "Cien años de soledad", authors: ["Gabriel García Márquez"], genres: ["Classics"], year: 1967, language: "es", popularity: 500, copies: ["AVAILABLE"] },
  { title: "A Withdrawn Book About Dragons", authors: ["Old Author"], genres: ["Fantasy"], year: 1950, popularity: 1, copies: ["WITHDRAWN"], withdrawn: true },
  ...Array.from({ length: 16 }, (_, i) => ({
    title: `Almanac of Gardening, Volume ${i + 1}`,
    authors: ["Green Thumb"],
    genres: ["General"],
    year: 2000 + i,
    popularity: 10 + i,
    copies: (i % 2 === 0 ? ["AVAILABLE"] : ["ON_LOAN"]) as CopyStatus[],
  })),
];

const VISIBLE = BOOKS.filter((b) => !b.withdrawn).length;

function sortKey(title: string): string {
  return title.toLowerCase().replace(/^(the|a|an) /, "");
}

let barcode = 0;
const ids = new Map<string, number>();

async function seedFixture(): Promise<void> {
  const genreIds = new Map<string, number>();
  for (const [name, slug] of Object.entries(GENRES)) genreIds.set(name, (await db.genre.create({ data: { name, slug } })).id);
  const authorIds = new Map<string, number>();
  for (const name of new Set(BOOKS.flatMap((b) => b.authors))) authorIds.set(name, (await db.author.create({ data: { name } })).id);

  for (const book of BOOKS) {
    const created = await db.title.create({
      data: {
        title: book.title,
        subtitle: book.subtitle ?? null,
        isbn13: book.isbn13 ?? null,
        year: book.year ?? null,
        language: book.language ?? "en",
        popularity: book.popularity ?? 0,
        sortTitle: sortKey(book.title),
        authorNames: book.authors.join(", "),
        genreNames: (book.genres ?? []).join(", "),
        withdrawnAt: book.withdrawn ? new Date("2026-01-01T00:00:00Z") : null,
        authors: { create: book.authors.map((name, position) => ({ authorId: authorIds.get(name)!, position })) },
        genres: { create: (book.genres ?? []).map((name) => ({ genreId: genreIds.get(name)! })) },
        copies: { create: (book.copies ?? []).map((status) => ({ status, barcode: `B${String(++barcode).padStart(6, "0")}`, shelfLocation: "Fiction" })) },
      },
    });
    ids.set(book.title, created.id);
  }
}

function search(options: Partial<SearchOptions>): Promise<SearchResult> {
  return searchCatalogue({ ...EMPTY_SEARCH, ...options });
}

function titles(result: SearchResult): string[] {
  return result.hits.map((h) => h.title);
}

beforeEach(async () => {
  await resetDatabase();
  await seedFixture();
});

describe("catalogue search", () => {
  it("finds a title by its ISBN-13 or ISBN-10, with or without hyphens and spaces", async () => {
    for (const q of ["9780439023481", "978-0-439-02348-1", "0439023483", "0-439-02348-3", "0 439 02348 3"]) {
      const result = await search({ q });
      expect(titles(result), q).toEqual(["The Hunger Games"]);
      expect(result.total).toBe(1);
    }
  });

  it("finds nothing, without failing, for an ISBN with a wrong check digit", async () => {
    const result = await search({ q: "0-439-02348-4" });
    expect(result.hits).toEqual([]);
  });

  it("puts an author's books first when searching by the author's name", async () => {
    const result = await search({ q: "rowling" });
    expect(titles(result).slice(0, 3).sort()).toEqual(["Harry Potter and the Chamber of Secrets", "Harry Potter and the Sorcerer's Stone", "The Casual Vacancy"]);
    expect(titles(result)).toContain("Reading Harry Potter");
    expect((await search({ q: "J.K. Rowling" })).hits[0].authorNames).toContain("J.K. Rowling");
  });

  it("puts the best-known title first among titles sharing the words", async () => {
    const result = await search({ q: "hunger games" });
    expect(titles(result)[0]).toBe("The Hunger Games");
    expect(titles(result)).toEqual(expect.arrayContaining(["Catching Fire", "Mockingjay", "The Hunger Games Tribute Guide"]));
    expect(titles(result)).not.toContain("Hunger");
  });

  it("matches the last word as a prefix, and subjects as well as titles", async () => {
    expect(titles(await search({ q: "harry pott" }))).toEqual(expect.arrayContaining(["Harry Potter and the Sorcerer's Stone", "Reading Harry Potter"]));
    expect(titles(await search({ q: "science fiction" })).sort()).toEqual(["Dune", "Dune Messiah", "Nineteen Eighty-Four"]);
    expect(titles(await search({ q: "soledad" }))).toEqual(["Cien años de soledad"]);
  });

  it("never shows withdrawn titles", async () => {
    expect((await search({ q: "dragons" })).hits).toEqual([]);
    expect((await search({})).total).toBe(VISIBLE);
  });

  it("answers hostile or odd input with results or nothing, never an error", async () => {
    const inputs = [`"`, `*`, `NEAR(`, `NEAR(harry potter)`, `' OR 1=1 --`, `"); DELETE FROM "Title"; --`, "harry*", "-dune", "a & !b | (c:*)", "🔥📚", "x".repeat(5_000), "dune ".repeat(1_000), "\\", "%_%"];
    for (const q of inputs) await expect(search({ q }), q).resolves.toBeDefined();
    expect((await search({ q: `' OR 1=1 --` })).total).toBe(0);
    expect(titles(await search({ q: `NEAR(dune` }))).toEqual([]);
    expect(titles(await search({ q: `"dune"` })).sort()).toEqual(["Dune", "Dune Messiah"]);
    const symbols = await search({ q: "🔥 *** ()" });
    expect(symbols).toMatchObject({ hits: [], total: 0, searchable: false });
    expect(await db.title.count()).toBe(BOOKS.length);
  });
});

describe("filters and sorts", () => {
  it("filters by genre, author, language and year range", async () => {
    expect(titles(await search({ genre: "science-fiction", sort: "title" }))).toEqual(["Dune", "Dune Messiah", "Nineteen Eighty-Four"]);
    expect(titles(await search({ author: "Jane Austen", sort: "title" }))).toEqual(["Emma", "Pride and Prejudice"]);
    expect(titles(await search({ author: "jane austen", sort: "title" }))).toEqual(["Emma", "Pride and Prejudice"]);
    expect(titles(await search({ language: "es" }))).toEqual(["Cien años de soledad"]);
    expect(titles(await search({ yearFrom: 1800, yearTo: 1899, sort: "year" }))).toEqual(["Hunger", "Emma", "Pride and Prejudice"]);
    expect(titles(await search({ q: "dune", yearFrom: 1966 }))).toEqual(["Dune Messiah"]);
  });

  it("filters by an author's surname or any whole word of the name, whatever the case and accents", async () => {
    expect(titles(await search({ author: "Austen", sort: "title" }))).toEqual(["Emma", "Pride and Prejudice"]);
    expect(titles(await search({ author: "garcia marquez" }))).toEqual(["Cien años de soledad"]);
    expect(titles(await search({ author: "MÁRQUEZ" }))).toEqual(["Cien años de soledad"]);
    expect(titles(await search({ author: "rowling", sort: "title" }))).toEqual(["The Casual Vacancy", "Harry Potter and the Chamber of Secrets", "Harry Potter and the Sorcerer's Stone"]);
    expect(titles(await search({ author: "Aust" }))).toEqual([]);
    expect(titles(await search({ author: "Old Author" }))).toEqual([]);
  });

  it("does not apply a year range whose first year is after its last (the page says so)", async () => {
    const reversed = await search({ q: "dune", yearFrom: 1970, yearTo: 1960, sort: "title" });
    expect(titles(reversed)).toEqual(["Dune", "Dune Messiah"]);
  });

  it("keeps to titles with a copy on the shelf when asked for available ones", async () => {
    const result = await search({ q: "herbert", availableNow: true });
    expect(titles(result)).toEqual(["Dune"]);
    const collins = await search({ author: "Suzanne Collins", availableNow: true, sort: "title" });
    expect(titles(collins)).toEqual(["The Hunger Games", "Mockingjay"]);
  });

  it("sorts by title, author, year and popularity", async () => {
    const byTitle = titles(await search({ genre: "classics", sort: "title" }));
    expect(byTitle).toEqual(["Cien años de soledad", "Dune", "Emma", "Hunger", "Nineteen Eighty-Four", "Pride and Prejudice"]);
    const byAuthor = (await search({ genre: "classics", sort: "author" })).hits.map((h) => h.authorNames);
    expect(byAuthor).toEqual(["Frank Herbert", "Gabriel García Márquez", "George Orwell", "Jane Austen", "Jane Austen", "Knut Hamsun"]);
    expect(titles(await search({ genre: "classics", sort: "year" }))[0]).toBe("Cien años de soledad");
    const popular = await search({});
    expect(popular.sort).toBe("popularity");
    expect(titles(popular).slice(0, 3)).toEqual(["Harry Potter and the Sorcerer's Stone", "The Hunger Games", "Pride and Prejudice"]);
  });

  it("finds the same titles whichever plan the page query takes", async () => {
    // Without a count (home page shelves) SQLite walks the sort index and probes each title.
    for (const options of [{ q: "harry", sort: "title" as const }, { genre: "classics", availableNow: true, sort: "year" as const }, { author: "Green Thumb", sort: "popularity" as const }]) {
      const counted = await search(options);
      const probed = await searchCatalogue({ ...EMPTY_SEARCH, ...options, count: false });
      expect(titles(probed), JSON.stringify(options)).toEqual(titles(counted));
    }
    expect(titles(await searchCatalogue({ ...EMPTY_SEARCH, sort: "newest", count: false, pageSize: 2 }))).toEqual(["Almanac of Gardening, Volume 16", "Almanac of Gardening, Volume 15"]);
  });

  it("pages through the results, 20 at a time, without repeating a title", async () => {
    const first = await search({ sort: "title" });
    const second = await search({ sort: "title", page: 2 });
    expect(first).toMatchObject({ total: VISIBLE, pageCount: 2, page: 1, totalIsCapped: false });
    expect(first.hits).toHaveLength(20);
    expect(second.hits).toHaveLength(VISIBLE - 20);
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(VISIBLE);
    expect((await search({ sort: "title", page: 3 })).hits).toEqual([]);
  });
});

describe("availability", () => {
  it("gives each hit its copy counts, and holds and next due date when none is on the shelf", async () => {
    const patron = await makeUser();
    const copy = await db.copy.findFirstOrThrow({ where: { titleId: ids.get("Harry Potter and the Chamber of Secrets") } });
    const early = new Date("2026-12-01T12:00:00Z");
    await db.loan.create({ data: { copyId: copy.id, patronId: patron.id, checkedOutAt: new Date("2026-11-10T12:00:00Z"), dueAt: early } });
    await db.hold.create({ data: { titleId: copy.titleId, patronId: patron.id, placedAt: new Date("2026-11-11T12:00:00Z") } });

    const hits = (await search({ author: "J.K. Rowling", sort: "title" })).hits;
    expect(hits.map((h) => [h.title, h.availability])).toEqual([
      ["The Casual Vacancy", { copies: { AVAILABLE: 1 }, openHolds: 0, nextDueAt: null }],
      ["Harry Potter and the Chamber of Secrets", { copies: { ON_LOAN: 1 }, openHolds: 1, nextDueAt: early }],
      ["Harry Potter and the Sorcerer's Stone", { copies: { AVAILABLE: 2, ON_LOAN: 1 }, openHolds: 0, nextDueAt: null }],
    ]);
  });
});

describe("title page data", () => {
  it("has the authors in order, the genres, and the copies a patron may ask for", async () => {
    const title = await getTitle(ids.get("Harry Potter and the Sorcerer's Stone")!);
    expect(title).toMatchObject({
      title: "Harry Potter and the Sorcerer's Stone",
      isbn13: "9780439554930",
      authors: [{ name: "J.K. Rowling" }, { name: "Mary GrandPré" }],
      genres: [{ name: "Fantasy", slug: "fantasy" }, { name: "Young Adult", slug: "young-adult" }],
      availability: { copies: { AVAILABLE: 2, ON_LOAN: 1 }, openHolds: 0 },
    });
    const withWithdrawn = await getTitle(ids.get("Catching Fire")!);
    expect(withWithdrawn?.copies.map((c) => c.status)).toEqual(["ON_LOAN", "ON_LOAN"]);
  });

  it("is null for an unknown title", async () => {
    expect(await getTitle(987_654)).toBeNull();
  });
});

describe("filter choices", () => {
  it("offers a genre by its name as soon as a title has it, and not a genre no title has", async () => {
    expect((await listFilterChoices()).genres.map((g) => g.name)).not.toContain("Cosy Crime");
    const genre = await db.genre.create({ data: { name: "Cosy Crime", slug: "cosy-crime" } });
    await db.genre.create({ data: { name: "Unused", slug: "unused" } });
    await db.titleGenre.create({ data: { titleId: ids.get("Emma")!, genreId: genre.id } });
    const genres = (await listFilterChoices()).genres;
    expect(genres).toContainEqual({ slug: "cosy-crime", name: "Cosy Crime" });
    expect(genres.map((g) => g.slug)).not.toContain("unused");
  });
});
