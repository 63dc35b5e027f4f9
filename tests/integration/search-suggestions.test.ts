import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/search/suggestions/route";
import { createTitle } from "@/lib/catalogue/create-title";
import { titleSchema } from "@/lib/catalogue/schemas";
import { db } from "@/lib/db";
import { seedDemoLibrary } from "@/lib/demo/seed-demo-library";
import { searchCatalogue } from "@/lib/search/search-catalogue";
import { EMPTY_SEARCH } from "@/lib/search/search-options";
import { suggestTitles } from "@/lib/search/suggest-titles";
import { resetDatabase } from "../support/database";
import { makeLibrarian } from "../support/fixtures";

describe("search suggestions and facet counts", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemoLibrary(db, { titles: 200 });
  });

  it("suggests titles and authors from the words typed so far, the most borrowed first", async () => {
    const hunger = await suggestTitles("the hunger ga");
    expect(hunger.titles[0].title).toBe("The Hunger Games");
    expect((await suggestTitles("rowl")).authors.map((a) => a.name)).toContain("J.K. Rowling");
    expect(await suggestTitles("h")).toEqual({ titles: [], authors: [] });
    expect(await suggestTitles("zzzqx")).toEqual({ titles: [], authors: [] });
  });

  it("answers from the route handler as JSON", async () => {
    const response = await GET(new NextRequest("http://localhost/api/search/suggestions?q=hobb"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { titles: { title: string }[] };
    expect(body.titles[0].title).toBe("The Hobbit");
  });

  it("suggests a title a librarian adds within moments", async () => {
    const librarian = await makeLibrarian();
    await createTitle({ input: titleSchema.parse({ title: "Quixotic Zephyrs", authors: "Wendeline Quarry", genres: "Poetry" }), actorId: librarian.id });
    // The catalogue is looked at again within a second, and the new index answers once built.
    await expect.poll(async () => (await suggestTitles("quixot zeph")).titles.map((t) => t.title), { timeout: 10_000, interval: 250 }).toEqual(["Quixotic Zephyrs"]);
    expect((await suggestTitles("wendel")).authors).toEqual([{ name: "Wendeline Quarry" }]);
  });

  it("counts the matches by filter, and each count is what its filter then finds", async () => {
    const result = await searchCatalogue({ ...EMPTY_SEARCH, q: "harry potter", facets: true });
    const facets = result.facets!;
    expect(facets.sampled).toBe(false);
    const rowling = facets.author.find((a) => a.value === "J.K. Rowling")!;
    expect(rowling.count).toBeGreaterThan(1);
    expect((await searchCatalogue({ ...EMPTY_SEARCH, q: "harry potter", author: rowling.value })).total).toBe(rowling.count);
    const genre = facets.genre[0];
    expect((await searchCatalogue({ ...EMPTY_SEARCH, q: "harry potter", genre: genre.value })).total).toBe(genre.count);
    const decade = facets.decade[0];
    const from = Number(decade.value);
    expect((await searchCatalogue({ ...EMPTY_SEARCH, q: "harry potter", yearFrom: from, yearTo: from + 9 })).total).toBe(decade.count);
    expect((await searchCatalogue({ ...EMPTY_SEARCH, q: "harry potter", availableNow: true })).total).toBe(facets.available);
    expect(facets.language.reduce((n, l) => n + l.count, 0)).toBeLessThanOrEqual(result.total);
  });

  it("asks nothing more when the facets are not wanted or nothing matches", async () => {
    expect((await searchCatalogue({ ...EMPTY_SEARCH, q: "harry potter" })).facets).toBeNull();
    expect((await searchCatalogue({ ...EMPTY_SEARCH, q: "qqqzzzxxx", facets: true })).facets).toBeNull();
  });
});
