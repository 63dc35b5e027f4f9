import { describe, expect, it } from "vitest";
import { effectiveSort, MAX_PAGE, parseSearchParams, searchHref, yearRangeError } from "@/lib/search/search-options";

describe("search state in the URL", () => {
  it("reads every filter, sort and page", () => {
    const options = parseSearchParams(
      new URLSearchParams("q=dune&genre=science-fiction&author=Frank+Herbert&language=en&from=1960&to=1970&available=1&sort=year&page=3"),
    );
    expect(options).toEqual({
      q: "dune",
      genre: "science-fiction",
      author: "Frank Herbert",
      language: "en",
      yearFrom: 1960,
      yearTo: 1970,
      availableNow: true,
      sort: "year",
      page: 3,
    });
  });

  it("ignores values that make no sense instead of failing", () => {
    const options = parseSearchParams({ q: ["first", "second"], from: "19x0", to: "", sort: "price", page: "-2", available: "maybe" });
    expect(options).toMatchObject({ q: "first", yearFrom: null, yearTo: null, sort: null, page: 1, availableNow: false });
    expect(parseSearchParams({ page: "999999" }).page).toBe(MAX_PAGE);
    expect(parseSearchParams({ page: "2.5" }).page).toBe(1);
  });

  it("writes links that read back to the same state", () => {
    const options = parseSearchParams(new URLSearchParams("q=a%26b&author=Ann+O%27Neil&from=2001&sort=title&page=2&available=1"));
    const href = searchHref(options);
    expect(href).toBe("/search?q=a%26b&author=Ann+O%27Neil&from=2001&available=1&sort=title&page=2");
    expect(parseSearchParams(new URL(href, "http://x").searchParams)).toEqual(options);
    expect(searchHref({})).toBe("/search");
  });

  it("ranks by relevance only when there are words to rank by", () => {
    expect(effectiveSort({ q: "dune", sort: null }, true)).toBe("relevance");
    expect(effectiveSort({ q: "", sort: null }, false)).toBe("popularity");
    expect(effectiveSort({ q: "", sort: "relevance" }, false)).toBe("popularity");
    expect(effectiveSort({ q: "dune", sort: "title" }, true)).toBe("title");
  });
});

describe("yearRangeError", () => {
  it("refuses a first year after the last, naming both, and nothing else", () => {
    expect(yearRangeError({ yearFrom: 2000, yearTo: 1990 })).toMatch(/“From” \(2000\) is after “To” \(1990\)/);
    expect(yearRangeError({ yearFrom: 1990, yearTo: 2000 })).toBeNull();
    expect(yearRangeError({ yearFrom: 1990, yearTo: 1990 })).toBeNull();
    expect(yearRangeError({ yearFrom: 2000, yearTo: null })).toBeNull();
  });
});
