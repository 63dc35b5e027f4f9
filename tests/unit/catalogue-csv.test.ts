import { describe, expect, it } from "vitest";
import { catalogueCsv, parseCatalogueCsv } from "@/lib/catalogue/catalogue-csv";
import { splitNames } from "@/lib/catalogue/schemas";
import { imageKind } from "@/lib/catalogue/image-kind";

describe("catalogue CSV", () => {
  it("numbers bad rows by their line in the file, counting quoted line breaks and blank lines", () => {
    const text = 'title,authors,isbn,year\r\n"Dune",Frank Herbert,0-441-17271-7,1965\r\n"Two\r\nlines",A;B,,1990\r\n,nobody,,\r\n\r\nLate,X,,3000\r\n';
    const { rows, bad } = parseCatalogueCsv(text);
    expect(rows.map((r) => [r.line, r.input.title, r.input.authors, r.input.isbn])).toEqual([
      [2, "Dune", ["Frank Herbert"], "9780441172719"],
      [3, "Two\nlines", ["A", "B"], null],
    ]);
    expect(bad).toEqual([
      { line: 5, reason: "title: Enter the title." },
      { line: 7, reason: "year: Year cannot be later than next year." },
    ]);
  });

  it("reports every problem of a bad row, not only the first", () => {
    const { rows, bad } = parseCatalogueCsv("title,isbn,year,copies,shelf_location\n,978-0-441-17271-0,3000,many," + "x".repeat(101) + "\n");
    expect(rows).toEqual([]);
    expect(bad).toHaveLength(1);
    const reason = bad[0].reason;
    for (const field of ["title:", "isbn:", "year:", "copies:", "shelf_location:"]) expect(reason).toContain(field);
  });

  it("refuses a file without a title column or with unknown columns", () => {
    expect(() => parseCatalogueCsv("name,authors\nDune,Frank Herbert\n")).toThrow(/no “title” column/);
    expect(() => parseCatalogueCsv("title,author\nDune,Frank Herbert\n")).toThrow(/Unknown columns: author/);
  });

  it("quotes cells a spreadsheet would run as formulas, and reads them back unquoted", () => {
    const row = { title: "=HYPERLINK(1)", subtitle: null, originalTitle: "+Original", authors: ["A", "B"], isbn13: null, publisher: null, year: 1990, language: "en", genres: [], description: "-", pageCount: null, copies: 1, shelfLocation: "" };
    const text = catalogueCsv([row], true);
    expect(text.split("\r\n")[1]).toBe("'=HYPERLINK(1),,A; B,,,1990,en,,'-,,1,,'+Original");
    expect(parseCatalogueCsv(text).rows[0].input).toMatchObject({ title: "=HYPERLINK(1)", description: "-", authors: ["A", "B"], originalTitle: "+Original" });
  });
});

describe("names typed in a form", () => {
  it("splits by line, or by comma on one line, dropping blanks and repeats in order", () => {
    expect(splitNames("Terry Pratchett\n Neil  Gaiman \n\nterry pratchett")).toEqual(["Terry Pratchett", "Neil Gaiman"]);
    expect(splitNames("Fantasy, Humour,")).toEqual(["Fantasy", "Humour"]);
  });
});

describe("cover images", () => {
  it("are told by their first bytes", () => {
    expect(imageKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(imageKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("png");
    expect(imageKind(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(imageKind(new TextEncoder().encode("<svg xmlns="))).toBeNull();
  });
});
