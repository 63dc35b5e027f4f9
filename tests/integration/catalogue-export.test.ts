import { inRequest } from "../support/request-scope";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as catalogueCsv } from "@/app/api/admin/catalogue.csv/route";
import { db } from "@/lib/db";
import { makeUser, resetDatabase } from "../support/database";

beforeEach(resetDatabase);

// Seeding takes ~25 s on each database on the shared machine, hence the long timeout below.
const TITLES = 100_000;

/** A catalogue of `TITLES` titles, each by one author in one genre with one copy on the shelf. */
async function seedLargeCatalogue() {
  const author = await db.author.create({ data: { name: "Ann Author"} });
  const genre = await db.genre.create({ data: { name: "General", slug: "general" } });
  await db.title.createMany({
    data: Array.from({ length: TITLES }, (_, i) => ({ title: `The Book ${i + 1}`, sortTitle: `book ${i + 1}`, authorNames: "Ann Author", genreNames: "General" })),
  });
  await db.$executeRaw`INSERT INTO "TitleAuthor" ("titleId", "authorId", "position") SELECT "id", ${author.id}, 0 FROM "Title"`;
  await db.$executeRaw`INSERT INTO "TitleGenre" ("titleId", "genreId") SELECT "id", ${genre.id} FROM "Title"`;
  await db.$executeRaw`INSERT INTO "Copy" ("barcode", "titleId", "shelfLocation", "updatedAt") SELECT 'B' || CAST("id" AS TEXT), "id", 'Stacks', "createdAt" FROM "Title"`;
}

describe("whole-catalogue CSV export", () => {
  it("sends every one of 100,000 titles, unfiltered and with a broad filter", async () => {
    await seedLargeCatalogue();
    const librarian = await makeUser({ role: "LIBRARIAN" });
    for (const query of ["", "?genre=general", "?q=the"]) {
      const response = await inRequest(librarian, () => catalogueCsv(new Request(`http://localhost:3000/api/admin/catalogue.csv${query}`)));
      expect(response.status).toBe(200);
      const lines = (await response.text()).trimEnd().split(/\r?\n/);
      expect(lines).toHaveLength(TITLES + 1);
      expect(lines[1]).toMatch(/^The Book 1,,Ann Author,.*General,.*,1,Stacks,$/);
      expect(lines[TITLES]).toMatch(/^The Book 100000,/);
    }
  }, 300_000);
});
