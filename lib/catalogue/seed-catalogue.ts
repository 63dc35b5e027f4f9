import { dbKind, type Db } from "../db";
import { slugOf, titleIndex } from "./title-index";

/** One title with its copies, as bulk loaders (demo seed, benchmarks) hand it over. */
export type CatalogueRow = {
  title: string;
  subtitle: string | null;
  authors: string[];
  genres: string[];
  isbn13: string | null;
  publisher?: string | null;
  year: number | null;
  language: string | null;
  pageCount?: number | null;
  popularity: number;
  createdAt: Date;
  copies: { barcode: string; shelfLocation: string; replacementCostCents: number; acquiredAt: Date }[];
};

const BATCH = 2_000;

/**
 * Loads many titles into an empty catalogue in batches (one transaction each), with ids assigned
 * here so that authors, genres and copies need no round trip per row. The search indexes follow
 * through their triggers (SQLite) and generated column (PostgreSQL).
 */
export async function seedCatalogue(db: Db, rows: CatalogueRow[]): Promise<{ titles: number; copies: number }> {
  const genreNames = [...new Set(rows.flatMap((r) => r.genres))];
  const existingGenres = await db.genre.findMany();
  const genreIds = new Map(existingGenres.map((g) => [g.name, g.id]));
  const newGenres = genreNames.filter((g) => !genreIds.has(g));
  if (newGenres.length) await db.genre.createMany({ data: newGenres.map((name) => ({ name, slug: slugOf(name) })) });

  const authorNames = [...new Set(rows.flatMap((r) => r.authors))];
  const known = new Set((await db.author.findMany({ select: { name: true } })).map((a) => a.name));
  const newAuthors = authorNames.filter((a) => !known.has(a));
  for (let i = 0; i < newAuthors.length; i += BATCH) await db.author.createMany({ data: newAuthors.slice(i, i + BATCH).map((name) => ({ name })) });
  const [authors, genres, last] = await Promise.all([
    db.author.findMany({ select: { id: true, name: true } }),
    db.genre.findMany({ select: { id: true, name: true } }),
    db.title.aggregate({ _max: { id: true } }),
  ]);
  const authorIds = new Map(authors.map((a) => [a.name, a.id]));
  for (const g of genres) genreIds.set(g.name, g.id);

  let nextId = (last._max.id ?? 0) + 1;
  let copies = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row) => ({ row, id: nextId++ }));
    await db.$transaction(async (tx) => {
      await tx.title.createMany({
        data: batch.map(({ row, id }) => ({
          id,
          title: row.title,
          subtitle: row.subtitle,
          isbn13: row.isbn13,
          publisher: row.publisher ?? null,
          year: row.year,
          language: row.language,
          pageCount: row.pageCount ?? null,
          popularity: row.popularity,
          createdAt: row.createdAt,
          ...titleIndex(row.title, row.authors, row.genres),
        })),
      });
      await tx.titleAuthor.createMany({
        data: batch.flatMap(({ row, id }) => [...new Set(row.authors)].map((name, position) => ({ titleId: id, authorId: authorIds.get(name)!, position }))),
      });
      await tx.titleGenre.createMany({
        data: batch.flatMap(({ row, id }) => [...new Set(row.genres)].map((name) => ({ titleId: id, genreId: genreIds.get(name)! }))),
      });
      const copyRows = batch.flatMap(({ row, id }) => row.copies.map((c) => ({ titleId: id, ...c })));
      copies += copyRows.length;
      await tx.copy.createMany({ data: copyRows });
    });
  }
  // PostgreSQL sequences do not move when ids are given: set them past the rows just written.
  if (rows.length) await resetIdSequences(db, ["Title", "Author", "Genre", "Copy"]);
  return { titles: rows.length, copies };
}

export async function resetIdSequences(db: Db, tables: string[]): Promise<void> {
  if (dbKind !== "postgresql") return;
  for (const table of tables) {
    await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 0) + 1, false)`);
  }
}
