import { describe, expect, it } from "vitest";
import { parseCatalogueCsv } from "@/lib/catalogue/catalogue-csv";
import { titleChanges } from "@/lib/catalogue/import-changes";

const existing = { title: "Dune", subtitle: null, authorNames: "Frank Herbert", genreNames: "Science Fiction", publisher: "Ace", year: 1965, language: "en", pageCount: 412, description: "A desert planet." };
const row = (line: string) => parseCatalogueCsv(`title,authors,publisher,year,genres,description\n${line}\n`).rows[0];

describe("titleChanges", () => {
  it("lists each changed field as old → new, leaving out empty cells and genres differing only in case", () => {
    expect(titleChanges(existing, row("Dune Messiah,Frank Herbert,,1969,science fiction,"))).toEqual([
      { field: "title", from: "Dune", to: "Dune Messiah" },
      { field: "year", from: "1965", to: "1969" },
    ]);
  });

  it("finds no change in a row that says what is there, and shortens a long description", () => {
    expect(titleChanges(existing, row("Dune,Frank Herbert,Ace,1965,Science Fiction,A desert planet."))).toEqual([]);
    const [change] = titleChanges(existing, row(`Dune,,,,,${"x".repeat(300)}`));
    expect(change).toMatchObject({ field: "description", from: "A desert planet." });
    expect(change.to).toHaveLength(120);
  });
});
