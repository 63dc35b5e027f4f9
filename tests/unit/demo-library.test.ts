import { describe, expect, it } from "vitest";
import { demoCatalogueRows, generateSyntheticTitles, normaliseLanguage, repairIsbn, splitSeries, type GoodbooksRow } from "@/lib/catalogue/demo-library";

describe("splitSeries", () => {
  it("moves a trailing series in parentheses into the subtitle", () => {
    expect(splitSeries("The Hunger Games (The Hunger Games, #1)")).toEqual({ title: "The Hunger Games", subtitle: "The Hunger Games, #1" });
    expect(splitSeries("Harry Potter and the Sorcerer's Stone (Harry Potter, #1)")).toEqual({ title: "Harry Potter and the Sorcerer's Stone", subtitle: "Harry Potter, #1" });
  });

  it("leaves a title without a numbered series as it is", () => {
    expect(splitSeries("To Kill a Mockingbird")).toEqual({ title: "To Kill a Mockingbird", subtitle: null });
    expect(splitSeries("The Complete Stories (Everyman's Library)")).toEqual({ title: "The Complete Stories (Everyman's Library)", subtitle: null });
  });
});

describe("repairIsbn", () => {
  it("puts back the leading zero the isbn column lost and converts to ISBN-13", () => {
    expect(repairIsbn("439023483")).toBe("9780439023481");
    expect(repairIsbn("0439023483")).toBe("9780439023481");
  });

  it("keeps an X check digit", () => {
    expect(repairIsbn("080442957X")).toBe("9780804429573");
  });

  it("gives no ISBN for a wrong check digit or garbage", () => {
    expect(repairIsbn("439023484")).toBeNull();
    expect(repairIsbn("")).toBeNull();
    expect(repairIsbn("9.78043902348e+12")).toBeNull();
  });
});

describe("normaliseLanguage", () => {
  it("folds the English variants into en and maps the others to two letters", () => {
    for (const code of ["eng", "en-US", "en-GB", "en-CA", "en"]) expect(normaliseLanguage(code)).toBe("en");
    expect(normaliseLanguage("fre")).toBe("fr");
    expect(normaliseLanguage("ger")).toBe("de");
    expect(normaliseLanguage("spa")).toBe("es");
  });

  it("has no language for an empty code", () => {
    expect(normaliseLanguage("")).toBeNull();
    expect(normaliseLanguage("  ")).toBeNull();
  });
});

const row = (over: Partial<GoodbooksRow>): GoodbooksRow => ({
  book_id: "1",
  isbn: "439023483",
  authors: "Suzanne Collins",
  original_publication_year: "2008.0",
  original_title: "The Hunger Games",
  title: "The Hunger Games (The Hunger Games, #1)",
  language_code: "eng",
  ratings_count: "4780653",
  ...over,
});

describe("demoCatalogueRows", () => {
  const at = new Date("2026-06-01T00:00:00Z");

  it("repairs one goodbooks row into a title with 1–4 copies", () => {
    const [title] = demoCatalogueRows([row({})], at);
    expect(title).toMatchObject({ title: "The Hunger Games", subtitle: "The Hunger Games, #1", authors: ["Suzanne Collins"], genres: ["Young Adult"], isbn13: "9780439023481", year: 2008, language: "en", popularity: 4780653 });
    expect(title.copies.length).toBeGreaterThanOrEqual(1);
    expect(title.copies.length).toBeLessThanOrEqual(4);
    for (const copy of title.copies) expect(copy.acquiredAt.getTime()).toBeLessThanOrEqual(at.getTime());
  });

  it("keeps the original title only where it differs from the edition's", () => {
    expect(demoCatalogueRows([row({})], at)[0].originalTitle).toBeNull();
    const [orwell] = demoCatalogueRows([row({ title: "1984", original_title: "Nineteen Eighty-Four" })], at);
    expect(orwell).toMatchObject({ title: "1984", originalTitle: "Nineteen Eighty-Four" });
    const [potter] = demoCatalogueRows([row({ title: "Harry Potter and the Sorcerer's Stone (Harry Potter, #1)", original_title: "Harry Potter and the Philosopher's Stone" })], at);
    expect(potter).toMatchObject({ title: "Harry Potter and the Sorcerer's Stone", originalTitle: "Harry Potter and the Philosopher's Stone" });
  });

  it("splits authors in order, defaults the genre, and drops a negative year", () => {
    const [title] = demoCatalogueRows([row({ authors: "Homer, Robert Fagles, Bernard Knox", original_publication_year: "-750.0", isbn: "" })], at);
    expect(title.authors).toEqual(["Homer", "Robert Fagles", "Bernard Knox"]);
    expect(title.genres).toEqual(["Classics"]);
    expect(title.year).toBeNull();
    expect(title.isbn13).toBeNull();
    const [general] = demoCatalogueRows([row({ authors: "Someone Unmapped" })], at);
    expect(general.genres).toEqual(["General"]);
  });

  it("keeps an ISBN only on its first title", () => {
    const rows = demoCatalogueRows([row({ book_id: "1" }), row({ book_id: "2" })], at);
    expect(rows.map((r) => r.isbn13)).toEqual(["9780439023481", null]);
  });

  it("numbers barcodes C000001… across titles without repeats", () => {
    const barcodes = demoCatalogueRows([row({ book_id: "1" }), row({ book_id: "2", isbn: "" }), row({ book_id: "3", isbn: "" })], at).flatMap((r) => r.copies.map((c) => c.barcode));
    expect(barcodes[0]).toBe("C000001");
    expect(new Set(barcodes).size).toBe(barcodes.length);
  });
});

describe("generateSyntheticTitles", () => {
  it("is deterministic, with valid unique ISBNs and a vocabulary wide enough that no word floods a search", () => {
    const a = generateSyntheticTitles(5_000, 10_000);
    expect(generateSyntheticTitles(5_000, 10_000)).toEqual(a);
    expect(new Set(a.map((t) => t.isbn13)).size).toBe(a.length);
    const words = new Map<string, number>();
    for (const t of a) for (const w of new Set(`${t.title} ${t.subtitle ?? ""}`.toLowerCase().match(/[a-zà-ÿ]+/g))) words.set(w, (words.get(w) ?? 0) + 1);
    const common = [...words].filter(([w]) => !["the", "a", "of", "in", "s", "book", "cycle"].includes(w));
    expect(Math.max(...common.map(([, n]) => n)) / a.length).toBeLessThan(0.05);
  });
});
