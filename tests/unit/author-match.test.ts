import { describe, expect, it } from "vitest";
import { matchingAuthorIds } from "@/lib/search/author-match";

const AUTHORS = [
  { id: 1, name: "J.R.R. Tolkien" },
  { id: 2, name: "Christopher Tolkien" },
  { id: 3, name: "Charlotte Brontë" },
  { id: 4, name: "Emily Brontë" },
  { id: 5, name: "Jane Austen" },
  { id: 6, name: "Jane Austen Leigh" },
];

describe("matchingAuthorIds", () => {
  it("matches a surname alone, whatever the case and accents", () => {
    expect(matchingAuthorIds("tolkien", AUTHORS)).toEqual([1, 2]);
    expect(matchingAuthorIds("BRONTE", AUTHORS)).toEqual([3, 4]);
    expect(matchingAuthorIds("emily brontë", AUTHORS)).toEqual([4]);
  });

  it("matches whole words only, in any order", () => {
    expect(matchingAuthorIds("Tolk", AUTHORS)).toEqual([]);
    expect(matchingAuthorIds("Brontë Charlotte", AUTHORS)).toEqual([3]);
  });

  it("keeps to the author of that exact name when there is one", () => {
    expect(matchingAuthorIds("jane austen", AUTHORS)).toEqual([5]);
    expect(matchingAuthorIds("austen", AUTHORS)).toEqual([5, 6]);
  });

  it("matches nobody for nothing to match by", () => {
    expect(matchingAuthorIds(" , ", AUTHORS)).toEqual([]);
  });
});
