import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { catalogueCsv } from "./catalogue-csv";
import type { InventoryOptions } from "./inventory-options";
import { inventoryConditions } from "./list-inventory";
import type { MarcTitle } from "./marc-mapping";

const CHUNK = 1_000;

type Row = { id: number | bigint; title: string; subtitle: string | null; originalTitle: string | null; isbn13: string | null; publisher: string | null; year: number | bigint | null; language: string | null; description: string | null; pageCount: number | bigint | null };

export type ExportFilter = Pick<InventoryOptions, "q" | "genre" | "status">;

/**
 * The catalogue, or the inventory's filtered view, as CSV text in chunks of a thousand titles
 * (walked by id, so memory stays flat whatever the size). Same columns as the import reads:
 * `copies` counts the copies not withdrawn, `shelf_location` is the first one's.
 */
export async function* exportCatalogue(filter: ExportFilter): AsyncGenerator<string> {
  yield catalogueCsv([], true);
  for await (const batch of exportedTitles(filter)) {
    yield catalogueCsv(
      batch.map(({ id: _id, copies, ...t }) => ({ ...t, copies: copies.length, shelfLocation: copies[0]?.shelfLocation ?? "" })),
      false,
    );
  }
}

/** The filtered titles with their authors, genres and copies not withdrawn, a thousand at a time by id. */
export async function* exportedTitles(filter: ExportFilter): AsyncGenerator<MarcTitle[]> {
  const conditions = inventoryConditions(filter);
  if (conditions === null) return;
  let after = 0;
  for (;;) {
    const rows = await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT t."id", t."title", t."subtitle", t."originalTitle", t."isbn13", t."publisher", t."year", t."language", t."description", t."pageCount"
      FROM "Title" t WHERE ${Prisma.join([...conditions, Prisma.sql`t."id" > ${after}`], " AND ")} ORDER BY t."id" LIMIT ${CHUNK}`);
    if (rows.length === 0) return;
    const first = Number(rows[0].id);
    after = Number(rows[rows.length - 1].id);
    // The batch's authors, genres and copies by its id range, never by a list of its ids: a list
    // costs one bind parameter per title, and SQLite refuses a query past 999 of them (P2029).
    const inBatch = Prisma.sql`"titleId" BETWEEN ${first} AND ${after}`;
    const [authors, genres, copies] = await Promise.all([
      db.$queryRaw<{ titleId: number | bigint; name: string }[]>(Prisma.sql`
        SELECT ta."titleId", a."name" FROM "TitleAuthor" ta JOIN "Author" a ON a."id" = ta."authorId"
        WHERE ta.${inBatch} ORDER BY ta."titleId", ta."position"`),
      db.$queryRaw<{ titleId: number | bigint; name: string }[]>(Prisma.sql`
        SELECT tg."titleId", g."name" FROM "TitleGenre" tg JOIN "Genre" g ON g."id" = tg."genreId"
        WHERE tg.${inBatch} ORDER BY tg."titleId", g."name"`),
      db.$queryRaw<{ titleId: number | bigint; barcode: string; shelfLocation: string }[]>(Prisma.sql`
        SELECT c."titleId", c."barcode", c."shelfLocation" FROM "Copy" c
        WHERE c.${inBatch} AND c."status" <> 'WITHDRAWN' ORDER BY c."titleId", c."id"`),
    ]);
    const group = <T extends { titleId: number | bigint }>(items: T[]) => {
      const map = new Map<number, T[]>();
      for (const item of items) {
        const id = Number(item.titleId);
        const list = map.get(id);
        if (list) list.push(item);
        else map.set(id, [item]);
      }
      return map;
    };
    const authorsOf = group(authors);
    const genresOf = group(genres);
    const copiesOf = group(copies);
    yield rows.map((r) => {
      const id = Number(r.id);
      return {
        id,
        title: r.title,
        subtitle: r.subtitle,
        originalTitle: r.originalTitle,
        authors: (authorsOf.get(id) ?? []).map((a) => a.name),
        isbn13: r.isbn13,
        publisher: r.publisher,
        year: r.year === null ? null : Number(r.year),
        language: r.language,
        genres: (genresOf.get(id) ?? []).map((g) => g.name),
        description: r.description,
        pageCount: r.pageCount === null ? null : Number(r.pageCount),
        copies: (copiesOf.get(id) ?? []).map((c) => ({ barcode: c.barcode, shelfLocation: c.shelfLocation })),
      };
    });
    if (rows.length < CHUNK) return;
  }
}
