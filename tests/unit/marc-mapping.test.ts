import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMarcFile } from "@/lib/catalogue/marc-file";
import { authorsOf, firstValidIsbn, mapMarcRecord, pagesOf, personalName, stripIsbd, titleToMarc } from "@/lib/catalogue/marc-mapping";

const fixture = (name: string) => readFileSync(`tests/fixtures/marc/${name}`);

describe("MARC 21 mapping", () => {
  it("inverts personal names and leaves forenames, initials and bodies alone", () => {
    expect(personalName("Hunt, Andrew,")).toBe("Andrew Hunt");
    expect(personalName("Tolkien, J. R. R.")).toBe("J. R. R. Tolkien");
    expect(personalName("Abelson, Harold.")).toBe("Harold Abelson");
    expect(personalName("Homer", false)).toBe("Homer");
    const record = {
      leader: "",
      fields: [
        ["700", "1 ", "a", "Thomas, David,", "d", "1956-"],
        ["100", "1 ", "a", "Hunt, Andrew,", "d", "1964-"],
        ["710", "2 ", "a", "Pragmatic Bookshelf.", "b", "Editors."],
        ["700", "0 ", "a", "Plato."],
      ],
    };
    expect(authorsOf(record)).toEqual(["Andrew Hunt", "David Thomas", "Pragmatic Bookshelf Editors", "Plato"]);
  });

  it("strips ISBD punctuation from titles, publishers and subjects", () => {
    expect(stripIsbd("The pragmatic programmer :")).toBe("The pragmatic programmer");
    expect(stripIsbd("from journeyman to master /")).toBe("from journeyman to master");
    expect(stripIsbd("Addison-Wesley,")).toBe("Addison-Wesley");
    expect(stripIsbd("Computer programming.")).toBe("Computer programming");
    expect(stripIsbd("Wait for it...")).toBe("Wait for it...");
    const mapped = mapMarcRecord({ leader: "", fields: [["245", "14", "a", "The pragmatic programmer :", "b", "from journeyman to master /", "c", "Andrew Hunt."]] });
    expect(mapped.cells).toMatchObject({ title: "The pragmatic programmer", subtitle: "from journeyman to master" });
  });

  it("picks the first valid ISBN among the 020s, ignoring qualifiers and invalid ones", () => {
    expect(firstValidIsbn(["0201616221 (wrong check digit)", "020161622X (alk. paper)", "9780441172719"])).toBe("9780201616224");
    expect(firstValidIsbn(["0441172717 :"])).toBe("9780441172719");
    expect(firstValidIsbn(["pbk."])).toBeNull();
    expect(pagesOf("xxiv, 321 p. :")).toBe("321");
    expect(pagesOf("1 online resource (1,024 pages)")).toBe("1024");
  });

  it("reads the Library of Congress fixture as ISO 2709 and as MARCXML alike", () => {
    const iso = parseMarcFile(fixture("loc-books.mrc"));
    const xml = parseMarcFile(fixture("loc-books.xml"));
    expect(iso.bad).toEqual([]);
    expect(iso.rows.map((r) => r.input)).toEqual(xml.rows.map((r) => r.input));
    expect(iso.rows[0]).toMatchObject({
      input: { title: "The pragmatic programmer", subtitle: "from journeyman to master", authors: ["Andrew Hunt", "David Thomas"], isbn: "9780201616224", publisher: "Addison-Wesley", year: 2000, language: "en", pages: 321, genres: ["Computer programming"] },
      items: [
        { barcode: "39000000123451", shelfLocation: "ADULT 005.1 HUN" },
        { barcode: "39000000123469", shelfLocation: "ADULT 005.1 HUN" },
      ],
    });
    // 852 holdings, 264 publication, a record without 008.
    expect(iso.rows[1].items).toEqual([{ barcode: "39000000223459", shelfLocation: "JUV FIC TOL" }]);
    expect(iso.rows[2].input).toMatchObject({ title: "To kill a mockingbird", publisher: "Perennial Classics", year: 2002 });
    expect(iso.rows[4].input).toMatchObject({ title: "Dune", language: null, year: 1990 });
  });

  it("lists each broken record with its reason and still reads the others", () => {
    const { rows, bad } = parseMarcFile(fixture("broken-records.mrc"));
    expect(rows.map((r) => [r.line, r.input.title])).toEqual([
      [1, "Neuromancer"],
      [2, "Ender's game"],
      [6, "Neuromancer (another printing)"],
    ]);
    expect(bad).toEqual([
      { line: 3, reason: expect.stringContaining("no title") },
      { line: 4, reason: expect.stringContaining("MARC-8") },
      { line: 5, reason: expect.stringContaining("directory is broken") },
    ]);
  });

  it("converts MARC-8 records to Unicode: ANSEL's diacritics before their letter, and Cyrillic after an escape", () => {
    const { rows, bad } = parseMarcFile(fixture("marc8-records.mrc"));
    expect(bad).toEqual([]);
    expect(rows.map((r) => [r.input.title, r.input.authors, r.input.language])).toEqual([
      ["Cien años de soledad", ["Gabriel García Márquez"], "es"],
      ["Les misérables", ["Victor Hugo"], "fr"],
      ["Война и мир", ["Лев Толстой"], "ru"],
    ]);
    // Composed, as typed on a keyboard: "á" is one letter, so searches and exports match it.
    expect(rows[0].input.authors[0]).toBe("Gabriel Garc\u00eda M\u00e1rquez");
  });

  it("is liberal in what it reads: no namespace, attributes in any order, line breaks between ISO 2709 records", () => {
    const xml = `<collection><record type="Bibliographic"><leader>00000nam a2200000   4500</leader>
      <datafield ind2="0" tag="245" ind1="1"><subfield code="a">Cr&#xE8;me &amp; caf&#233; /</subfield></datafield>
      <datafield tag="100" ind1="1" ind2=" "><subfield code="a">Doe, Jane.</subfield></datafield></record>
      <record><leader>00000nam a2200000   4500</leader><datafield tag="245" ind1="0" ind2="0"><subfield code="a">Broken</datafield></record></collection>`;
    const parsed = parseMarcFile(new TextEncoder().encode(xml));
    expect(parsed.rows.map((r) => [r.input.title, r.input.authors])).toEqual([["Crème & café", ["Jane Doe"]]]);
    expect(parsed.bad).toEqual([{ line: 2, reason: expect.stringContaining("not well-formed") }]);

    const iso = fixture("loc-books.mrc");
    const withBreaks = Buffer.from(iso.toString("latin1").replace(/\x1d/g, "\x1d\r\n"), "latin1");
    expect(parseMarcFile(withBreaks).rows).toHaveLength(5);
  });

  it("writes a title as a UTF-8 record whose 008 carries its year and language", () => {
    const record = titleToMarc({ id: 7, title: "Dune", subtitle: null, originalTitle: null, authors: ["Frank Herbert"], isbn13: "9780441172719", publisher: "Ace", year: 1965, language: "en", genres: [], description: null, pageCount: 412, copies: [] });
    expect(record.leader[9]).toBe("a");
    const fixed = record.fields.find((f) => f[0] === "008")![1];
    expect(fixed).toHaveLength(40);
    expect([fixed.slice(7, 11), fixed.slice(35, 38)]).toEqual(["1965", "eng"]);
    expect(record.fields.find((f) => f[0] === "100")).toEqual(["100", "1 ", "a", "Herbert, Frank"]);
  });
});
