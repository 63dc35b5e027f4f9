import { beforeEach, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "@/lib/catalogue/catalogue-csv";
import { createTitle } from "@/lib/catalogue/create-title";
import { exportCatalogue } from "@/lib/catalogue/export-catalogue";
import { importCatalogue } from "@/lib/catalogue/import-catalogue";
import { previewImport } from "@/lib/catalogue/preview-import";
import { titleSchema } from "@/lib/catalogue/schemas";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { makeUser, resetDatabase } from "../support/database";

beforeEach(resetDatabase);

const HEADER = CSV_COLUMNS.join(",");

async function exported(filter: { q: string; genre: string | null; status: "all" } = { q: "", genre: null, status: "all" }): Promise<string> {
  let text = "";
  for await (const chunk of exportCatalogue(filter)) text += chunk;
  return text;
}

async function catalogueSnapshot() {
  const titles = await db.title.findMany({
    orderBy: { title: "asc" },
    include: { authors: { orderBy: { position: "asc" }, include: { author: true } }, genres: { include: { genre: true } }, copies: true },
  });
  return titles.map((t) => ({
    title: t.title,
    isbn13: t.isbn13,
    year: t.year,
    language: t.language,
    pageCount: t.pageCount,
    description: t.description,
    authors: t.authors.map((a) => a.author.name),
    genres: t.genres.map((g) => g.genre.name).sort(),
    authorNames: t.authorNames,
    sortTitle: t.sortTitle,
    copies: t.copies.map((c) => c.shelfLocation),
  }));
}

describe("catalogue CSV", () => {
  it("previews rows to add, rows to update by ISBN and bad rows with their line", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    const { id } = await createTitle({ input: parseInput(titleSchema, { title: "Dune", isbn: "9780441172719" }), actorId: librarian.id });
    const csv = [
      HEADER,
      `Dune,,Frank Herbert,0-441-17271-7,Ace,1965,en,Science Fiction,,412,2,SF H`,
      `"Emma","",Jane Austen,,,1815,en,Classics,"A novel,\nin three volumes",,1,Classics A`,
      `,,Nobody,,,,,,,,,`,
      `Bad year,,X,,,3000,,,,,,`,
      `Dune twice,,Frank Herbert,9780441172719,,,,,,,,`,
    ].join("\n");
    const preview = await previewImport({ csv });
    expect(preview).toMatchObject({ addCount: 1, updateCount: 1, copiesToAdd: 3 });
    expect(preview.adds).toEqual([{ line: 3, title: "Emma", isbn13: null, copiesToAdd: 1 }]);
    expect(preview.updates).toEqual([
      {
        line: 2,
        title: "Dune",
        isbn13: "9780441172719",
        copiesToAdd: 2,
        titleId: id,
        withdrawn: false,
        changes: [
          { field: "authors", from: "(empty)", to: "Frank Herbert" },
          { field: "publisher", from: "(empty)", to: "Ace" },
          { field: "year", from: "(empty)", to: "1965" },
          { field: "language", from: "(empty)", to: "en" },
          { field: "genres", from: "(empty)", to: "Science Fiction" },
          { field: "pages", from: "(empty)", to: "412" },
        ],
      },
    ]);
    expect(preview.bad).toEqual([
      { line: 5, reason: expect.stringContaining("title") },
      { line: 6, reason: expect.stringContaining("year") },
      { line: 7, reason: expect.stringContaining("line 2") },
    ]);
    // A dry run writes nothing.
    expect(await db.title.count()).toBe(1);
  });

  it("shows what an update changes, and never brings a withdrawn title back", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    const input = parseInput(titleSchema, { title: "Dune", isbn: "9780441172719", authors: "Frank Herbert", year: "1965", genres: "Science Fiction" });
    const { id } = await createTitle({ input, actorId: librarian.id });
    await db.title.update({ where: { id }, data: { withdrawnAt: new Date("2026-01-01T00:00:00Z") } });

    const edit = [HEADER, "Dune,,Frank Herbert,9780441172719,,1966,,science fiction,,,,"].join("\n");
    const preview = await previewImport({ csv: edit });
    expect(preview.bad).toEqual([]);
    expect(preview.updates).toMatchObject([{ titleId: id, withdrawn: true, changes: [{ field: "year", from: "1965", to: "1966" }] }]);
    await importCatalogue({ csv: edit, actorId: librarian.id });
    expect(await db.title.findUniqueOrThrow({ where: { id } })).toMatchObject({ year: 1966, withdrawnAt: expect.any(Date) });

    const copies = [HEADER, "Dune,,Frank Herbert,9780441172719,,,,,,,2,SF"].join("\n");
    expect((await previewImport({ csv: copies })).bad).toEqual([{ line: 2, reason: expect.stringContaining("withdrawn and takes no new copies. Restore it from its page first") }]);
  });

  it("imports nothing at all when one row is bad", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    const csv = [HEADER, "Emma,,Jane Austen,,,1815,en,Classics,,,1,A", "Persuasion,,Jane Austen,,,1817,en,,,,1,A", "Broken,,X,12345,,,,,,,,"].join("\n");
    await expect(importCatalogue({ csv, actorId: librarian.id })).rejects.toMatchObject({ reason: "BAD_ROWS", message: expect.stringContaining("line 4") });
    expect(await db.title.count()).toBe(0);
    expect(await db.author.count()).toBe(0);
    expect(await db.copy.count()).toBe(0);
  });

  it("adds and updates titles with authors in order, genres, copies and search columns", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    const { id } = await createTitle({ input: parseInput(titleSchema, { title: "Dune", isbn: "9780441172719", publisher: "Ace" }), actorId: librarian.id });
    const csv = [HEADER, "Dune,,Frank Herbert,9780441172719,,1965,en,Science Fiction,,,2,SF H", "Good Omens,,Terry Pratchett; Neil Gaiman,9780060853983,,1990,en,Fantasy; Humour,,,1,F P"].join("\r\n");
    expect(await importCatalogue({ csv, actorId: librarian.id })).toEqual({ added: 1, updated: 1, copiesAdded: 3 });

    const dune = await db.title.findUniqueOrThrow({ where: { id } });
    expect(dune).toMatchObject({ year: 1965, publisher: "Ace", authorNames: "Frank Herbert", genreNames: "Science Fiction" });
    const omens = await db.title.findFirstOrThrow({ where: { title: "Good Omens" }, include: { authors: { orderBy: { position: "asc" }, include: { author: true } }, copies: true } });
    expect(omens.authors.map((a) => a.author.name)).toEqual(["Terry Pratchett", "Neil Gaiman"]);
    expect(omens).toMatchObject({ authorNames: "Terry Pratchett, Neil Gaiman", genreNames: "Fantasy, Humour", sortTitle: "good omens" });
    // New titles' copies are numbered first, then the ones added to updated titles.
    expect(omens.copies.map((c) => c.barcode)).toEqual(["C000001"]);

    // Importing the same file again adds no copies: `copies` is a floor, not an increment.
    expect(await importCatalogue({ csv, actorId: librarian.id })).toEqual({ added: 0, updated: 2, copiesAdded: 0 });
  });

  it("exports what it imports: a round trip through an empty catalogue gives the same titles", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    const csv = [
      HEADER,
      `"The Hobbit","There and Back Again","J.R.R. Tolkien",9780547928227,Houghton,1937,en,Fantasy,"In a hole, ""in the ground""",310,2,F T`,
      `"=SUM(1)",,Anonymous,,,,,,,,1,`,
      `Good Omens,,Terry Pratchett; Neil Gaiman,,,1990,en,Fantasy; Humour,,,0,`,
    ].join("\n");
    await importCatalogue({ csv, actorId: librarian.id });
    const before = await catalogueSnapshot();
    const text = await exported();
    expect(text.split("\r\n")[0]).toBe(HEADER);
    expect(text).toContain(`'=SUM(1)`);

    await resetDatabase();
    await importCatalogue({ csv: text, actorId: (await makeUser({ role: "LIBRARIAN" })).id });
    expect(await catalogueSnapshot()).toEqual(before);
    expect(await exported()).toBe(text);
  });

  it("exports a filtered view", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    await importCatalogue({ csv: [HEADER, "Emma,,Jane Austen,,,,,Classics,,,,", "Dune,,Frank Herbert,,,,,Science Fiction,,,,"].join("\n"), actorId: librarian.id });
    const lines = (await exported({ q: "austen", genre: null, status: "all" })).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Emma,/);
    expect((await exported({ q: "", genre: "science-fiction", status: "all" })).trim().split("\r\n")[1]).toMatch(/^Dune,/);
  });
});
