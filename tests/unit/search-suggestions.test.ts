import { describe, expect, it } from "vitest";
import { decadeRange, shapeFacets } from "@/lib/search/facets";
import { PrefixIndex } from "@/lib/search/prefix-index";
import { authorSuggestionHref, titleSuggestionHref } from "@/lib/search/suggestions";

const titles = new PrefixIndex([
  { text: "The Hunger Games", weight: 100, value: "hunger games" },
  { text: "The Hunger Games Tribute Guide", weight: 5, value: "tribute guide" },
  { text: "Catching Fire", weight: 80, value: "catching fire" },
  { text: "Les Misérables", weight: 40, value: "les miserables" },
  { text: "The Hobbit", weight: 90, value: "hobbit" },
]);

describe("suggestions as the patron types", () => {
  it("matches every typed word as the start of a word, heaviest first", () => {
    expect(titles.search("hung", 5)).toEqual(["hunger games", "tribute guide"]);
    expect(titles.search("the hunger ga", 5)).toEqual(["hunger games", "tribute guide"]);
    expect(titles.search("ga hung", 5)).toEqual(["hunger games", "tribute guide"]);
    expect(titles.search("the", 2)).toEqual(["hunger games", "hobbit"]);
  });

  it("folds case and accents, and finds nothing for a word no title starts", () => {
    expect(titles.search("MISER", 5)).toEqual(["les miserables"]);
    expect(titles.search("misér", 5)).toEqual(["les miserables"]);
    expect(titles.search("hunger xyz", 5)).toEqual([]);
    expect(titles.search("  ", 5)).toEqual([]);
  });

  it("walks the titles by weight when every word is common", () => {
    const many = new PrefixIndex(Array.from({ length: 30_000 }, (_, i) => ({ text: `The Book ${i}`, weight: i, value: i })));
    expect(many.search("the bo", 3)).toEqual([29_999, 29_998, 29_997]);
    expect(many.search("book 12345", 3)).toEqual([12_345]);
  });

  it("leads a title to its page and an author to their books", () => {
    expect(titleSuggestionHref({ id: 7, title: "The Hobbit", authorNames: "J.R.R. Tolkien" })).toBe("/books/7");
    expect(authorSuggestionHref({ name: "J.R.R. Tolkien" })).toBe("/search?author=J.R.R.+Tolkien");
  });
});

describe("facet counts", () => {
  it("orders values by count (decades by time), names languages and caps the lists", () => {
    const rows = [
      { facet: "genre", value: "fantasy", label: "Fantasy", n: 3n },
      { facet: "genre", value: "classics", label: "Classics", n: 7 },
      { facet: "language", value: "fr", label: "fr", n: 2 },
      { facet: "decade", value: "1990", label: null, n: 4 },
      { facet: "decade", value: "2000", label: null, n: 1 },
      { facet: "available", value: null, label: null, n: 5 },
      ...Array.from({ length: 12 }, (_, i) => ({ facet: "author", value: `Author ${i}`, label: `Author ${i}`, n: i + 1 })),
    ];
    const facets = shapeFacets(rows, false);
    expect(facets.genre.map((g) => g.label)).toEqual(["Classics", "Fantasy"]);
    expect(facets.language).toEqual([{ value: "fr", label: "French", count: 2 }]);
    expect(facets.decade.map((d) => d.label)).toEqual(["2000s", "1990s"]);
    expect(facets.available).toBe(5);
    expect(facets.author).toHaveLength(8);
    expect(facets.author[0]).toEqual({ value: "Author 11", label: "Author 11", count: 12 });
    expect(decadeRange("1990")).toEqual({ yearFrom: 1990, yearTo: 1999 });
  });
});
