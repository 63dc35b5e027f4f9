import { recordAudit } from "../audit";
import { now } from "../clock";
import { db, type Tx } from "../db";
import { badRowsError, DomainError } from "../errors";
import { nextGeneratedBarcode } from "./add-copy";
import { lockOpenTitles } from "./copy-state";
import type { CsvColumn, CsvTitle } from "./catalogue-csv";
import { type CatalogueFile, readCatalogueFile, unitOf } from "./catalogue-file";
import { type NewCopy, planImport } from "./import-plan";
import { insertRows } from "./seed-catalogue";
import { reserveIds } from "../sql-dialect";
import { slugOf, sortTitleOf, titleIndex } from "./title-index";

export type ImportCatalogueOptions = CatalogueFile & { actorId: number };
export type ImportCatalogueResult = { added: number; updated: number; copiesAdded: number };

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Imports a catalogue CSV or MARC file in ONE transaction: every row (record) is added or
 * updated, or, when any is bad, nothing is. Rows go in by the batch (createMany), so ten thousand titles take seconds,
 * not minutes; the search indexes follow through their triggers and generated column.
 */
export async function importCatalogue({ actorId, ...file }: ImportCatalogueOptions): Promise<ImportCatalogueResult> {
  const parsed = readCatalogueFile(file as CatalogueFile);
  const at = now();
  return db.$transaction(
    async (tx) => {
      const plan = await planImport(tx, parsed, unitOf(file as CatalogueFile));
      if (plan.bad.length > 0) throw badRowsError(plan.bad, unitOf(file as CatalogueFile));
      // The first write: on SQLite it takes the write lock, so the ids read next stay ours.
      await recordAudit(tx, { actorId, action: "catalogue.import", entityType: "Title", entityId: "import", details: { adds: plan.adds.length, updates: plan.updates.length } });

      // The title lock on every catalogued title that gains copies: a withdrawal racing the
      // import either waits and withdraws the new copies too, or came first and is seen here.
      const gaining = plan.updates.filter((u) => u.newCopies.length > 0).map((u) => u.existing.id);
      let open = 0;
      for (const batch of chunks(gaining)) open += await lockOpenTitles(tx, batch, at);
      if (open !== gaining.length) {
        throw new DomainError("CONFLICT", "A title in the file was withdrawn a moment ago. Preview the file again.", undefined, "TITLE_WITHDRAWN");
      }

      const rowsWithNames = [...plan.adds.map((a) => a.row), ...plan.updates.map((u) => u.row)];
      const authorIds = await ensureAuthors(tx, rowsWithNames.flatMap((r) => r.input.authors));
      const genres = await ensureGenres(tx, rowsWithNames.flatMap((r) => r.input.genres));
      const genreIdsOf = (names: string[]) => [...new Set(names.map((n) => genres.get(slugOf(n))!.id))];
      const genreNamesOf = (names: string[]) => [...new Set(names.map((n) => genres.get(slugOf(n))!.name))];

      const titleIds = await reserveIds(tx, "Title", plan.adds.length);
      const newCopies: (NewCopy & { titleId: number })[] = [];
      for (const batch of chunks(plan.adds.map(({ row, newCopies }, i) => ({ row, newCopies, id: titleIds[i] })))) {
        await insertObjects(
          tx,
          "Title",
          batch.map(({ row, id }) => ({
            id,
            ...recordColumns(row),
            ...titleIndex(row.input.title, row.input.authors, genreNamesOf(row.input.genres)),
            createdAt: at,
            updatedAt: at,
          })),
        );
        await linkNames(tx, batch, authorIds, genreIdsOf);
        for (const { newCopies: copies, id } of batch) for (const copy of copies) newCopies.push({ ...copy, titleId: id });
      }

      for (const { row, existing, newCopies: copies } of plan.updates) {
        const authors = row.filled.has("authors") ? row.input.authors : null;
        const genreNames = row.filled.has("genres") ? genreNamesOf(row.input.genres) : null;
        const record = recordColumns(row);
        await tx.title.update({
          where: { id: existing.id },
          data: {
            title: record.title,
            ...Object.fromEntries(Object.entries(record).filter(([key]) => key !== "title" && row.filled.has(COLUMN_OF[key]))),
            sortTitle: sortTitleOf(row.input.title),
            ...(authors ? { authorNames: authors.join(", ") } : {}),
            ...(genreNames ? { genreNames: genreNames.join(", ") } : {}),
          },
        });
        for (const copy of copies) newCopies.push({ ...copy, titleId: existing.id });
      }
      const relinkAuthors = plan.updates.filter((u) => u.row.filled.has("authors"));
      const relinkGenres = plan.updates.filter((u) => u.row.filled.has("genres"));
      for (const batch of chunks(relinkAuthors)) {
        await tx.titleAuthor.deleteMany({ where: { titleId: { in: batch.map((u) => u.existing.id) } } });
        await tx.titleAuthor.createMany({ data: batch.flatMap((u) => u.row.input.authors.map((name, position) => ({ titleId: u.existing.id, authorId: authorIds.get(name)!, position }))) });
      }
      for (const batch of chunks(relinkGenres)) {
        await tx.titleGenre.deleteMany({ where: { titleId: { in: batch.map((u) => u.existing.id) } } });
        await tx.titleGenre.createMany({ data: batch.flatMap((u) => genreIdsOf(u.row.input.genres).map((genreId) => ({ titleId: u.existing.id, genreId }))) });
      }

      // The barcodes the file gives go in first, so the generated ones that follow count past them.
      const copyRow = (c: NewCopy & { titleId: number }, barcode: string) => ({ titleId: c.titleId, shelfLocation: c.shelfLocation, barcode, acquiredAt: at, createdAt: at, updatedAt: at });
      const given = newCopies.filter((c) => c.barcode !== null);
      for (const batch of chunks(given, 1_000)) await insertObjects(tx, "Copy", batch.map((c) => copyRow(c, c.barcode!)));
      const generated = newCopies.filter((c) => c.barcode === null);
      if (generated.length > 0) {
        let next = Number((await nextGeneratedBarcode(tx)).slice(1));
        for (const batch of chunks(generated, 1_000)) await insertObjects(tx, "Copy", batch.map((c) => copyRow(c, `C${String(next++).padStart(6, "0")}`)));
      }
      return { added: plan.adds.length, updated: plan.updates.length, copiesAdded: newCopies.length };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** The bibliographic columns of a row, by Title field. */
function recordColumns(row: CsvTitle) {
  const i = row.input;
  return { title: i.title, subtitle: i.subtitle, originalTitle: i.originalTitle, isbn13: i.isbn, publisher: i.publisher, year: i.year, language: i.language, pageCount: i.pages, description: i.description };
}

/** Title field → the CSV column that fills it. */
const COLUMN_OF: Record<string, CsvColumn> = {
  subtitle: "subtitle",
  originalTitle: "original_title",
  isbn13: "isbn",
  publisher: "publisher",
  year: "year",
  language: "language",
  pageCount: "pages",
  description: "description",
};

async function linkNames(tx: Tx, batch: { row: CsvTitle; id: number }[], authorIds: Map<string, number>, genreIdsOf: (names: string[]) => number[]) {
  const authors = batch.flatMap(({ row, id }) => row.input.authors.map((name, position) => ({ titleId: id, authorId: authorIds.get(name)!, position })));
  const genres = batch.flatMap(({ row, id }) => genreIdsOf(row.input.genres).map((genreId) => ({ titleId: id, genreId })));
  await insertObjects(tx, "TitleAuthor", authors);
  await insertObjects(tx, "TitleGenre", genres);
}

/** Rows given as objects (every row with the same columns) through the one multi-row insert. */
async function insertObjects(tx: Tx, table: "Title" | "TitleAuthor" | "TitleGenre" | "Copy", rows: Record<string, string | number | Date | null>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  await insertRows(tx, table, columns, rows.map((row) => columns.map((c) => row[c])));
}

/** Author ids by name, creating the names not yet known. */
async function ensureAuthors(tx: Tx, names: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  const ids = new Map<string, number>();
  for (const batch of chunks(unique)) {
    for (const a of await tx.author.findMany({ where: { name: { in: batch } }, select: { id: true, name: true } })) ids.set(a.name, a.id);
  }
  const missing = unique.filter((n) => !ids.has(n));
  const newIds = await reserveIds(tx, "Author", missing.length);
  for (const batch of chunks(missing.map((name, i) => ({ name, id: newIds[i] })))) {
    await tx.author.createMany({ data: batch });
    for (const a of batch) ids.set(a.name, a.id);
  }
  return ids;
}

/** Genres by slug (so "science fiction" is the "Science Fiction" genre), creating new ones. */
async function ensureGenres(tx: Tx, names: string[]): Promise<Map<string, { id: number; name: string }>> {
  const bySlug = new Map<string, string>();
  for (const name of names) if (!bySlug.has(slugOf(name))) bySlug.set(slugOf(name), name);
  const genres = new Map<string, { id: number; name: string }>();
  for (const g of await tx.genre.findMany({ where: { slug: { in: [...bySlug.keys()] } } })) genres.set(g.slug, { id: g.id, name: g.name });
  for (const [slug, name] of bySlug) {
    if (!genres.has(slug)) {
      const created = await tx.genre.create({ data: { name, slug } });
      genres.set(slug, { id: created.id, name });
    }
  }
  return genres;
}
