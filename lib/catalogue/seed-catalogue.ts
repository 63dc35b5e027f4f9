import type { Db, Tx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import type { CopyStatus } from "../generated/sqlite/enums";
import { resetIdSequences } from "../sql-dialect";
import { slugOf, titleIndex } from "./title-index";

/** One title with its copies, as bulk loaders (demo seed, benchmarks) hand it over. */
export type CatalogueRow = {
  title: string;
  subtitle: string | null;
  originalTitle?: string | null;
  authors: string[];
  genres: string[];
  isbn13: string | null;
  publisher?: string | null;
  year: number | null;
  language: string | null;
  pageCount?: number | null;
  popularity: number;
  createdAt: Date;
  copies: { barcode: string; shelfLocation: string; replacementCostCents: number; acquiredAt: Date; status?: CopyStatus }[];
};

/** Titles per transaction. */
const BATCH = 2_000;
/** Bound parameters per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

type Value = string | number | Date | null;

/**
 * Multi-row INSERTs, as many rows a statement as the databases' parameter limits allow: Prisma's
 * createMany sends at most 999 parameters a statement and costs several times more, which was
 * most of the demo library's start-up time and of a big import. Prisma.sql binds every value
 * (dates as Dates), on both databases alike; columns left out take their defaults.
 */
export async function insertRows(tx: Tx, table: string, columns: string[], rows: Value[][]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let start = 0; start < rows.length; start += perStatement) {
    const values = rows.slice(start, start + perStatement).map((row) => Prisma.sql`(${Prisma.join(row)})`);
    await tx.$executeRaw(Prisma.sql`${head}${Prisma.join(values)}`);
  }
}

/**
 * Loads many titles into a catalogue in batches (one transaction each), with the ids of titles
 * and authors assigned here so that links and copies need no round trip per row. The search
 * indexes follow through their triggers (SQLite) and generated column (PostgreSQL).
 */
export async function seedCatalogue(db: Db, rows: CatalogueRow[]): Promise<{ titles: number; copies: number }> {
  const genreIds = new Map((await db.genre.findMany({ select: { id: true, name: true } })).map((g) => [g.name, g.id]));
  const newGenres = [...new Set(rows.flatMap((r) => r.genres))].filter((g) => !genreIds.has(g));
  if (newGenres.length) {
    await db.genre.createMany({ data: newGenres.map((name) => ({ name, slug: slugOf(name) })) });
    for (const g of await db.genre.findMany({ where: { name: { in: newGenres } }, select: { id: true, name: true } })) genreIds.set(g.name, g.id);
  }

  const [authors, lastAuthor, lastTitle] = await Promise.all([
    db.author.findMany({ select: { id: true, name: true } }),
    db.author.aggregate({ _max: { id: true } }),
    db.title.aggregate({ _max: { id: true } }),
  ]);
  const authorIds = new Map(authors.map((a) => [a.name, a.id]));
  let nextAuthorId = (lastAuthor._max.id ?? 0) + 1;
  const newAuthors: Value[][] = [];
  for (const name of new Set(rows.flatMap((r) => r.authors))) {
    if (authorIds.has(name)) continue;
    authorIds.set(name, nextAuthorId);
    newAuthors.push([nextAuthorId++, name]);
  }
  if (newAuthors.length) await db.$transaction((tx) => insertRows(tx, "Author", ["id", "name"], newAuthors), { timeout: 120_000 });

  let nextTitleId = (lastTitle._max.id ?? 0) + 1;
  let copies = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row) => ({ row, id: nextTitleId++ }));
    const titles = batch.map(({ row, id }): Value[] => {
      const index = titleIndex(row.title, row.authors, row.genres);
      const createdAt = row.createdAt;
      return [id, row.title, row.subtitle, row.originalTitle ?? null, row.isbn13, row.publisher ?? null, row.year, row.language, row.pageCount ?? null, row.popularity, index.sortTitle, index.authorNames, index.genreNames, createdAt, createdAt];
    });
    const titleAuthors = batch.flatMap(({ row, id }) => [...new Set(row.authors)].map((name, position): Value[] => [id, authorIds.get(name)!, position]));
    const titleGenres = batch.flatMap(({ row, id }) => [...new Set(row.genres)].map((name): Value[] => [id, genreIds.get(name)!]));
    const copyRows = batch.flatMap(({ row, id }) =>
      row.copies.map((c): Value[] => {
        const acquiredAt = c.acquiredAt;
        return [id, c.barcode, c.shelfLocation, c.status ?? "AVAILABLE", c.replacementCostCents, acquiredAt, acquiredAt, acquiredAt];
      }),
    );
    copies += copyRows.length;
    await db.$transaction(
      async (tx) => {
        await insertRows(tx, "Title", ["id", "title", "subtitle", "originalTitle", "isbn13", "publisher", "year", "language", "pageCount", "popularity", "sortTitle", "authorNames", "genreNames", "createdAt", "updatedAt"], titles);
        await insertRows(tx, "TitleAuthor", ["titleId", "authorId", "position"], titleAuthors);
        await insertRows(tx, "TitleGenre", ["titleId", "genreId"], titleGenres);
        await insertRows(tx, "Copy", ["titleId", "barcode", "shelfLocation", "status", "replacementCostCents", "acquiredAt", "createdAt", "updatedAt"], copyRows);
      },
      { timeout: 120_000 },
    );
  }
  // PostgreSQL sequences do not move when ids are given: set them past the rows just written.
  if (rows.length) await resetIdSequences(db, ["Title", "Author"]);
  return { titles: rows.length, copies };
}
