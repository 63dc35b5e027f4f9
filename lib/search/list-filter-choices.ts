import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";

export type FilterChoices = {
  genres: { slug: string; name: string }[];
  languages: string[];
};

const GENRES_SQL = Prisma.sql`
  SELECT g."slug", g."name" FROM "Genre" g WHERE EXISTS (SELECT 1 FROM "TitleGenre" tg WHERE tg."genreId" = g."id") ORDER BY g."name" ASC`;
const TTL_MS = 5 * 60_000;
let cachedLanguages: { at: number; value: Promise<string[]> } | null = null;

/**
 * The genres and languages the filter form offers. The genres are read each time (a few dozen
 * rows, by a fixed statement: decision 020), so a genre given to a title is offered, by its
 * name, on the next page. Listing the languages reads
 * the whole Title(language) index, so they are kept for a few minutes per server process.
 */
export async function listFilterChoices(): Promise<FilterChoices> {
  const [genres, languages] = await Promise.all([
    db.$queryRaw<FilterChoices["genres"]>(GENRES_SQL),
    cachedLanguageList(),
  ]);
  return { genres, languages };
}

function cachedLanguageList(): Promise<string[]> {
  const at = performance.now();
  if (!cachedLanguages || at - cachedLanguages.at > TTL_MS) {
    const value = loadLanguages();
    cachedLanguages = { at, value };
    value.catch(() => {
      cachedLanguages = null;
    });
  }
  return cachedLanguages.value;
}

async function loadLanguages(): Promise<string[]> {
  const languages = await db.title.groupBy({ by: ["language"], where: { language: { not: null } }, orderBy: { language: "asc" } });
  return languages.map((l) => l.language!).filter((l) => l.length > 0);
}
