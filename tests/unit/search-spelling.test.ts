import { describe, expect, it } from "vitest";
import { correctWords, editDistance, MAX_SPELLINGS, maxEdits, spellingCandidates } from "@/lib/search/spelling";

const vocabulary = new Map([
  ["harry", 7], ["potter", 7], ["tolkien", 4], ["hunger", 3], ["games", 3], ["gatsby", 1], ["great", 2],
  ["prejudice", 1], ["pride", 1], ["and", 20], ["da", 1], ["vinci", 1], ["code", 1], ["tattoo", 1], ["stone", 2], ["philosopher", 1], ["j.r.r", 4],
]);

describe("spelling correction", () => {
  it("counts swaps of neighbouring letters as one edit", () => {
    expect(editDistance("tolkein", "tolkien", 2)).toBe(1);
    expect(editDistance("hary", "harry", 2)).toBe(1);
    expect(editDistance("abc", "xyzw", 1)).toBe(2);
  });

  it("allows no edit to short words, one to middling, two to long", () => {
    expect([maxEdits(3), maxEdits(5), maxEdits(9)]).toEqual([0, 1, 2]);
  });

  it("spells misspelt words as the catalogue does and leaves known words alone", () => {
    expect(correctWords(["hary", "poter"], vocabulary)).toEqual(["harry", "potter"]);
    expect(correctWords(["tolkein"], vocabulary)).toEqual(["tolkien"]);
    expect(correctWords(["pride", "and", "predjudice"], vocabulary)).toEqual(["pride", "and", "prejudice"]);
    expect(correctWords(["great", "gatsbi"], vocabulary)).toEqual(["great", "gatsby"]);
  });

  it("splits a run-together name into the catalogue's words and drops a plural the catalogue lacks", () => {
    expect(correctWords(["davinci", "code"], vocabulary)).toEqual(["da", "vinci", "code"]);
    expect(correctWords(["philosophers", "stone"], vocabulary)).toEqual(["philosopher", "stone"]);
  });

  it("reads initials typed without their points as the catalogue writes them", () => {
    expect(correctWords(["jrr", "tolkien"], vocabulary)).toEqual(["j.r.r", "tolkien"]);
  });

  it("leaves the last word alone while it is a prefix of a catalogue word", () => {
    expect(correctWords(["hunger", "gam"], vocabulary)).toEqual(["hunger", "gam"]);
    expect(correctWords(["hunger", "gams"], vocabulary)).toEqual(["hunger", "games"]);
  });
});

describe("spellings tried when a query finds nothing", () => {
  const catalogue = new Map([
    ["jane", 3], ["eyre", 1], ["ever", 9], ["eyes", 6], ["twilight", 4], ["fahrenheit", 1], ["451", 1], ["life", 5], ["of", 40], ["pi", 1],
    ["el", 3], ["e.l", 2], ["james", 6], ["harry", 7], ["potter", 7],
  ]);

  it("weighs two swapped letters as half an edit: eyer is eyre before it is ever", () => {
    expect(correctWords(["jane", "eyer"], catalogue, { lastWordWhole: true })).toEqual(["jane", "eyre"]);
  });

  it("finds a word that sounds the same when its letters are too far apart", () => {
    expect(correctWords(["twilite"], catalogue, { lastWordWhole: true })).toEqual(["twilight"]);
  });

  it("offers a number with two digits swapped, three words run together, and initials that are also a word", () => {
    const tried = (words: string[]) => spellingCandidates(words, catalogue).tries.map((c) => c.join(" "));
    expect(tried(["fahrenheit", "415"])).toContain("fahrenheit 451");
    expect(tried(["lifeofpi"])).toContain("life of pi");
    expect(tried(["el", "james"])).toContain("e.l james");
  });

  it("never tries the query as typed again, and tries a few spellings at most", () => {
    expect(spellingCandidates(["Harry", "Potter"], catalogue)).toEqual({ tries: [], corrected: null });
    expect(spellingCandidates(["Brontë"], new Map([["bronte", 1]])).tries).toEqual([]);
    expect(spellingCandidates(["eyer", "eyer", "eyer"], catalogue).tries.length).toBeLessThanOrEqual(MAX_SPELLINGS);
  });
});

describe("a word the catalogue holds", () => {
  it("is not respelt when another word of the query is the one to drop", () => {
    const catalogue = new Map([["hunger", 3], ["games", 3], ["book", 9], ["boot", 2], ["look", 4]]);
    expect(spellingCandidates(["hunger", "games", "book"], catalogue)).toEqual({ tries: [], corrected: null });
  });

  it("is respelt in a query of one or two words that found nothing, as the likeliest word it may be mistyped for", () => {
    const catalogue = new Map([["clockwork", 3], ["angel", 5], ["angle", 1], ["orange", 2]]);
    expect(spellingCandidates(["clockwork", "angle"], catalogue).tries).toContainEqual(["clockwork", "angel"]);
    expect(spellingCandidates(["clockwork", "angle"], catalogue).corrected).toBeNull();
    // With a filter set the words may be right and the filter the reason nothing came.
    expect(spellingCandidates(["clockwork", "angle"], catalogue, { respellKnownWords: false }).tries).toEqual([]);
  });

  it("is respelt one word at a time, on the query as typed, never as well as another word's correction", () => {
    const catalogue = new Map([["vanity", 1], ["fair", 9], ["fire", 20], ["verity", 2], ["sanity", 1]]);
    const { tries } = spellingCandidates(["vanity", "fare"], catalogue);
    expect(tries).toContainEqual(["vanity", "fire"]);
    expect(tries).toContainEqual(["verity", "fare"]);
    expect(tries).not.toContainEqual(["verity", "fire"]);
  });

  it("reads a number in words as digits and the other way round", () => {
    const catalogue = new Map([["november", 2], ["9", 3], ["fourth", 2], ["grade", 2]]);
    expect(spellingCandidates(["november", "nine"], catalogue).tries).toContainEqual(["november", "9"]);
    expect(correctWords(["4th", "grade"], catalogue)).toEqual(["fourth", "grade"]);
  });

  it("joins two words the catalogue writes as one", () => {
    const catalogue = new Map([["good", 9], ["night", 8], ["goodnight", 2], ["moon", 3]]);
    expect(spellingCandidates(["good", "night", "moon"], catalogue).tries[0]).toEqual(["goodnight", "moon"]);
  });
});
