import { describe, expect, it } from "vitest";
import { normalizeIsbn } from "@/lib/catalogue/isbn";
import { MAX_QUERY_WORDS, parseQuery, possessiveOf, toFtsMatch, toTsQuery } from "@/lib/search/parse-query";

describe("parseQuery", () => {
  it("keeps the words, lower-cased, and drops everything else", () => {
    expect(parseQuery("  Harry   Potter! ").words).toEqual(["harry", "potter"]);
    expect(parseQuery("J.K. Rowling").words).toEqual(["j.k", "rowling"]);
    expect(parseQuery("Spider-Man, 3.5 stars").words).toEqual(["spider-man", "3.5", "stars"]);
    expect(parseQuery("Philosopher's Stone").words).toEqual(["philosopher", "s", "stone"]);
  });

  it("keeps letters of every script and drops emoji", () => {
    expect(parseQuery("Gabriel García Márquez 📚").words).toEqual(["gabriel", "garcía", "márquez"]);
    expect(parseQuery("東京 Москва").words).toEqual(["東京", "москва"]);
    expect(parseQuery("🔥🔥").words).toEqual([]);
  });

  it("caps the length and the number of words", () => {
    const long = parseQuery("a".repeat(5_000));
    expect(long.text.length).toBe(200);
    expect(long.words).toEqual(["a".repeat(200)]);
    expect(parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ")).words).toHaveLength(MAX_QUERY_WORDS);
  });

  it("leaves nothing of hostile input but its words", () => {
    for (const input of [`"`, `*`, `NEAR(`, `' OR 1=1 --`, `"); DROP TABLE "Title"; --`, `title:foo AND -bar`, `a & !b | (c:*)`, "\u0000\u200b"]) {
      const { words } = parseQuery(input);
      for (const word of words) expect(word).toMatch(/^[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*$/u);
    }
    expect(parseQuery(`' OR 1=1 --`).words).toEqual(["or", "1", "1"]);
    expect(parseQuery(`NEAR(`).words).toEqual(["near"]);
    expect(parseQuery(`"*"`).words).toEqual([]);
  });
});

describe("ISBN detection", () => {
  it("recognises ISBN-13 and ISBN-10, with or without hyphens and spaces", () => {
    expect(parseQuery("9780439023481").isbnCandidate).toBe("9780439023481");
    expect(parseQuery("978-0-439-02348-1").isbnCandidate).toBe("9780439023481");
    expect(parseQuery("978 0 439 02348 1").isbnCandidate).toBe("9780439023481");
    expect(parseQuery("0-439-02348-3").isbnCandidate).toBe("0439023483");
    expect(parseQuery(" 043902348x ").isbnCandidate).toBe("043902348X");
  });

  it("converts ISBN-10 to ISBN-13 and refuses a wrong check digit", () => {
    expect(normalizeIsbn("0439023483")).toBe("9780439023481");
    expect(normalizeIsbn("978-0-439-02348-1")).toBe("9780439023481");
    expect(normalizeIsbn("0439023484")).toBeNull();
    expect(normalizeIsbn("9780439023482")).toBeNull();
  });

  it("does not take other numbers or words for an ISBN", () => {
    expect(parseQuery("1984").isbnCandidate).toBeNull();
    expect(parseQuery("12345678901").isbnCandidate).toBeNull();
    expect(parseQuery("isbn 9780439023481 hunger").isbnCandidate).toBeNull();
    expect(parseQuery("X123456789").isbnCandidate).toBeNull();
  });
});

describe("full-text expressions", () => {
  it("quotes every word for FTS5 and prefix-matches the last", () => {
    expect(toFtsMatch(["harry", "potter"])).toBe(`"harry" "potter"*`);
    expect(toFtsMatch(["j.k", "rowling"])).toBe(`"j k" "rowling"*`);
    expect(toFtsMatch(parseQuery(`NEAR(a b) OR "x"`).words)).toBe(`"near" "a" "b" "or" "x"*`);
    expect(toFtsMatch([])).toBeNull();
  });

  it("quotes every word for to_tsquery and prefix-matches the last", () => {
    expect(toTsQuery(["harry", "potter"])).toBe(`'harry' & 'potter':*`);
    expect(toTsQuery(["j.k", "rowling"])).toBe(`'j.k' & 'rowling':*`);
    expect(toTsQuery(["garcía", "márquez"])).toBe(`'garcia' & 'marquez':*`);
    // As PostgreSQL's unaccent folds the indexed words: Polish and Nordic letters, but not Cyrillic's й.
    expect(toTsQuery(["łódź", "søren", "straße"])).toBe(`'lodz' & 'soren' & 'strasse':*`);
    expect(toTsQuery(["война", "ёлка"])).toBe(`'война' & 'елка':*`);
    expect(toTsQuery(parseQuery(`' OR 1=1 --`).words)).toBe(`'or' & '1' & '1':*`);
    expect(toTsQuery([])).toBeNull();
  });

  it("matches a word that may be a possessive typed without its apostrophe either way", () => {
    expect([possessiveOf("cuckoos"), possessiveOf("hitchhikers"), possessiveOf("cats")]).toEqual(["cuckoo", "hitchhiker", "cat"]);
    // Too short, a double s, digits: no possessive.
    expect([possessiveOf("bus"), possessiveOf("glass"), possessiveOf("1990s")]).toEqual([null, null, null]);
    expect(toFtsMatch(["cuckoos", "nest"])).toBe(`("cuckoos" OR "cuckoo s") AND "nest"*`);
    expect(toFtsMatch(["one", "cuckoos"])).toBe(`"one" AND ("cuckoos"* OR "cuckoo s")`);
    expect(toTsQuery(["cuckoos", "nest"])).toBe(`('cuckoos' | 'cuckoo' <-> 's') & 'nest':*`);
    expect(toTsQuery(["one", "cuckoos"])).toBe(`'one' & ('cuckoos':* | 'cuckoo' <-> 's')`);
  });
});
