import { beforeAll, describe, expect, it } from "vitest";
import { createTitle } from "@/lib/catalogue/create-title";
import { titleSchema } from "@/lib/catalogue/schemas";
import { updateTitle } from "@/lib/catalogue/update-title";
import { db } from "@/lib/db";
import { seedDemoLibrary } from "@/lib/demo/seed-demo-library";
import { searchCatalogue } from "@/lib/search/search-catalogue";
import { EMPTY_SEARCH } from "@/lib/search/search-options";
import { resetDatabase } from "../support/database";
import { makeLibrarian } from "../support/fixtures";

// Queries as patrons type them, against the demo catalogue (the first 200 goodbooks titles).
const QUERIES: [query: string, expected: RegExp][] = [
  ["hary poter", /^Harry Potter/],
  ["tolkein", /^The (Hobbit|Fellowship|Two Towers|Return|Lord|Silmarillion)/],
  ["hunger gams", /^The Hunger Games$/],
  ["great gatsbi", /^The Great Gatsby$/],
  ["pride and predjudice", /^Pride and Prejudice$/],
  ["davinci code", /^The Da Vinci Code$/],
  ["jrr tolkien", /^The (Hobbit|Fellowship|Two Towers|Return|Lord|Silmarillion)/],
  ["girl with the dragon tatoo", /^The Girl with the Dragon Tattoo$/],
  ["harry potter and the philosophers stone", /^Harry Potter and the Sorcerer's Stone$/],
  // Original titles, which the edition's title does not carry.
  ["philosopher's stone", /^Harry Potter and the Sorcerer's Stone$/],
  ["nineteen eighty-four", /^1984$/],
];

describe("search that forgives typing", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemoLibrary(db, { titles: 200 });
  });

  it.each(QUERIES)("finds the book for %j in the first three results", async (q, expected) => {
    const result = await searchCatalogue({ ...EMPTY_SEARCH, q });
    expect(result.hits.slice(0, 3).map((h) => h.title)).toContainEqual(expect.stringMatching(expected));
  });

  it("never changes a correctly spelt word because a filter left nothing, and never lets a lone word stand for a query with \"and\"", async () => {
    // "Zorvik" is a thriller, "Zorvak" a romance: asked for romance, "zorvik" is no misspelling.
    const librarian = await makeLibrarian();
    await createTitle({ input: titleSchema.parse({ title: "Zorvik", authors: "Ann Example", genres: "Thriller" }), actorId: librarian.id });
    await createTitle({ input: titleSchema.parse({ title: "Zorvak", authors: "Ann Example", genres: "Romance" }), actorId: librarian.id });
    expect((await searchCatalogue({ ...EMPTY_SEARCH, q: "zorvik" })).hits.map((h) => h.title)).toEqual(["Zorvik"]);
    const filtered = await searchCatalogue({ ...EMPTY_SEARCH, q: "zorvik", genre: "romance" });
    expect(filtered.correctedTo).toBeNull();
    expect(filtered.total).toBe(0);
    // "and" is not searched: the partial fallback has two words left, too few to search in part.
    const partial = await searchCatalogue({ ...EMPTY_SEARCH, q: "gatsby and zzzqqx" });
    expect(partial.partial).toBe(false);
    expect(partial.total).toBe(0);
  });

  it("says which spelling it searched for", async () => {
    const result = await searchCatalogue({ ...EMPTY_SEARCH, q: "hunger gams" });
    expect(result.correctedTo).toBe("hunger games");
    expect(result.partial).toBe(false);
  });

  it("keeps the exact searches as they were", async () => {
    for (const q of ["hunger games", "9780439023481", "rowling"]) {
      const result = await searchCatalogue({ ...EMPTY_SEARCH, q });
      expect(result.correctedTo).toBeNull();
      expect(result.partial).toBe(false);
    }
    expect((await searchCatalogue({ ...EMPTY_SEARCH, q: "hunger games" })).hits[0].title).toBe("The Hunger Games");
  });

  it("finds a title by the original title a librarian gives it, and forgets it once removed", async () => {
    const librarian = await makeLibrarian();
    const fields = { title: "The Outsider", authors: "Albert Camus", genres: "Classics" };
    const { id } = await createTitle({ input: titleSchema.parse({ ...fields, originalTitle: "L'Étranger" }), actorId: librarian.id });
    const found = async (q: string) => (await searchCatalogue({ ...EMPTY_SEARCH, q })).hits.some((h) => h.id === id);
    expect(await found("l'etranger")).toBe(true);
    await updateTitle({ titleId: id, input: titleSchema.parse({ ...fields, originalTitle: "" }), actorId: librarian.id });
    expect(await found("l'etranger")).toBe(false);
    expect(await found("outsider camus")).toBe(true);
  });
});
