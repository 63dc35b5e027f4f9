// First: it sets up the request scope Next's modules read when they load.
import { inRequest } from "../support/request-scope";
import { readFileSync } from "node:fs";
import { Marc } from "marcjs";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as catalogueMrc } from "@/app/api/admin/catalogue.mrc/route";
import { GET as catalogueXml } from "@/app/api/admin/catalogue.xml/route";
import { createTitle } from "@/lib/catalogue/create-title";
import { importCatalogue } from "@/lib/catalogue/import-catalogue";
import { readMarcRecords } from "@/lib/catalogue/marc-file";
import { previewImport } from "@/lib/catalogue/preview-import";
import { titleSchema } from "@/lib/catalogue/schemas";
import { db } from "@/lib/db";
import { searchCatalogue } from "@/lib/search/search-catalogue";
import { EMPTY_SEARCH } from "@/lib/search/search-options";
import { parseInput } from "@/lib/validation";
import { makeUser, resetDatabase } from "../support/database";

beforeEach(resetDatabase);

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/marc/${name}`));

async function catalogue() {
  const titles = await db.title.findMany({
    orderBy: { title: "asc" },
    include: { authors: { orderBy: { position: "asc" }, include: { author: true } }, genres: { include: { genre: true } }, copies: { orderBy: { barcode: "asc" } } },
  });
  return titles.map((t) => ({
    title: t.title,
    subtitle: t.subtitle,
    isbn13: t.isbn13,
    publisher: t.publisher,
    year: t.year,
    language: t.language,
    pageCount: t.pageCount,
    description: t.description,
    authors: t.authors.map((a) => a.author.name),
    genres: t.genres.map((g) => g.genre.name).sort(),
    copies: t.copies.map((c) => [c.barcode, c.shelfLocation]),
  }));
}

describe("MARC 21 import", () => {
  it("previews the Library of Congress records, then imports them, found by title, author and ISBN", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    await createTitle({ input: parseInput(titleSchema, { title: "Dune", isbn: "9780441172719" }), actorId: librarian.id });
    const marc = fixture("loc-books.mrc");
    const preview = await previewImport({ marc });
    expect(preview).toMatchObject({ addCount: 4, updateCount: 1, copiesToAdd: 4, bad: [], unit: "record" });
    expect(preview.adds.map((a) => [a.line, a.title, a.isbn13, a.copiesToAdd])).toEqual([
      [1, "The pragmatic programmer", "9780201616224", 2],
      [2, "The hobbit, or, There and back again", "9780618162215", 1],
      [3, "To kill a mockingbird", "9780060935467", 1],
      [4, "Structure and interpretation of computer programs", "9780262011532", 0],
    ]);
    expect(preview.updates[0]).toMatchObject({ line: 5, title: "Dune", changes: expect.arrayContaining([{ field: "authors", from: "(empty)", to: "Frank Herbert" }]) });
    expect(await db.title.count()).toBe(1);

    expect(await importCatalogue({ marc, actorId: librarian.id })).toEqual({ added: 4, updated: 1, copiesAdded: 4 });
    const pragmatic = (await catalogue()).find((t) => t.title === "The pragmatic programmer");
    expect(pragmatic).toMatchObject({
      subtitle: "from journeyman to master",
      authors: ["Andrew Hunt", "David Thomas"],
      publisher: "Addison-Wesley",
      year: 2000,
      pageCount: 321,
      language: "en",
      genres: ["Computer programming"],
      copies: [
        ["39000000123451", "ADULT 005.1 HUN"],
        ["39000000123469", "ADULT 005.1 HUN"],
      ],
    });
    const found = async (q: string) => (await searchCatalogue({ ...EMPTY_SEARCH, q, count: false })).hits.map((h) => h.title);
    expect(await found("pragmatic programmer")).toContain("The pragmatic programmer");
    expect(await found("Tolkien")).toContain("The hobbit, or, There and back again");
    expect(await found("978-0-06-093546-7")).toEqual(["To kill a mockingbird"]);

    // The same file again: nothing new, the barcoded copies are recognised as already there.
    expect(await importCatalogue({ marc, actorId: librarian.id })).toEqual({ added: 0, updated: 5, copiesAdded: 0 });
  });

  it("imports MARC-8 records with their accents and Cyrillic, found as patrons type them, with or without accents", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    expect(await importCatalogue({ marc: fixture("marc8-records.mrc"), actorId: librarian.id })).toEqual({ added: 3, updated: 0, copiesAdded: 0 });
    expect((await catalogue()).map((t) => [t.title, t.authors])).toEqual([
      ["Cien años de soledad", ["Gabriel García Márquez"]],
      ["Les misérables", ["Victor Hugo"]],
      ["Война и мир", ["Лев Толстой"]],
    ]);
    const found = async (q: string) => (await searchCatalogue({ ...EMPTY_SEARCH, q, count: false })).hits.map((h) => h.title);
    expect(await found("garcia marquez")).toEqual(["Cien años de soledad"]);
    expect(await found("Les Misérables")).toEqual(["Les misérables"]);
    expect(await found("война и мир")).toEqual(["Война и мир"]);
  });

  it("imports nothing from a file with broken records and lists each of them", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    const marc = fixture("broken-records.mrc");
    const preview = await previewImport({ marc });
    expect(preview.bad.map((b) => b.line)).toEqual([3, 4, 5, 6]);
    expect(preview.bad[3].reason).toBe("isbn: the same ISBN is already on record 1.");
    expect(preview.addCount).toBe(2);
    await expect(importCatalogue({ marc, actorId: librarian.id })).rejects.toMatchObject({ reason: "BAD_ROWS", message: expect.stringContaining("4 records have a problem (record 3:") });
    expect(await db.title.count()).toBe(0);
  });

  it("refuses a record whose barcode is another title's copy, and the whole file with it", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    const other = await createTitle({ input: parseInput(titleSchema, { title: "Another book" }), actorId: librarian.id });
    await db.copy.create({ data: { titleId: other.id, barcode: "39000000223459" } });
    const marc = fixture("loc-books.xml");
    const preview = await previewImport({ marc });
    expect(preview.bad).toEqual([{ line: 2, reason: "barcode 39000000223459: already a copy of “Another book”." }]);
    await expect(importCatalogue({ marc, actorId: librarian.id })).rejects.toMatchObject({ reason: "BAD_ROWS" });
    expect(await db.title.count()).toBe(1);
  });

  it("exports MARC 21 and MARCXML that read back to the same catalogue", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN" });
    await importCatalogue({ marc: fixture("loc-books.xml"), actorId: librarian.id });
    await db.title.update({ where: { isbn13: "9780441172719" }, data: { description: "Spice & sand <desert> “ü”" } });
    const before = await catalogue();
    const mrc = new Uint8Array(await (await inRequest(librarian, () => catalogueMrc(new Request("http://localhost:3000/api/admin/catalogue.mrc?status=all")))).arrayBuffer());
    const xmlResponse = await inRequest(librarian, () => catalogueXml(new Request("http://localhost:3000/api/admin/catalogue.xml?status=all")));
    expect(xmlResponse.headers.get("content-type")).toMatch(/marcxml/);
    const xml = new Uint8Array(await xmlResponse.arrayBuffer());

    // Another reader: marcjs parses the exported records on its own.
    const raw = Buffer.from(mrc);
    const first = Marc.parse(raw.subarray(0, raw.indexOf(0x1d) + 1), "iso2709");
    expect(first.leader[9]).toBe("a");
    expect(first.fields.find((f) => f[0] === "245")).toEqual(["245", "10", "a", "The pragmatic programmer :", "b", "from journeyman to master"]);
    expect(first.fields.filter((f) => f[0] === "952").map((f) => f.slice(2))).toEqual([
      ["o", "ADULT 005.1 HUN", "p", "39000000123451"],
      ["o", "ADULT 005.1 HUN", "p", "39000000123469"],
    ]);
    expect(readMarcRecords(mrc)).toHaveLength(5);
    expect(readMarcRecords(xml)).toHaveLength(5);

    for (const file of [mrc, xml]) {
      await resetDatabase();
      const again = await makeUser({ role: "LIBRARIAN" });
      expect((await previewImport({ marc: file })).bad).toEqual([]);
      await importCatalogue({ marc: file, actorId: again.id });
      expect(await catalogue()).toEqual(before);
    }
  });
});
