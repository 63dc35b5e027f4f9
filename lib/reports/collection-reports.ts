import { languageName } from "../catalogue/language-name";
import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";

// The collection as it stands (not date-ranged): titles in the catalogue and their copies
// that are not withdrawn, by genre and by language.

type Count = number | bigint;
export type CollectionRow = { label: string; titles: number; copies: number };

export async function collectionByGenre(): Promise<CollectionRow[]> {
  const rows = await db.$queryRaw<{ name: string; titles: Count; copies: Count }[]>(Prisma.sql`
    SELECT g."name", COUNT(DISTINCT t."id") AS "titles", COUNT(c."id") AS "copies"
    FROM "Genre" g
    JOIN "TitleGenre" tg ON tg."genreId" = g."id"
    JOIN "Title" t ON t."id" = tg."titleId" AND t."withdrawnAt" IS NULL
    LEFT JOIN "Copy" c ON c."titleId" = t."id" AND CAST(c."status" AS TEXT) <> 'WITHDRAWN'
    GROUP BY g."id", g."name"
    ORDER BY COUNT(DISTINCT t."id") DESC, g."name" ASC`);
  return rows.map((r) => ({ label: r.name, titles: Number(r.titles), copies: Number(r.copies) }));
}

export async function collectionByLanguage(): Promise<CollectionRow[]> {
  const rows = await db.$queryRaw<{ language: string | null; titles: Count; copies: Count }[]>(Prisma.sql`
    SELECT t."language", COUNT(DISTINCT t."id") AS "titles", COUNT(c."id") AS "copies"
    FROM "Title" t
    LEFT JOIN "Copy" c ON c."titleId" = t."id" AND CAST(c."status" AS TEXT) <> 'WITHDRAWN'
    WHERE t."withdrawnAt" IS NULL
    GROUP BY t."language"
    ORDER BY COUNT(DISTINCT t."id") DESC, t."language" ASC`);
  return rows.map((r) => ({ label: r.language ? languageName(r.language) : "Not recorded", titles: Number(r.titles), copies: Number(r.copies) }));
}
