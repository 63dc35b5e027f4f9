import { describe, expect, it } from "vitest";
import { correctWords, editDistance, maxEdits } from "@/lib/search/spelling";

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
